import { BlockStack, Card, Text } from "@shopify/polaris";
import { Fragment, type ReactNode } from "react";
import { messagesLogMessages, reasonText } from "../i18n/messages-log";
import { useCommonLabels, useFormat, useT } from "../i18n/react";

export interface MessageFactsProps {
  message: {
    recipient: string;
    channel: string;
    trigger: string;
    step: string;
    locale: string | null;
    status: string;
    deliveryStatus: string | null;
    reason: string | null;
    error: string | null;
    createdAt: string;
    sentAt: string | null;
  };
  timezone: string;
  orderLink: ReactNode;
}

/** Who, what, when and why of one message, as label and value pairs. */
export function MessageFacts({ message: m, timezone, orderLink }: MessageFactsProps) {
  const t = useT(messagesLogMessages);
  const label = useCommonLabels();
  const format = useFormat(timezone);
  const none = t("detail.none");
  const rows: Array<[string, ReactNode]> = [
    [t("detail.recipient"), m.recipient],
    [t("detail.order"), orderLink ?? none],
    [t("detail.trigger"), label("trigger", m.trigger)],
    [t("detail.step"), m.step.replaceAll("_", " ")],
    [t("detail.channel"), label("channel", m.channel)],
    [t("detail.locale"), m.locale ?? none],
    [t("detail.status"), label("status", m.status)],
    [t("detail.delivery"), m.deliveryStatus ? label("status", m.deliveryStatus) : none],
    [t("detail.created"), format.dateTime(m.createdAt)],
    [t("detail.sent"), m.sentAt ? format.dateTime(m.sentAt) : none],
  ];
  if (m.reason) rows.push([t("detail.reason"), reasonText(t, m.reason)]);
  if (m.error) rows.push([t("detail.error"), m.error]);
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("detail.about")}
        </Text>
        <dl style={{ margin: 0, display: "grid", gridTemplateColumns: "auto 1fr", gap: "8px 16px" }}>
          {rows.map(([name, value]) => (
            <Fragment key={name}>
              <dt>
                <Text as="span" tone="subdued">
                  {name}
                </Text>
              </dt>
              <dd style={{ margin: 0, overflowWrap: "anywhere" }}>{value}</dd>
            </Fragment>
          ))}
        </dl>
      </BlockStack>
    </Card>
  );
}
