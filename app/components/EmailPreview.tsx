import { useCallback, useEffect, useRef, useState } from "react";
import { BlockStack, Box, Button, ButtonGroup, InlineStack, Text } from "@shopify/polaris";
import { previewMessages } from "../i18n/previews";
import { useT } from "../i18n/react";

/** Widths the preview shows an email at: a desktop client's reading pane and a phone. */
export const EMAIL_WIDTHS = { desktop: 680, mobile: 375 } as const;
export type EmailWidth = keyof typeof EMAIL_WIDTHS;

export interface EmailPreviewProps {
  /** The complete rendered email (layout included), or null while it does not render. */
  html: string | null;
  subject: string | null;
  preheader: string | null;
  fromName: string;
  /** The message's language (the customer's), for the subject and preview text. */
  locale?: string;
  width: EmailWidth;
  onWidthChange(width: EmailWidth): void;
  /** Shown instead of the email when it does not render. */
  emptyText?: string;
}

/**
 * The email as an inbox shows it: sender, subject and preview text, then the message in a sandboxed
 * iframe (srcdoc; no scripts, no navigation, no popups) at desktop or phone width.
 */
export function EmailPreview({ html, subject, preheader, fromName, locale, width, onWidthChange, emptyText }: EmailPreviewProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [room, setRoom] = useState<number | null>(null);
  const [height, setHeight] = useState(640);
  // The email is laid out at its real width and scaled down when the column is narrower, so "desktop"
  // shows the desktop layout (not a squeezed one).
  useEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => setRoom(entry.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  // allow-same-origin (without allow-scripts) lets us measure the document to show it whole; its own
  // scripts still never run.
  const fit = useCallback(() => {
    const doc = frame.current?.contentDocument;
    if (doc?.documentElement) setHeight(Math.max(320, doc.documentElement.scrollHeight));
  }, []);
  useEffect(() => {
    fit();
  }, [width, html, fit]);
  const t = useT(previewMessages);
  const pixels = EMAIL_WIDTHS[width];
  const scale = room && room < pixels ? room / pixels : 1;

  return (
    <BlockStack gap="300">
      <InlineStack align="space-between" blockAlign="center" gap="200">
        <Text as="h3" variant="headingSm">
          {t("email.heading")}
        </Text>
        <ButtonGroup variant="segmented">
          <Button pressed={width === "desktop"} onClick={() => onWidthChange("desktop")} accessibilityLabel={t("email.desktopLabel")}>
            {t("email.desktop")}
          </Button>
          <Button pressed={width === "mobile"} onClick={() => onWidthChange("mobile")} accessibilityLabel={t("email.mobileLabel")}>
            {t("email.mobile")}
          </Button>
        </ButtonGroup>
      </InlineStack>
      <Box background="bg-surface-secondary" padding="300" borderRadius="200">
        <BlockStack gap="100">
          <Text as="p" variant="bodySm" tone="subdued">
            {t("email.from", { name: fromName })}
          </Text>
          <Text as="p" variant="bodyMd" fontWeight="semibold">
            <span data-testid="preview-subject" dir="auto" lang={subject ? locale : undefined}>
              {subject ?? "—"}
            </span>
          </Text>
          <Text as="p" variant="bodySm" tone="subdued">
            <span data-testid="preview-preheader" dir="auto" lang={preheader ? locale : undefined}>
              {preheader || t("email.noPreheader")}
            </span>
          </Text>
        </BlockStack>
      </Box>
      <div ref={box} style={{ background: "#f3f4f6", borderRadius: 8, overflow: "hidden" }}>
        {html ? (
          <div style={{ width: pixels * scale, height: height * scale, margin: "0 auto" }}>
            <iframe
              ref={frame}
              title={scale < 1 ? t(`email.frameScaled.${width}`, { percent: Math.round(scale * 100) }) : t(`email.frameTitle.${width}`)}
              sandbox="allow-same-origin"
              srcDoc={html}
              onLoad={fit}
              data-testid="email-preview"
              style={{ display: "block", border: 0, background: "#fff", width: pixels, height, transform: `scale(${scale})`, transformOrigin: "top left" }}
            />
          </div>
        ) : (
          <Box padding="600">
            <Text as="p" tone="subdued" alignment="center">
              {emptyText ?? t("email.notRendered")}
            </Text>
          </Box>
        )}
      </div>
    </BlockStack>
  );
}
