import { BlockStack, Card, Text } from "@shopify/polaris";
import { onboardingMessages } from "../i18n/onboarding";
import { useCommonLabels, useFormat, useT } from "../i18n/react";

interface Props {
  timezone: string;
  health: {
    lastWebhookAt: string | null;
    queueDepth: number;
    lastFailure: { kind: "message"; at: string; trigger: string; step: string; channel: string; error: string | null } | { kind: "webhook"; at: string; topic: string; error: string | null } | null;
  };
}

/** Whether Herald is working for this shop: webhooks arriving, work waiting, the last thing that failed. */
export function HealthCard({ timezone, health }: Props) {
  const t = useT(onboardingMessages);
  const format = useFormat(timezone);
  const label = useCommonLabels();
  const failure = health.lastFailure;
  const rows = [
    {
      title: t("health.webhooks"),
      tone: undefined,
      text: health.lastWebhookAt ? t("health.lastWebhook", { when: format.dateTime(health.lastWebhookAt) }) : t("health.noWebhook"),
    },
    { title: t("health.queue"), tone: undefined, text: t("health.queueDepth", { count: health.queueDepth }) },
    {
      title: t("health.lastFailure"),
      tone: failure ? ("critical" as const) : undefined,
      text: !failure
        ? t("health.noFailure")
        : failure.kind === "message"
          ? t("health.messageFailed", { when: format.dateTime(failure.at), channel: label("channel", failure.channel), trigger: label("trigger", failure.trigger) })
          : t("health.webhookFailed", { when: format.dateTime(failure.at), topic: failure.topic }),
      detail: failure?.error ?? null,
    },
  ];
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("health.heading")}
        </Text>
        {rows.map((row) => (
          <BlockStack key={row.title} gap="050">
            <Text as="h3" variant="headingSm">
              {row.title}
            </Text>
            <Text as="p" tone={row.tone === "critical" ? "critical" : "subdued"}>
              {row.text}
            </Text>
            {"detail" in row && row.detail && (
              <Text as="p" variant="bodySm" tone="subdued" breakWord>
                {row.detail}
              </Text>
            )}
          </BlockStack>
        ))}
      </BlockStack>
    </Card>
  );
}
