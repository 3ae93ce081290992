import type { FetcherWithComponents } from "@remix-run/react";
import { Banner, BlockStack, Box, Button, DataTable, Text } from "@shopify/polaris";
import { messagesLogMessages } from "../i18n/messages-log";
import { useFormat, useT } from "../i18n/react";

export interface FailedWebhookRow {
  id: string;
  topic: string;
  error: string | null;
  receivedAt: string;
}

type ReplayResult = { outcome: "queued" } | { outcome: "still_invalid"; reason: string } | { outcome: "not_found" | "not_failed" };

/** Webhook events Herald could not read, each with a Replay button. */
export function FailedWebhooks({ events, timezone, replay }: { events: FailedWebhookRow[]; timezone: string; replay: FetcherWithComponents<ReplayResult> }) {
  const t = useT(messagesLogMessages);
  const format = useFormat(timezone);
  const result = replay.state === "idle" ? replay.data : undefined;
  const busy = replay.state !== "idle" ? String(replay.formData?.get("eventId") ?? "") : null;
  return (
    <Box padding="400">
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("webhooks.heading")}
        </Text>
        <Text as="p" tone="subdued">
          {t("webhooks.intro")}
        </Text>
        {result?.outcome === "still_invalid" && <Banner tone="critical">{t("webhooks.stillInvalid", { reason: result.reason })}</Banner>}
        {events.length === 0 ? (
          <Text as="p">{t("webhooks.empty")}</Text>
        ) : (
          <DataTable
            columnContentTypes={["text", "text", "text", "text"]}
            headings={[t("webhooks.received"), t("webhooks.topic"), t("webhooks.reason"), t("webhooks.action")]}
            rows={events.map((e) => [
              format.dateTime(e.receivedAt),
              e.topic,
              <Text as="span" key="reason" breakWord>
                {e.error ?? ""}
              </Text>,
              <replay.Form method="post" key="replay">
                <input type="hidden" name="intent" value="replay" />
                <input type="hidden" name="eventId" value={e.id} />
                <Button submit loading={busy === e.id} accessibilityLabel={t("webhooks.replayLabel", { topic: e.topic, date: format.dateTime(e.receivedAt) })}>
                  {t("webhooks.replay")}
                </Button>
              </replay.Form>,
            ])}
          />
        )}
      </BlockStack>
    </Box>
  );
}
