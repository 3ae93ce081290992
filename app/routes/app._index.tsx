import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Card, DataTable, EmptyState, InlineGrid, Layout, Page, Text } from "@shopify/polaris";
import { db } from "../db.server";
import { failedEvents } from "../models/events.server";
import { messageCounts, recentMessages } from "../models/messages.server";
import { authenticate } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const shop = session.shop;
  const since = new Date(Date.now() - 30 * 24 * 3600_000);
  const [shopRow, counts, messages, failed] = await Promise.all([
    db.shop.findUnique({ where: { domain: shop }, select: { name: true, timezone: true, primaryLocale: true } }),
    messageCounts(shop, since),
    recentMessages(shop, 25),
    failedEvents(shop, 10),
  ]);
  return {
    shopName: shopRow?.name ?? shop,
    timezone: shopRow?.timezone ?? "UTC",
    counts,
    messages: messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString(), sentAt: m.sentAt?.toISOString() ?? null })),
    failed: failed.map((e) => ({ ...e, receivedAt: e.receivedAt.toISOString() })),
  };
};

const STATUS_TONE: Record<string, "success" | "critical" | "attention" | "info" | undefined> = {
  SENT: "success",
  FAILED: "critical",
  PENDING: "attention",
  SENDING: "attention",
  SKIPPED: "info",
};

function when(iso: string, timeZone: string) {
  return new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));
}

export default function Home() {
  const { shopName, timezone, counts, messages, failed } = useLoaderData<typeof loader>();
  const figures = [
    { label: "Sent", value: counts.SENT ?? 0 },
    { label: "Waiting to send", value: (counts.PENDING ?? 0) + (counts.SENDING ?? 0) },
    { label: "Skipped", value: counts.SKIPPED ?? 0 },
    { label: "Failed", value: counts.FAILED ?? 0 },
  ];
  return (
    <Page title="Herald" subtitle={`Customer notifications for ${shopName}`}>
      <Layout>
        <Layout.Section>
          <InlineGrid columns={{ xs: 2, md: 4 }} gap="400">
            {figures.map((f) => (
              <Card key={f.label}>
                <BlockStack gap="100">
                  <Text as="h2" variant="bodyMd" tone="subdued">
                    {f.label} (30 days)
                  </Text>
                  <Text as="p" variant="headingXl">
                    {f.value}
                  </Text>
                </BlockStack>
              </Card>
            ))}
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <Card padding="0">
            {messages.length === 0 ? (
              <EmptyState heading="No messages yet" image="">
                <p>When you fulfill an order, Herald tells the customer it has shipped, then follows the carrier until it is delivered.</p>
              </EmptyState>
            ) : (
              <BlockStack>
                <div style={{ padding: "16px 16px 0" }}>
                  <Text as="h2" variant="headingMd">
                    Recent messages
                  </Text>
                </div>
                <DataTable
                  columnContentTypes={["text", "text", "text", "text", "text", "text"]}
                  headings={["Created", "Message", "Channel", "Language", "Status", "Details"]}
                  rows={messages.map((m) => [
                    when(m.createdAt, timezone),
                    m.renderedSubject ?? `${m.trigger} · ${m.step.replaceAll("_", " ")}`,
                    m.channel,
                    m.locale ?? "—",
                    <Badge key={m.id} tone={STATUS_TONE[m.status]}>
                      {m.status.toLowerCase()}
                    </Badge>,
                    m.reason?.replaceAll("_", " ") ?? m.error ?? (m.attempts > 1 ? `${m.attempts} attempts` : ""),
                  ])}
                />
              </BlockStack>
            )}
          </Card>
        </Layout.Section>
        {failed.length > 0 && (
          <Layout.Section>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Webhooks Herald could not read
                </Text>
                <DataTable
                  columnContentTypes={["text", "text", "text"]}
                  headings={["Received", "Topic", "Reason"]}
                  rows={failed.map((e) => [when(e.receivedAt, timezone), e.topic, e.error ?? ""])}
                />
              </BlockStack>
            </Card>
          </Layout.Section>
        )}
      </Layout>
    </Page>
  );
}
