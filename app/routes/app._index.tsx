import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Card, DataTable, EmptyState, InlineGrid, Layout, Page, Text } from "@shopify/polaris";
import { HealthCard } from "../components/HealthCard";
import { OnboardingChecklist } from "../components/OnboardingChecklist";
import { db } from "../db.server";
import { homeMessages } from "../i18n/home";
import { useCommonLabels, useFormat, useT } from "../i18n/react";
import { useStepNames } from "../i18n/steps";
import { failedEvents } from "../models/events.server";
import { messageCounts, recentMessages } from "../models/messages.server";
import { onboardingChecklist, shopHealth } from "../models/onboarding.server";
import { markStorefrontBlock } from "../models/settings.server";
import { authenticate } from "../shopify.server";
import { AdminErrorBoundary, adminHeaders } from "../components/AdminErrorBoundary";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const shop = session.shop;
  const since = new Date(Date.now() - 30 * 24 * 3600_000);
  const [shopRow, counts, messages, failed, checklist, health] = await Promise.all([
    db.shop.findUnique({ where: { domain: shop }, select: { name: true, timezone: true, primaryLocale: true } }),
    messageCounts(shop, since),
    recentMessages(shop, 25),
    failedEvents(shop, 10),
    onboardingChecklist(shop),
    shopHealth(shop),
  ]);
  const { lastFailure } = health;
  return {
    shop,
    shopName: shopRow?.name ?? shop,
    checklist,
    health: {
      lastWebhookAt: health.lastWebhookAt?.toISOString() ?? null,
      queueDepth: health.queueDepth,
      lastFailure: lastFailure ? { ...lastFailure, at: lastFailure.at.toISOString() } : null,
    },
    timezone: shopRow?.timezone ?? "UTC",
    counts,
    messages: messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString(), sentAt: m.sentAt?.toISOString() ?? null })),
    failed: failed.map((e) => ({ ...e, receivedAt: e.receivedAt.toISOString() })),
  };
};

/** Home's one change: the merchant marks the storefront block as added to their theme (or not). */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  if (form.get("intent") !== "storefront-block") return Response.json({ ok: false }, { status: 400 });
  const result = await markStorefrontBlock(session.shop, form.get("added") === "true");
  return Response.json({ ok: result.ok }, { status: result.ok ? 200 : 404 });
};

const STATUS_TONE: Record<string, "success" | "critical" | "attention" | "info" | undefined> = {
  SENT: "success",
  FAILED: "critical",
  PENDING: "attention",
  SENDING: "attention",
  SKIPPED: "info",
};

export default function Home() {
  const { shop, shopName, timezone, counts, messages, failed, checklist, health } = useLoaderData<typeof loader>();
  const t = useT(homeMessages);
  const format = useFormat(timezone);
  const label = useCommonLabels();
  const names = useStepNames();
  const figures = [
    { label: t("figures.sent"), value: counts.SENT ?? 0 },
    { label: t("figures.waiting"), value: (counts.PENDING ?? 0) + (counts.SENDING ?? 0) },
    { label: t("figures.skipped"), value: counts.SKIPPED ?? 0 },
    { label: t("figures.failed"), value: counts.FAILED ?? 0 },
  ];
  return (
    <Page title="Herald" subtitle={t("subtitle", { shop: shopName })}>
      <Layout>
        <Layout.Section>
          <OnboardingChecklist shop={shop} checklist={checklist} />
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <HealthCard timezone={timezone} health={health} />
        </Layout.Section>
        <Layout.Section>
          <InlineGrid columns={{ xs: 2, md: 4 }} gap="400">
            {figures.map((f) => (
              <Card key={f.label}>
                <BlockStack gap="100">
                  <Text as="h2" variant="bodyMd" tone="subdued">
                    {f.label}
                  </Text>
                  <Text as="p" variant="headingXl">
                    {format.number(f.value)}
                  </Text>
                </BlockStack>
              </Card>
            ))}
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <Card padding="0">
            {messages.length === 0 ? (
              <EmptyState heading={t("empty.heading")} image="">
                <p>{t("empty.body")}</p>
              </EmptyState>
            ) : (
              <BlockStack>
                <div style={{ padding: "16px 16px 0" }}>
                  <Text as="h2" variant="headingMd">
                    {t("recent.heading")}
                  </Text>
                </div>
                <DataTable
                  columnContentTypes={["text", "text", "text", "text", "text", "text"]}
                  headings={[t("recent.created"), t("recent.message"), t("recent.channel"), t("recent.language"), t("recent.status"), t("recent.details")]}
                  rows={messages.map((m) => [
                    format.dateTime(m.createdAt),
                    // A subject is in the customer's language, maybe right to left.
                    m.renderedSubject ? (
                      <span key={`${m.id}-subject`} dir="auto" lang={m.locale ?? undefined}>
                        {m.renderedSubject}
                      </span>
                    ) : (
                      `${label("trigger", m.trigger)} · ${names.step(m.step)}`
                    ),
                    label("channel", m.channel),
                    m.locale ?? "—",
                    <Badge key={m.id} tone={STATUS_TONE[m.status]}>
                      {label("status", m.status)}
                    </Badge>,
                    m.reason?.replaceAll("_", " ") ?? m.error ?? (m.attempts > 1 ? t("recent.attempts", { count: m.attempts }) : ""),
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
                  {t("failed.heading")}
                </Text>
                <DataTable
                  columnContentTypes={["text", "text", "text"]}
                  headings={[t("failed.received"), t("failed.topic"), t("failed.reason")]}
                  rows={failed.map((e) => [format.dateTime(e.receivedAt), e.topic, e.error ?? ""])}
                />
              </BlockStack>
            </Card>
          </Layout.Section>
        )}
      </Layout>
    </Page>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
export const headers = adminHeaders;
