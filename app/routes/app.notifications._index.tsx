import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Box, Card, IndexTable, InlineStack, Layout, Link, Page, Text } from "@shopify/polaris";
import { db } from "../db.server";
import { notificationOverview } from "../models/templates.server";
import { notificationsMessages } from "../i18n/notifications";
import { useCommonLabels, useFormat, useT } from "../i18n/react";
import { useStepNames } from "../i18n/steps";
import { authenticate } from "../shopify.server";
import { AdminErrorBoundary, adminHeaders } from "../components/AdminErrorBoundary";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const since = new Date(Date.now() - 30 * 24 * 3600_000);
  const [rows, shop] = await Promise.all([
    notificationOverview(session.shop, since),
    db.shop.findUnique({ where: { domain: session.shop }, select: { timezone: true } }),
  ]);
  return {
    timezone: shop?.timezone ?? "UTC",
    triggers: [...new Set(rows.map((r) => r.trigger))].map((trigger) => ({
      trigger,
      rows: rows.filter((r) => r.trigger === trigger).map((r) => ({ ...r, lastEdited: r.lastEditedAt?.toISOString() ?? null })),
    })),
  };
};

export default function Notifications() {
  const { triggers, timezone } = useLoaderData<typeof loader>();
  const t = useT(notificationsMessages);
  const names = useStepNames();
  const label = useCommonLabels();
  const format = useFormat(timezone);
  return (
    <Page title={t("title")} subtitle={t("subtitle")}>
      <Layout>
        {triggers.map((group) => (
          <Layout.Section key={group.trigger}>
            <Card padding="0">
              <Box padding="400" paddingBlockEnd="200">
                <Text as="h2" variant="headingMd">
                  {names.trigger(group.trigger)}
                </Text>
              </Box>
              <IndexTable
                resourceName={{ singular: t("resource.singular"), plural: t("resource.plural") }}
                itemCount={group.rows.length}
                selectable={false}
                headings={[
                  { title: t("columns.message") },
                  { title: t("columns.channels") },
                  { title: t("columns.status") },
                  { title: t("columns.templates") },
                  { title: t("columns.lastEdited") },
                  { title: t("columns.sent"), alignment: "end" },
                ]}
              >
                {group.rows.map((row, index) => {
                  const custom = [
                    ...row.customized.email.map((l) => `${label("channel", "email")} ${l}`),
                    ...row.customized.sms.map((l) => `${label("channel", "sms")} ${l}`),
                  ];
                  return (
                    <IndexTable.Row id={`${row.trigger}-${row.step}`} key={row.step} position={index}>
                      <IndexTable.Cell>
                        <BlockStack gap="050">
                          <Link url={`/app/notifications/${row.trigger}/${row.step}`} removeUnderline accessibilityLabel={t(`editLink.${group.trigger}`, { step: names.step(row.step) })}>
                            <Text as="span" fontWeight="semibold">
                              {names.step(row.step)}
                            </Text>
                          </Link>
                          <Text as="span" variant="bodySm" tone="subdued">
                            {names.description(row.step)}
                          </Text>
                        </BlockStack>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        <InlineStack gap="100">
                          {row.channels.map((c) => (
                            <Badge key={c}>{label("channel", c)}</Badge>
                          ))}
                        </InlineStack>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        <Badge tone={row.enabled ? "success" : undefined}>{row.enabled ? t("on") : t("off")}</Badge>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        <Text as="span" variant="bodySm" tone={custom.length ? undefined : "subdued"}>
                          {custom.length ? t("edited", { list: custom.join(", ") }) : t("defaults")}
                        </Text>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        <Text as="span" variant="bodySm" tone="subdued">
                          {row.lastEdited ? format.dateTime(row.lastEdited) : t("never")}
                        </Text>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        <Text as="span" alignment="end" numeric>
                          {format.number(row.sent)}
                        </Text>
                      </IndexTable.Cell>
                    </IndexTable.Row>
                  );
                })}
              </IndexTable>
            </Card>
          </Layout.Section>
        ))}
      </Layout>
    </Page>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
export const headers = adminHeaders;
