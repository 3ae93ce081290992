import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Button, Card, EmptyState, IndexTable, Layout, Page, Text } from "@shopify/polaris";
import { db } from "../db.server";
import { dataRequests } from "../models/privacy.server";
import { authenticate } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const [requests, shop] = await Promise.all([dataRequests(session.shop), db.shop.findUnique({ where: { domain: session.shop }, select: { timezone: true } })]);
  const format = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: shop?.timezone ?? "UTC" });
  return { requests: requests.map((r) => ({ ...r, receivedAt: format.format(r.receivedAt) })) };
};

export default function Privacy() {
  const { requests } = useLoaderData<typeof loader>();
  return (
    <Page title="Customer data requests" subtitle="When a customer asks what your store holds about them, Shopify forwards the request here">
      <Layout>
        <Layout.Section>
          <Card padding="0">
            {requests.length === 0 ? (
              <EmptyState heading="No data requests" image="">
                <p>Requests appear here as soon as Shopify sends one. Each export lists every message Herald sent the customer, their orders as Herald knows them, and their opt-outs.</p>
              </EmptyState>
            ) : (
              <IndexTable
                resourceName={{ singular: "data request", plural: "data requests" }}
                itemCount={requests.length}
                selectable={false}
                headings={[{ title: "Received" }, { title: "Customer" }, { title: "Orders" }, { title: "Export" }]}
              >
                {requests.map((r, i) => (
                  <IndexTable.Row id={r.id} key={r.id} position={i}>
                    <IndexTable.Cell>{r.receivedAt}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <Text as="span">Customer {r.customerId}</Text>
                    </IndexTable.Cell>
                    <IndexTable.Cell>{r.orders}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <Button url={`/app/privacy/${r.id}`} download accessibilityLabel={`Download the data export for customer ${r.customerId}`}>
                        Download JSON
                      </Button>
                    </IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
            )}
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                Erasure
              </Text>
              <Text as="p" tone="subdued">
                Redaction requests are carried out automatically: the customer&apos;s orders and the content and addresses of their messages are removed, keeping only anonymous counts.
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
