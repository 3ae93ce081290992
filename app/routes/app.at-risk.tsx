import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { Badge, BlockStack, Card, ChoiceList, EmptyState, Filters, IndexTable, Layout, Page, Text } from "@shopify/polaris";
import { useMemo, useState } from "react";
import { db } from "../db.server";
import { atRiskOrders } from "../models/risk.server";
import { authenticate } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const [items, shop] = await Promise.all([
    atRiskOrders(session.shop, new Date()),
    db.shop.findUnique({ where: { domain: session.shop }, select: { timezone: true } }),
  ]);
  return {
    timezone: shop?.timezone ?? "UTC",
    items: items.map((i) => ({
      key: `${i.subject}|${i.kind}`,
      orderName: i.orderName,
      kind: i.kind,
      reason: i.reason,
      since: i.since.toISOString(),
      detectedAt: i.detectedAt.toISOString(),
      newEstimate: i.newEstimate,
      notifiedAt: i.notifiedAt?.toISOString() ?? null,
      told: i.told.map((t) => ({ ...t, at: t.at.toISOString() })),
    })),
  };
};

const KIND_LABEL: Record<string, string> = {
  unfulfilled: "Not fulfilled",
  carrier_delay: "Carrier delay",
  stalled: "Stalled in transit",
  not_picked_up: "Not picked up",
  eta_passed: "Estimate passed",
  on_hold: "On hold",
  rescheduled: "Rescheduled",
};

function humanize(value: string) {
  return value.replaceAll("_", " ");
}

/** What the customer heard: the newest delay notice and where it stands. */
function ToldBadge({ told, format }: { told: Array<{ step: string; status: string; at: string }>; format: Intl.DateTimeFormat }) {
  const latest = told[0];
  if (!latest) return <Badge>Not yet</Badge>;
  if (latest.status === "SENT") return <Badge tone="success">{`Told ${format.format(new Date(latest.at))}`}</Badge>;
  if (latest.status === "SKIPPED" || latest.status === "FAILED") return <Badge tone="critical">{`Notice ${latest.status.toLowerCase()}`}</Badge>;
  return <Badge tone="info">Notice on its way</Badge>;
}

export default function AtRisk() {
  const { items, timezone } = useLoaderData<typeof loader>();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState(params.get("q") ?? "");
  const kinds = params.getAll("kind");
  const format = useMemo(() => new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: timezone }), [timezone]);
  const visible = items.filter((i) => (kinds.length === 0 || kinds.includes(i.kind)) && (!query || i.orderName.toLowerCase().includes(query.toLowerCase())));

  const setKinds = (next: string[]) => {
    const p = new URLSearchParams(params);
    p.delete("kind");
    next.forEach((k) => p.append("kind", k));
    setParams(p, { replace: true });
  };

  return (
    <Page title="At-risk orders" subtitle="Open orders that are late, stalled, on hold or past their estimate, and what each customer has been told">
      <Layout>
        <Layout.Section>
          <Card padding="0">
            <Filters
              queryValue={query}
              queryPlaceholder="Search by order"
              onQueryChange={setQuery}
              onQueryClear={() => setQuery("")}
              onClearAll={() => {
                setQuery("");
                setKinds([]);
              }}
              filters={[
                {
                  key: "kind",
                  label: "Why",
                  filter: (
                    <ChoiceList
                      title="Why"
                      titleHidden
                      allowMultiple
                      choices={Object.entries(KIND_LABEL).map(([value, label]) => ({ value, label }))}
                      selected={kinds}
                      onChange={setKinds}
                    />
                  ),
                  shortcut: true,
                },
              ]}
              appliedFilters={kinds.length ? [{ key: "kind", label: `Why: ${kinds.map((k) => KIND_LABEL[k]).join(", ")}`, onRemove: () => setKinds([]) }] : []}
            />
            {visible.length === 0 ? (
              <EmptyState heading={items.length === 0 ? "No order is at risk" : "No order matches"} image="">
                <p>
                  {items.length === 0
                    ? "Herald watches every open order for late fulfillment, carrier delays, stalled parcels, holds and missed estimates, and tells the customer first."
                    : "Change the search or the filters to see more orders."}
                </p>
              </EmptyState>
            ) : (
              <IndexTable
                resourceName={{ singular: "at-risk order", plural: "at-risk orders" }}
                itemCount={visible.length}
                selectable={false}
                headings={[{ title: "Order" }, { title: "Why" }, { title: "Since" }, { title: "New estimate" }, { title: "Customer told" }]}
              >
                {visible.map((item, index) => (
                  <IndexTable.Row id={item.key} key={item.key} position={index}>
                    <IndexTable.Cell>
                      <Text as="span" fontWeight="semibold">
                        {item.orderName}
                      </Text>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <BlockStack gap="100">
                        <span>
                          <Badge tone={item.kind === "on_hold" || item.kind === "carrier_delay" ? "warning" : "attention"}>{KIND_LABEL[item.kind] ?? item.kind}</Badge>
                        </span>
                        {humanize(item.reason) !== (KIND_LABEL[item.kind] ?? "").toLowerCase() && (
                          <Text as="span" tone="subdued" variant="bodySm">
                            {humanize(item.reason)}
                          </Text>
                        )}
                      </BlockStack>
                    </IndexTable.Cell>
                    <IndexTable.Cell>{format.format(new Date(item.since))}</IndexTable.Cell>
                    <IndexTable.Cell>{item.newEstimate ?? "—"}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <ToldBadge told={item.told} format={format} />
                    </IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
            )}
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
