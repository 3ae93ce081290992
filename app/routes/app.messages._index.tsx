import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigate, useNavigation, useSearchParams } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { Banner, Card, EmptyState, IndexFilters, Layout, Page, useSetIndexFiltersMode } from "@shopify/polaris";
import { useEffect } from "react";
import { FailedWebhooks } from "../components/FailedWebhooks";
import { useLogFilters, useMessageFilterFields } from "../components/MessageFilters";
import { MessageLogTable } from "../components/MessageLogTable";
import { db } from "../db.server";
import { messagesLogMessages } from "../i18n/messages-log";
import { useT } from "../i18n/react";
import { failedEvents } from "../models/events.server";
import { hasMessages, listMessages, parseLogFilters } from "../models/message-log.server";
import { authenticate } from "../shopify.server";
import { replayEvent, type ReplayOutcome } from "../webhooks/replay.server";
import { AdminErrorBoundary, adminHeaders } from "../components/AdminErrorBoundary";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const shop = session.shop;
  const params = new URL(request.url).searchParams;
  const { filters, invalid } = parseLogFilters(params);
  const timezone = (await db.shop.findUnique({ where: { domain: shop }, select: { timezone: true } }))?.timezone ?? "UTC";
  const [page, any, failed] = await Promise.all([listMessages(shop, filters, { timeZone: timezone }), hasMessages(shop), failedEvents(shop, 100)]);
  return { page, any, failed, invalid, timezone };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  const eventId = String(form.get("eventId") ?? "");
  if (form.get("intent") !== "replay" || !eventId) return Response.json({ error: "Unknown action" }, { status: 400 });
  const result: ReplayOutcome = await replayEvent(session.shop, eventId, new Date());
  if (result.outcome === "not_found") throw new Response("Not found", { status: 404 });
  return result;
};

export default function MessageLog() {
  const { page, any, failed, invalid, timezone } = useLoaderData<typeof loader>();
  const t = useT(messagesLogMessages);
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { mode, setMode } = useSetIndexFiltersMode();
  const filters = useLogFilters();
  const filterFields = useMessageFilterFields(filters);
  const tab = params.get("tab") === "webhooks" ? 1 : 0;
  const replay = useFetcher<ReplayOutcome>();
  const shopify = useAppBridge();
  const navigation = useNavigation();

  useEffect(() => {
    if (replay.state !== "idle" || !replay.data) return;
    if (replay.data.outcome === "queued") shopify.toast.show(t("webhooks.queued"));
    if (replay.data.outcome === "not_failed") shopify.toast.show(t("webhooks.gone"));
  }, [replay.state, replay.data, shopify, t]);

  const selectTab = (index: number) => {
    const next = new URLSearchParams(params);
    if (index === 1) next.set("tab", "webhooks");
    else next.delete("tab");
    setParams(next);
  };
  const goToPage = (key: "after" | "before", cursor: string | null) => {
    if (!cursor) return;
    const next = new URLSearchParams(params);
    next.delete("after");
    next.delete("before");
    next.set(key, cursor);
    navigate(`?${next}`);
  };

  return (
    <Page title={t("title")} fullWidth>
      <Layout>
        {invalid && (
          <Layout.Section>
            <Banner tone="warning">{t("filters.invalid", { error: invalid })}</Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <Card padding="0">
            <IndexFilters
              tabs={[
                { id: "messages", content: t("tabs.messages") },
                { id: "webhooks", content: `${t("tabs.webhooks")} (${failed.length})` },
              ]}
              selected={tab}
              onSelect={selectTab}
              queryValue={filters.query}
              queryPlaceholder={t("filters.search")}
              onQueryChange={filters.setQuery}
              onQueryClear={() => filters.setQuery("")}
              filters={filterFields}
              appliedFilters={filters.applied}
              onClearAll={filters.clearAll}
              loading={navigation.state === "loading"}
              mode={mode}
              setMode={setMode}
              cancelAction={{ onAction: () => undefined }}
              canCreateNewView={false}
              hideFilters={tab === 1}
              hideQueryField={tab === 1}
            />
            {tab === 1 ? (
              <FailedWebhooks events={failed} timezone={timezone} replay={replay} />
            ) : !any ? (
              <EmptyState heading={t("empty.heading")} image="">
                <p>{t("empty.body")}</p>
              </EmptyState>
            ) : page.rows.length === 0 ? (
              <EmptyState heading={t("noResults.heading")} image="" action={{ content: t("noResults.clear"), onAction: filters.clearAll }}>
                <p>{t("noResults.body")}</p>
              </EmptyState>
            ) : (
              <MessageLogTable
                rows={page.rows}
                timezone={timezone}
                pagination={
                  page.next || page.previous
                    ? {
                        hasNext: Boolean(page.next),
                        hasPrevious: Boolean(page.previous),
                        onNext: () => goToPage("after", page.next),
                        onPrevious: () => goToPage("before", page.previous),
                      }
                    : undefined
                }
              />
            )}
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
export const headers = adminHeaders;
