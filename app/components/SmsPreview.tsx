import { BlockStack, Text } from "@shopify/polaris";
import { previewMessages } from "../i18n/previews";
import { useT } from "../i18n/react";

export interface SmsPreviewProps {
  /** The rendered text, or null while it does not render. */
  text: string | null;
  /** Who the text seems to come from on the phone (the shop's name or number). */
  sender: string;
  /** The message's language, for the screen reader's pronunciation and the bubble's direction. */
  locale: string;
}

/**
 * The text as a phone shows it: a bubble in a conversation. dir="auto" lets the bubble follow the
 * text's own direction (Arabic right to left, a link left to right), as messaging apps do.
 */
export function SmsPreview({ text, sender, locale }: SmsPreviewProps) {
  const t = useT(previewMessages);
  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm">
        {t("sms.heading")}
      </Text>
      <div
        role="group"
        aria-label={t("sms.phoneLabel")}
        style={{
          width: 320,
          maxWidth: "100%",
          margin: "0 auto",
          border: "10px solid #1f2937",
          borderRadius: 36,
          background: "#ffffff",
          overflow: "hidden",
        }}
      >
        <div style={{ background: "#f3f4f6", padding: "14px 12px 10px", textAlign: "center", borderBottom: "1px solid #e5e7eb" }}>
          <div style={{ width: 40, height: 40, borderRadius: "50%", background: "#9ca3af", margin: "0 auto 4px" }} aria-hidden="true" />
          <div style={{ fontSize: 13, fontWeight: 600, color: "#111827" }}>{sender}</div>
          <div style={{ fontSize: 11, color: "#4b5563" }}>{t("sms.thread")}</div>
        </div>
        <div style={{ minHeight: 260, padding: "16px 12px", display: "flex", flexDirection: "column", alignItems: "flex-start" }}>
          {text ? (
            <p
              data-testid="sms-bubble"
              dir="auto"
              lang={locale}
              style={{
                margin: 0,
                maxWidth: "85%",
                background: "#e5e7eb",
                color: "#111827",
                borderRadius: 18,
                padding: "8px 12px",
                fontSize: 15,
                lineHeight: 1.35,
                whiteSpace: "pre-wrap",
                overflowWrap: "anywhere",
              }}
            >
              {text}
            </p>
          ) : (
            <Text as="p" tone="subdued">
              {t("sms.notRendered")}
            </Text>
          )}
        </div>
      </div>
    </BlockStack>
  );
}
