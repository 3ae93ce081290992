import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { BlockStack, Card, DataTable, EmptyState, InlineGrid, Layout, Page, Select, Text } from "@shopify/polaris";
import vizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";
import { AnalyticsChart } from "../components/AnalyticsChart";
import { db } from "../db.server";
import { analyticsMessages } from "../i18n/analytics";
import { useAdminLocale, useCommonLabels, useFormat, useT } from "../i18n/react";
import { shopAnalytics, type Figures } from "../models/analytics.server";
import { authenticate } from "../shopify.server";
import { AdminErrorBoundary, adminHeaders } from "../components/AdminErrorBoundary";

/** The periods offered, in days (today included). */
const ANALYTICS_RANGES = [7, 30, 90];

export const links = () => [{ rel: "stylesheet", href: vizStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const asked = Number(new URL(request.url).searchParams.get("days"));
  const range = ANALYTICS_RANGES.includes(asked) ? asked : 30;
  const timezone = (await db.shop.findUnique({ where: { domain: session.shop }, select: { timezone: true } }))?.timezone ?? "UTC";
  return { analytics: await shopAnalytics(session.shop, range, { now: new Date(), timeZone: timezone }), timezone };
};

const FIGURES = ["sent", "delivered", "opened", "clicked", "failed"] as const;

/** A duration in the admin's language, in the largest unit that keeps it readable. */
function useDuration() {
  const locale = useAdminLocale();
  return (ms: number) => {
    const minutes = ms / 60_000;
    const [value, unit] = minutes < 90 ? [minutes, "minute"] : minutes < 48 * 60 ? [minutes / 60, "hour"] : [minutes / 1440, "day"];
    return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long", maximumFractionDigits: 1 }).format(value);
  };
}

export default function Analytics() {
  const { analytics: a, timezone } = useLoaderData<typeof loader>();
  const t = useT(analyticsMessages);
  const label = useCommonLabels();
  const format = useFormat(timezone);
  const duration = useDuration();
  const [, setParams] = useSearchParams();
  // The buckets are already the shop's local dates: shown as such, not moved to another zone.
  const locale = useAdminLocale();
  const dayFormat = useFormat("UTC");
  const short = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" });
  const day = (date: string) => short.format(new Date(`${date}T00:00:00Z`));
  const figureRow = (name: string, f: Figures) => [name, ...FIGURES.map((k) => format.number(f[k]))];
  const breakdown = (rows: Array<{ name: string } & Figures>) =>
    FIGURES.map((k) => ({ name: t(`figures.${k}`), data: rows.map((r) => ({ key: r.name, value: r[k] })) }));
  const triggers = a.byTrigger.map((r) => ({ ...r, name: label("trigger", r.trigger) }));
  const channels = a.byChannel.map((r) => ({ ...r, name: label("channel", r.channel) }));

  return (
    <Page
      title={t("title")}
      subtitle={t("period", { from: dayFormat.date(`${a.from}T12:00:00Z`), to: dayFormat.date(`${a.to}T12:00:00Z`) })}
      primaryAction={
        <Select
          label={t("range.label")}
          labelInline
          options={ANALYTICS_RANGES.map((n) => ({ label: t("range.days", { count: n }), value: String(n) }))}
          value={String(a.range)}
          onChange={(v) => setParams((p) => new URLSearchParams({ ...Object.fromEntries(p), days: v }))}
        />
      }
    >
      <Layout>
        <Layout.Section>
          <InlineGrid columns={{ xs: 2, md: 5 }} gap="400">
            {FIGURES.map((k) => (
              <Card key={k}>
                <BlockStack gap="100">
                  <Text as="h2" variant="bodyMd" tone="subdued">
                    {t(`figures.${k}`)}
                  </Text>
                  <Text as="p" variant="headingXl">
                    {format.number(a.totals[k])}
                  </Text>
                </BlockStack>
              </Card>
            ))}
          </InlineGrid>
        </Layout.Section>
        {a.totals.sent + a.totals.failed === 0 ? (
          <Layout.Section>
            <Card>
              <EmptyState heading={t("empty.heading")} image="">
                <p>{t("empty.body")}</p>
              </EmptyState>
            </Card>
          </Layout.Section>
        ) : (
          <>
            <Layout.Section>
              <Card>
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">
                    {t("perDay.heading")}
                  </Text>
                  <AnalyticsChart
                    kind="line"
                    label={t("perDay.chart")}
                    series={FIGURES.map((k) => ({ name: t(`figures.${k}`), data: a.days.map((d) => ({ key: day(d.date), value: d[k] })) }))}
                  />
                  <details>
                    <summary>{t("table")}</summary>
                    <DataTable
                      columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric", "numeric"]}
                      headings={[t("perDay.day"), ...FIGURES.map((k) => t(`figures.${k}`))]}
                      rows={a.days.map((d) => figureRow(day(d.date), d))}
                    />
                  </details>
                </BlockStack>
              </Card>
            </Layout.Section>
            <Layout.Section>
              <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
                <Card>
                  <BlockStack gap="300">
                    <Text as="h2" variant="headingMd">
                      {t("byTrigger.heading")}
                    </Text>
                    <AnalyticsChart kind="bar" label={t("byTrigger.heading")} series={breakdown(triggers)} height={240} />
                    <DataTable
                      columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric", "numeric"]}
                      headings={[t("byTrigger.trigger"), ...FIGURES.map((k) => t(`figures.${k}`))]}
                      rows={triggers.map((r) => figureRow(r.name, r))}
                    />
                  </BlockStack>
                </Card>
                <Card>
                  <BlockStack gap="300">
                    <Text as="h2" variant="headingMd">
                      {t("byChannel.heading")}
                    </Text>
                    <AnalyticsChart kind="bar" label={t("byChannel.heading")} series={breakdown(channels)} height={240} />
                    <DataTable
                      columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric", "numeric"]}
                      headings={[t("byChannel.channel"), ...FIGURES.map((k) => t(`figures.${k}`))]}
                      rows={channels.map((r) => figureRow(r.name, r))}
                    />
                  </BlockStack>
                </Card>
              </InlineGrid>
            </Layout.Section>
          </>
        )}
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t("delay.heading")}
                </Text>
                <Text as="p" variant="headingLg">
                  {t("delay.sent", { count: a.delay.sent })}
                </Text>
                <Text as="p" tone="subdued">
                  {a.delay.medianDetectionToNoticeMs === null ? t("delay.noMedian") : t("delay.median", { duration: duration(a.delay.medianDetectionToNoticeMs) })}
                </Text>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t("backInStock.heading")}
                </Text>
                <Text as="p">{t("backInStock.alerts", { count: a.backInStock.alertsSent })}</Text>
                {a.backInStock.conversions === 0 ? (
                  <Text as="p" tone="subdued">
                    {t("backInStock.none")}
                  </Text>
                ) : (
                  <>
                    <Text as="p" variant="headingLg">
                      {t("backInStock.conversions", { count: a.backInStock.conversions })}
                    </Text>
                    <Text as="h3" variant="headingSm">
                      {t("backInStock.revenue")}
                    </Text>
                    {a.backInStock.revenue.map((r) => (
                      <Text as="p" variant="headingLg" key={r.currency}>
                        {format.money(r.amount, r.currency)}
                      </Text>
                    ))}
                  </>
                )}
              </BlockStack>
            </Card>
          </InlineGrid>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
export const headers = adminHeaders;
