import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Box, Card, IndexTable, InlineStack, Layout, Link, Page, Text } from "@shopify/polaris";
import { db } from "../db.server";
import { notificationOverview } from "../models/templates.server";
import { stepDescription, stepLabel, triggerLabel } from "../notifications/catalog";
import { authenticate } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const since = new Date(Date.now() - 30 * 24 * 3600_000);
  const [rows, shop] = await Promise.all([
    notificationOverview(session.shop, since),
    db.shop.findUnique({ where: { domain: session.shop }, select: { timezone: true } }),
  ]);
  const format = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: shop?.timezone ?? "UTC" });
  return {
    triggers: [...new Set(rows.map((r) => r.trigger))].map((trigger) => ({
      trigger,
      label: triggerLabel(trigger),
      rows: rows
        .filter((r) => r.trigger === trigger)
        .map((r) => ({
          ...r,
          label: stepLabel(r.step),
          description: stepDescription(r.trigger, r.step),
          lastEdited: r.lastEditedAt ? format.format(r.lastEditedAt) : null,
        })),
    })),
  };
};

const CHANNEL_LABELS: Record<string, string> = { email: "Email", sms: "SMS", whatsapp: "WhatsApp" };

export default function Notifications() {
  const { triggers } = useLoaderData<typeof loader>();
  return (
    <Page title="Notifications" subtitle="What Herald tells your customers, when, and in which words. Open a message to edit its templates.">
      <Layout>
        {triggers.map((group) => (
          <Layout.Section key={group.trigger}>
            <Card padding="0">
              <Box padding="400" paddingBlockEnd="200">
                <Text as="h2" variant="headingMd">
                  {group.label}
                </Text>
              </Box>
              <IndexTable
                resourceName={{ singular: "message", plural: "messages" }}
                itemCount={group.rows.length}
                selectable={false}
                headings={[
                  { title: "Message" },
                  { title: "Channels" },
                  { title: "Status" },
                  { title: "Templates" },
                  { title: "Last edited" },
                  { title: "Sent (30 days)", alignment: "end" },
                ]}
              >
                {group.rows.map((row, index) => {
                  const custom = [
                    ...row.customized.email.map((l) => `email ${l}`),
                    ...row.customized.sms.map((l) => `SMS ${l}`),
                  ];
                  return (
                    <IndexTable.Row id={`${row.trigger}-${row.step}`} key={row.step} position={index}>
                      <IndexTable.Cell>
                        <BlockStack gap="050">
                          <Link url={`/app/notifications/${row.trigger}/${row.step}`} removeUnderline accessibilityLabel={`Edit ${group.label.toLowerCase()}: ${row.label}`}>
                            <Text as="span" fontWeight="semibold">
                              {row.label}
                            </Text>
                          </Link>
                          <Text as="span" variant="bodySm" tone="subdued">
                            {row.description}
                          </Text>
                        </BlockStack>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        <InlineStack gap="100">
                          {row.channels.map((c) => (
                            <Badge key={c}>{CHANNEL_LABELS[c] ?? c}</Badge>
                          ))}
                        </InlineStack>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        <Badge tone={row.enabled ? "success" : undefined}>{row.enabled ? "On" : "Off"}</Badge>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        <Text as="span" variant="bodySm" tone={custom.length ? undefined : "subdued"}>
                          {custom.length ? `Edited: ${custom.join(", ")}` : "Herald's defaults"}
                        </Text>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        <Text as="span" variant="bodySm" tone="subdued">
                          {row.lastEdited ?? "Never"}
                        </Text>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        <Text as="span" alignment="end" numeric>
                          {row.sent}
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
