import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { Banner, BlockStack, Button, Card, DataTable, Layout, Link, Page, Text } from "@shopify/polaris";
import { useEffect } from "react";
import { MessageFacts } from "../components/MessageFacts";
import { MessageStatusBadge } from "../components/MessageStatusBadge";
import { SentContent } from "../components/SentContent";
import { db } from "../db.server";
import { messagesLogMessages } from "../i18n/messages-log";
import { useCommonLabels, useFormat, useT } from "../i18n/react";
import { messageDetail, retryMessage, type RetryOutcome } from "../models/message-log.server";
import { authenticate } from "../shopify.server";
import { AdminErrorBoundary, adminHeaders } from "../components/AdminErrorBoundary";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const detail = await messageDetail(session.shop, params.id ?? "");
  if (!detail) throw new Response("Not found", { status: 404 });
  const timezone = (await db.shop.findUnique({ where: { domain: session.shop }, select: { timezone: true } }))?.timezone ?? "UTC";
  return { ...detail, shop: session.shop, timezone };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  if (form.get("intent") !== "retry") return Response.json({ error: "Unknown action" }, { status: 400 });
  const outcome: RetryOutcome = await retryMessage(session.shop, params.id ?? "");
  // Another shop's message is, for this shop, a message that does not exist.
  if (outcome === "not_found") throw new Response("Not found", { status: 404 });
  return { outcome };
};

export default function MessageDetail() {
  const { message, events, order, shop, timezone } = useLoaderData<typeof loader>();
  const t = useT(messagesLogMessages);
  const label = useCommonLabels();
  const format = useFormat(timezone);
  const retry = useFetcher<{ outcome: RetryOutcome }>();
  const shopify = useAppBridge();
  const outcome = retry.state === "idle" ? retry.data?.outcome : undefined;

  useEffect(() => {
    if (outcome === "queued") shopify.toast.show(t("detail.retried"));
  }, [outcome, shopify, t]);

  const orderUrl = order ? `https://${shop}/admin/orders/${order.id}` : null;
  return (
    <Page
      backAction={{ content: t("detail.back"), url: "/app/messages" }}
      title={t("detail.title", { trigger: label("trigger", message.trigger), recipient: message.recipient })}
      titleMetadata={<MessageStatusBadge status={message.status} deliveryStatus={message.deliveryStatus} />}
      subtitle={format.dateTime(message.createdAt)}
    >
      <Layout>
        {message.status === "FAILED" && (
          <Layout.Section>
            <Banner tone="critical" title={message.error ?? undefined}>
              <BlockStack gap="200">
                <p>{t("detail.retryHelp")}</p>
                <retry.Form method="post">
                  <input type="hidden" name="intent" value="retry" />
                  <Button submit variant="primary" loading={retry.state !== "idle"}>
                    {t("detail.retry")}
                  </Button>
                </retry.Form>
              </BlockStack>
            </Banner>
          </Layout.Section>
        )}
        {outcome === "not_failed" && (
          <Layout.Section>
            <Banner tone="info">{t("detail.notFailed")}</Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <SentContent
            channel={message.channel}
            subject={message.renderedSubject}
            html={message.renderedHtml}
            text={message.renderedText}
            segments={message.segments}
            locale={message.locale}
          />
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <MessageFacts
            message={message}
            timezone={timezone}
            orderLink={
              order && orderUrl ? (
                <Link url={orderUrl} target="_blank" accessibilityLabel={t("detail.viewOrder", { name: order.name })}>
                  {order.name}
                </Link>
              ) : null
            }
          />
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                {t("detail.attempts")}
              </Text>
              {message.attemptsLog.length === 0 ? (
                <Text as="p" tone="subdued">
                  {t("detail.noAttempts")}
                </Text>
              ) : (
                <DataTable
                  columnContentTypes={["numeric", "text", "text", "text", "text"]}
                  headings={[t("detail.attemptNumber"), t("detail.started"), t("detail.provider"), t("detail.outcome"), t("detail.error")]}
                  rows={message.attemptsLog.map((a) => [
                    a.number,
                    format.dateTime(a.startedAt),
                    a.provider,
                    outcomeLabel(t, a.outcome),
                    <Text as="span" key="error" breakWord>
                      {a.error ?? ""}
                    </Text>,
                  ])}
                />
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                {t("detail.events")}
              </Text>
              {events.length === 0 ? (
                <Text as="p" tone="subdued">
                  {t("detail.noEvents")}
                </Text>
              ) : (
                <DataTable
                  columnContentTypes={["text", "text", "text"]}
                  headings={[t("detail.at"), t("detail.event"), t("detail.provider")]}
                  rows={events.map((e) => [format.dateTime(e.occurredAt), label("status", e.type), e.provider])}
                />
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

type Outcome = "STARTED" | "SENT" | "RETRYABLE" | "FAILED";
function outcomeLabel(t: (key: `detail.outcomes.${Outcome}`) => string, outcome: string): string {
  return ["STARTED", "SENT", "RETRYABLE", "FAILED"].includes(outcome) ? t(`detail.outcomes.${outcome as Outcome}`) : outcome;
}

export const ErrorBoundary = AdminErrorBoundary;
export const headers = adminHeaders;
