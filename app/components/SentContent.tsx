import { BlockStack, Box, Card, Text } from "@shopify/polaris";
import { messagesLogMessages } from "../i18n/messages-log";
import { useCommonLabels, useT } from "../i18n/react";

export interface SentContentProps {
  channel: string;
  subject: string | null;
  html: string | null;
  text: string | null;
  segments: number | null;
  locale: string | null;
}

/**
 * What the customer received, as recorded on the message: an email in a sandboxed frame (srcdoc; no
 * scripts, no navigation, no forms), or the text with its SMS segment count.
 */
export function SentContent({ channel, subject, html, text, segments, locale }: SentContentProps) {
  const t = useT(messagesLogMessages);
  const label = useCommonLabels();
  const empty = channel === "email" ? !html && !text : !text;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("detail.content")} · {label("channel", channel)}
        </Text>
        {empty ? (
          <Text as="p" tone="subdued">
            {t("detail.noContent")}
          </Text>
        ) : channel === "email" ? (
          <BlockStack gap="200">
            <Text as="p">
              <Text as="span" fontWeight="semibold">
                {t("detail.subject")}:
              </Text>{" "}
              <span lang={locale ?? undefined} dir="auto">
                {subject ?? ""}
              </span>
            </Text>
            <Box borderColor="border" borderWidth="025" borderRadius="200" overflowX="hidden" overflowY="hidden">
              <iframe
                title={t("detail.emailFrame")}
                // No scripts, forms, popups or navigation. Same origin (harmless without scripts) as in
                // the template preview, so the document inherits the page's policies and renders.
                sandbox="allow-same-origin"
                srcDoc={html ?? `<pre style="white-space:pre-wrap;font-family:sans-serif">${escapeHtml(text ?? "")}</pre>`}
                style={{ width: "100%", height: 720, border: 0, display: "block", background: "#fff" }}
              />
            </Box>
          </BlockStack>
        ) : (
          <BlockStack gap="200">
            <Box background="bg-surface-secondary" padding="300" borderRadius="300">
              <Text as="p" breakWord>
                <span lang={locale ?? undefined} dir="auto" style={{ whiteSpace: "pre-wrap" }}>
                  {text}
                </span>
              </Text>
            </Box>
            {segments !== null && (
              <Text as="p" tone="subdued">
                {t("detail.segments", { count: segments })}
              </Text>
            )}
          </BlockStack>
        )}
      </BlockStack>
    </Card>
  );
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
