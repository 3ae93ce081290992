import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useSearchParams } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, EmptyState, IndexTable, InlineGrid, InlineStack, Layout, Page, Pagination, Select, Text } from "@shopify/polaris";
import type { ReactNode } from "react";
import { db } from "../db.server";
import { backInStockMessages } from "../i18n/back-in-stock";
import { useAdminLocale, useFormat, useT } from "../i18n/react";
import {
  alertsSent,
  conversionsSince,
  hasSubscriptions,
  lastRestocks,
  mostWantedVariants,
  subscriberList,
  subscriptionOfShop,
  unsubscribeSubscriber,
  variantNames,
  waitingCount,
} from "../models/back-in-stock.server";
import { authenticate } from "../shopify.server";
import { AdminErrorBoundary, adminHeaders } from "../components/AdminErrorBoundary";
import { useStorefrontBlockUrl } from "../components/storefront-block-link";

/** Alerts and purchases are counted over this many days (today included). */
const PERIOD_DAYS = 30;
const STATUSES = ["WAITING", "NOTIFIED", "UNSUBSCRIBED"] as const;
type Status = (typeof STATUSES)[number];
const isStatus = (value: string | null): value is Status => STATUSES.includes(value as Status);

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const shop = session.shop;
  const params = new URL(request.url).searchParams;
  const status = params.get("status");
  // A cursor is one of this shop's subscriptions; anything else starts from the first page.
  const asked = params.get("cursor");
  const cursor = asked && (await subscriptionOfShop(shop, asked)) ? asked : undefined;
  const since = new Date(Date.now() - PERIOD_DAYS * 86_400_000);
  const [timezone, any, waiting, alerts, conversions, wanted, page] = await Promise.all([
    db.shop.findUnique({ where: { domain: shop }, select: { timezone: true } }).then((s) => s?.timezone ?? "UTC"),
    hasSubscriptions(shop),
    waitingCount(shop),
    alertsSent(shop, since),
    conversionsSince(shop, since),
    mostWantedVariants(shop),
    subscriberList(shop, { status: isStatus(status) ? status : undefined, cursor }),
  ]);
  const [restocked, names] = await Promise.all([lastRestocks(shop, wanted.map((w) => w.variantId)), variantNames(shop, [...new Set(page.subscribers.map((s) => s.variantId))])]);
  return {
    shop,
    timezone,
    periodDays: PERIOD_DAYS,
    hasSubscriptions: any,
    figures: { waiting, alerts: alerts.messages.SENT ?? 0, conversions: conversions.conversions, revenue: Object.entries(conversions.revenue).map(([currency, amount]) => ({ currency, amount })) },
    mostWanted: wanted.map((w) => ({
      variantId: w.variantId,
      productTitle: w.productTitle,
      variantTitle: w.variantTitle,
      available: w.available,
      waiting: w.waiting,
      oldestSignupAt: w.oldestSignupAt?.toISOString() ?? null,
      lastRestockAt: restocked.get(w.variantId)?.toISOString() ?? null,
    })),
    subscribers: page.subscribers.map((s) => ({
      id: s.id,
      contact: [s.email, s.phone].filter(Boolean).join(" · "),
      variantId: s.variantId,
      productTitle: names.get(s.variantId)?.productTitle ?? null,
      variantTitle: names.get(s.variantId)?.variantTitle ?? null,
      status: s.status,
      smsPending: s.phone !== null && s.smsConfirmed === false,
      locale: s.locale,
      signedUpAt: s.signedUpAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  const id = form.get("subscriptionId");
  if (form.get("intent") !== "unsubscribe" || typeof id !== "string" || !id) return Response.json({ ok: false, error: "Unknown action" }, { status: 400 });
  if (!(await subscriptionOfShop(session.shop, id))) throw new Response("Not found", { status: 404 });
  if (!(await unsubscribeSubscriber(session.shop, id))) return Response.json({ ok: false, error: "Not waiting" }, { status: 409 });
  return Response.json({ ok: true });
};

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

/** A language tag ("fr-CA") named in the admin's language ("French (Canada)"). */
function useLanguageName() {
  const locale = useAdminLocale();
  const names = new Intl.DisplayNames(locale, { type: "language" });
  return (tag: string) => {
    try {
      return names.of(tag) ?? tag;
    } catch {
      return tag;
    }
  };
}

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="h2" variant="bodyMd" tone="subdued">
          {label}
        </Text>
        {children}
      </BlockStack>
    </Card>
  );
}

function Figures({ figures, timezone }: Pick<Data, "figures" | "timezone">) {
  const t = useT(backInStockMessages);
  const format = useFormat(timezone);
  return (
    <InlineGrid columns={{ xs: 2, md: 4 }} gap="400">
      <Figure label={t("figures.waiting")}>
        <Text as="p" variant="headingXl">
          {format.number(figures.waiting)}
        </Text>
      </Figure>
      <Figure label={t("figures.alerts")}>
        <Text as="p" variant="headingXl">
          {format.number(figures.alerts)}
        </Text>
      </Figure>
      <Figure label={t("figures.conversions")}>
        <Text as="p" variant="headingXl">
          {format.number(figures.conversions)}
        </Text>
      </Figure>
      <Figure label={t("figures.revenue")}>
        {figures.revenue.length === 0 ? (
          <Text as="p" variant="headingXl" tone="subdued">
            {t("figures.noRevenue")}
          </Text>
        ) : (
          figures.revenue.map((r) => (
            <Text as="p" variant="headingXl" key={r.currency}>
              {format.money(r.amount, r.currency)}
            </Text>
          ))
        )}
      </Figure>
    </InlineGrid>
  );
}

function MostWanted({ rows, timezone }: { rows: Data["mostWanted"]; timezone: string }) {
  const t = useT(backInStockMessages);
  const format = useFormat(timezone);
  return (
    <Card padding="0">
      <BlockStack gap="200">
        <div style={{ padding: "var(--p-space-400) var(--p-space-400) 0" }}>
          <Text as="h2" variant="headingMd">
            {t("mostWanted.heading")}
          </Text>
        </div>
        {rows.length === 0 ? (
          <div style={{ padding: "0 var(--p-space-400) var(--p-space-400)" }}>
            <Text as="p" tone="subdued">
              {t("mostWanted.none")}
            </Text>
          </div>
        ) : (
          <IndexTable
            resourceName={{ singular: t("mostWanted.resource.singular"), plural: t("mostWanted.resource.plural") }}
            itemCount={rows.length}
            selectable={false}
            headings={[
              { title: t("mostWanted.columns.variant") },
              { title: t("mostWanted.columns.waiting"), alignment: "end" },
              { title: t("mostWanted.columns.oldest") },
              { title: t("mostWanted.columns.lastRestock") },
            ]}
          >
            {rows.map((row, index) => (
              <IndexTable.Row id={row.variantId} key={row.variantId} position={index}>
                <IndexTable.Cell>
                  <BlockStack gap="100">
                    <Text as="span" fontWeight="semibold">
                      {row.productTitle ?? t("mostWanted.unknown", { id: row.variantId })}
                    </Text>
                    <InlineStack gap="200" blockAlign="center">
                      {row.variantTitle && (
                        <Text as="span" tone="subdued">
                          {row.variantTitle}
                        </Text>
                      )}
                      {row.available !== null && <Badge tone={row.available ? "success" : undefined}>{row.available ? t("mostWanted.inStock") : t("mostWanted.soldOut")}</Badge>}
                    </InlineStack>
                  </BlockStack>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" alignment="end" numeric fontWeight="semibold">
                    {format.number(row.waiting)}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>{row.oldestSignupAt ? format.date(row.oldestSignupAt) : "—"}</IndexTable.Cell>
                <IndexTable.Cell>{row.lastRestockAt ? format.dateTime(row.lastRestockAt) : t("mostWanted.never")}</IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        )}
      </BlockStack>
    </Card>
  );
}

function UnsubscribeButton({ id, contact }: { id: string; contact: string }) {
  const t = useT(backInStockMessages);
  const fetcher = useFetcher<{ ok: boolean }>();
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value="unsubscribe" />
      <input type="hidden" name="subscriptionId" value={id} />
      <BlockStack gap="100">
        <span>
          <Button submit size="slim" tone="critical" variant="secondary" loading={fetcher.state !== "idle"} accessibilityLabel={t("subscribers.unsubscribeLabel", { contact })}>
            {t("subscribers.unsubscribe")}
          </Button>
        </span>
        {fetcher.data?.ok === false && (
          <Text as="span" tone="critical" variant="bodySm">
            {t("subscribers.failed", { contact })}
          </Text>
        )}
      </BlockStack>
    </fetcher.Form>
  );
}

function Subscribers({ rows, nextCursor, timezone }: { rows: Data["subscribers"]; nextCursor: string | null; timezone: string }) {
  const t = useT(backInStockMessages);
  const format = useFormat(timezone);
  const language = useLanguageName();
  const [params, setParams] = useSearchParams();
  const status = params.get("status") ?? "";
  // Earlier pages' cursors, so "previous" walks back the way the merchant came.
  const back = params.get("back")?.split(",") ?? [];
  const go = (next: { status?: string; cursor?: string; back?: string[] }) => {
    const p = new URLSearchParams(params);
    for (const [key, value] of [["status", next.status ?? status], ["cursor", next.cursor ?? ""], ["back", (next.back ?? []).join(",")]] as const) {
      if (value) p.set(key, value);
      else p.delete(key);
    }
    setParams(p);
  };
  const cursor = params.get("cursor") ?? "";
  return (
    <Card padding="0">
      <BlockStack gap="200">
        <div style={{ padding: "var(--p-space-400) var(--p-space-400) 0" }}>
          <InlineStack align="space-between" blockAlign="center" gap="200">
            <Text as="h2" variant="headingMd">
              {t("subscribers.heading")}
            </Text>
            <Select
              label={t("subscribers.show")}
              labelInline
              options={[{ label: t("subscribers.filter.all"), value: "" }, ...STATUSES.map((s) => ({ label: t(`subscribers.filter.${s}`), value: s }))]}
              value={status}
              onChange={(value) => go({ status: value })}
            />
          </InlineStack>
        </div>
        {rows.length === 0 ? (
          <div style={{ padding: "0 var(--p-space-400) var(--p-space-400)" }}>
            <Text as="p" tone="subdued">
              {t("subscribers.none")}
            </Text>
          </div>
        ) : (
          <IndexTable
            resourceName={{ singular: t("subscribers.resource.singular"), plural: t("subscribers.resource.plural") }}
            itemCount={rows.length}
            selectable={false}
            headings={[
              { title: t("subscribers.columns.contact") },
              { title: t("subscribers.columns.variant") },
              { title: t("subscribers.columns.status") },
              { title: t("subscribers.columns.signedUp") },
              { title: t("subscribers.columns.language") },
              { title: t("subscribers.columns.action"), hidden: true },
            ]}
          >
            {rows.map((row, index) => (
              <IndexTable.Row id={row.id} key={row.id} position={index}>
                <IndexTable.Cell>
                  <BlockStack gap="100">
                    <Text as="span">{row.contact}</Text>
                    {row.smsPending && (
                      <Text as="span" tone="subdued" variant="bodySm">
                        {t("subscribers.smsPending")}
                      </Text>
                    )}
                  </BlockStack>
                </IndexTable.Cell>
                <IndexTable.Cell>{[row.productTitle, row.variantTitle].filter(Boolean).join(" · ") || t("mostWanted.unknown", { id: row.variantId })}</IndexTable.Cell>
                <IndexTable.Cell>
                  <Badge tone={row.status === "WAITING" ? "attention" : row.status === "NOTIFIED" ? "success" : undefined}>
                    {isStatus(row.status) ? t(`subscribers.status.${row.status}`) : row.status}
                  </Badge>
                </IndexTable.Cell>
                <IndexTable.Cell>{format.dateTime(row.signedUpAt)}</IndexTable.Cell>
                <IndexTable.Cell>{language(row.locale)}</IndexTable.Cell>
                <IndexTable.Cell>{row.status === "WAITING" && <UnsubscribeButton id={row.id} contact={row.contact} />}</IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        )}
        {(nextCursor || cursor) && (
          <nav aria-label={t("subscribers.pages")} style={{ display: "flex", justifyContent: "center", padding: "0 0 var(--p-space-400)" }}>
            <Pagination
              hasPrevious={Boolean(cursor)}
              onPrevious={() => go({ cursor: back.at(-1), back: back.slice(0, -1) })}
              hasNext={Boolean(nextCursor)}
              onNext={() => go({ cursor: nextCursor ?? "", back: [...back, cursor] })}
            />
          </nav>
        )}
      </BlockStack>
    </Card>
  );
}

export default function BackInStock() {
  const data = useLoaderData<typeof loader>();
  const blockUrl = useStorefrontBlockUrl(data.shop);
  const t = useT(backInStockMessages);
  return (
    <Page title={t("title")} subtitle={t("subtitle", { days: data.periodDays })}>
      <Layout>
        {!data.hasSubscriptions ? (
          <Layout.Section>
            <Card>
              <EmptyState
                heading={t("empty.heading")}
                image=""
                action={{ content: t("empty.action"), url: blockUrl, external: true }}
              >
                <p>{t("empty.body")}</p>
              </EmptyState>
            </Card>
          </Layout.Section>
        ) : (
          <>
            <Layout.Section>
              <Figures figures={data.figures} timezone={data.timezone} />
            </Layout.Section>
            <Layout.Section>
              <MostWanted rows={data.mostWanted} timezone={data.timezone} />
            </Layout.Section>
            <Layout.Section>
              <Subscribers rows={data.subscribers} nextCursor={data.nextCursor} timezone={data.timezone} />
            </Layout.Section>
          </>
        )}
      </Layout>
    </Page>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
export const headers = adminHeaders;
