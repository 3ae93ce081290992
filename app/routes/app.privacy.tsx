import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Box, Card, EmptyState, IndexTable, Layout, Page, Text } from "@shopify/polaris";
import { DownloadButton } from "../components/DownloadButton";
import { db } from "../db.server";
import { privacyMessages } from "../i18n/privacy";
import { useFormat, useT } from "../i18n/react";
import { dataRequests } from "../models/privacy.server";
import { authenticate } from "../shopify.server";
import { AdminErrorBoundary, adminHeaders } from "../components/AdminErrorBoundary";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const [requests, shop] = await Promise.all([dataRequests(session.shop), db.shop.findUnique({ where: { domain: session.shop }, select: { timezone: true } })]);
  return { timezone: shop?.timezone ?? "UTC", requests: requests.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() })) };
};

export default function Privacy() {
  const { requests, timezone } = useLoaderData<typeof loader>();
  const t = useT(privacyMessages);
  const format = useFormat(timezone);
  return (
    <Page title={t("title")} subtitle={t("subtitle")}>
      <Layout>
        <Layout.Section>
          <Card padding="0">
            {requests.length === 0 ? (
              <EmptyState heading={t("empty.heading")} image="">
                <p>{t("empty.body")}</p>
              </EmptyState>
            ) : (
              <IndexTable
                resourceName={{ singular: t("resource.singular"), plural: t("resource.plural") }}
                itemCount={requests.length}
                selectable={false}
                headings={[{ title: t("columns.received") }, { title: t("columns.customer") }, { title: t("columns.orders") }, { title: t("columns.export") }]}
              >
                {requests.map((r, i) => (
                  <IndexTable.Row id={r.id} key={r.id} position={i}>
                    <IndexTable.Cell>{format.dateTime(r.receivedAt)}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <Text as="span">{t("customer", { id: r.customerId })}</Text>
                    </IndexTable.Cell>
                    <IndexTable.Cell>{format.number(r.orders)}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <DownloadButton href={`/app/privacy/${r.id}`} fallbackName={`herald-data-request-${r.id}.json`} accessibilityLabel={t("downloadLabel", { id: r.customerId })}>
                        {t("download")}
                      </DownloadButton>
                    </IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
            )}
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <NoteCard heading={t("erasure.heading")} body={t("erasure.body")} />
          <Box paddingBlockStart="400">
            <NoteCard heading={t("retention.heading")} body={t("retention.body")} />
          </Box>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
export const headers = adminHeaders;

/** A card that explains: a heading and a paragraph. */
function NoteCard({ heading, body }: { heading: string; body: string }) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {heading}
        </Text>
        <Text as="p" tone="subdued">
          {body}
        </Text>
      </BlockStack>
    </Card>
  );
}
