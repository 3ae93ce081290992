import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { Badge, BlockStack, Card, ChoiceList, EmptyState, Filters, IndexTable, Layout, Page, Text } from "@shopify/polaris";
import { useState } from "react";
import { db } from "../db.server";
import { atRiskMessages } from "../i18n/at-risk";
import { useFormat, useT } from "../i18n/react";
import { stepMessages, useStepNames } from "../i18n/steps";
import { atRiskOrders } from "../models/risk.server";
import { DELAY_STEPS } from "../notifications/types";
import { authenticate } from "../shopify.server";
import { AdminErrorBoundary, adminHeaders } from "../components/AdminErrorBoundary";

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

/** What the customer heard: the newest delay notice and where it stands. */
function ToldBadge({ told, dateTime }: { told: Array<{ step: string; status: string; at: string }>; dateTime: (iso: string) => string }) {
  const t = useT(atRiskMessages);
  const latest = told[0];
  if (!latest) return <Badge>{t("told.notYet")}</Badge>;
  if (latest.status === "SENT") return <Badge tone="success">{t("told.sent", { date: dateTime(latest.at) })}</Badge>;
  if (latest.status === "SKIPPED") return <Badge tone="critical">{t("told.skipped")}</Badge>;
  if (latest.status === "FAILED") return <Badge tone="critical">{t("told.failed")}</Badge>;
  return <Badge tone="info">{t("told.onItsWay")}</Badge>;
}

export default function AtRisk() {
  const { items, timezone } = useLoaderData<typeof loader>();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState(params.get("q") ?? "");
  const kinds = params.getAll("kind");
  const t = useT(atRiskMessages);
  const names = useStepNames();
  const format = useFormat(timezone);
  // New estimates are calendar days (YYYY-MM-DD), shown as they are whatever the time zone.
  const day = useFormat("UTC");
  const reason = (raw: string) => {
    const key = raw.toLowerCase() === "other" ? "other_reason" : raw.toLowerCase();
    return Object.hasOwn(atRiskMessages.en.reasons, key) ? t(`reasons.${key as keyof typeof atRiskMessages.en.reasons}`) : raw.replaceAll("_", " ").toLowerCase();
  };
  // The reason adds nothing when it only repeats the kind (a "rescheduled" reason for a rescheduled order).
  const sameAsKind = (kind: string, key: string) => key.replaceAll("_", " ").toLowerCase() === (stepMessages.en.kinds[kind as keyof typeof stepMessages.en.kinds] ?? "").toLowerCase();
  const visible = items.filter((i) => (kinds.length === 0 || kinds.includes(i.kind)) && (!query || i.orderName.toLowerCase().includes(query.toLowerCase())));

  const setKinds = (next: string[]) => {
    const p = new URLSearchParams(params);
    p.delete("kind");
    next.forEach((k) => p.append("kind", k));
    setParams(p, { replace: true });
  };

  return (
    <Page title={t("title")} subtitle={t("subtitle")}>
      <Layout>
        <Layout.Section>
          <Card padding="0">
            <Filters
              queryValue={query}
              queryPlaceholder={t("search")}
              onQueryChange={setQuery}
              onQueryClear={() => setQuery("")}
              onClearAll={() => {
                setQuery("");
                setKinds([]);
              }}
              filters={[
                {
                  key: "kind",
                  label: t("why"),
                  filter: (
                    <ChoiceList
                      title={t("why")}
                      titleHidden
                      allowMultiple
                      choices={DELAY_STEPS.map((value) => ({ value, label: names.kind(value) }))}
                      selected={kinds}
                      onChange={setKinds}
                    />
                  ),
                  shortcut: true,
                },
              ]}
              appliedFilters={kinds.length ? [{ key: "kind", label: t("whyApplied", { kinds: kinds.map((k) => names.kind(k)).join(", ") }), onRemove: () => setKinds([]) }] : []}
            />
            {visible.length === 0 ? (
              <EmptyState heading={items.length === 0 ? t("empty.none") : t("empty.noMatch")} image="">
                <p>{items.length === 0 ? t("empty.noneBody") : t("empty.noMatchBody")}</p>
              </EmptyState>
            ) : (
              <IndexTable
                resourceName={{ singular: t("resource.singular"), plural: t("resource.plural") }}
                itemCount={visible.length}
                selectable={false}
                headings={[{ title: t("columns.order") }, { title: t("columns.why") }, { title: t("columns.since") }, { title: t("columns.estimate") }, { title: t("columns.told") }]}
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
                          <Badge tone={item.kind === "on_hold" || item.kind === "carrier_delay" ? "warning" : "attention"}>{names.kind(item.kind)}</Badge>
                        </span>
                        {!sameAsKind(item.kind, item.reason) && (
                          <Text as="span" tone="subdued" variant="bodySm">
                            {reason(item.reason)}
                          </Text>
                        )}
                      </BlockStack>
                    </IndexTable.Cell>
                    <IndexTable.Cell>{format.dateTime(item.since)}</IndexTable.Cell>
                    <IndexTable.Cell>{item.newEstimate ? day.date(`${item.newEstimate}T12:00:00Z`) : "—"}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <ToldBadge told={item.told} dateTime={format.dateTime} />
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

export const ErrorBoundary = AdminErrorBoundary;
export const headers = adminHeaders;
