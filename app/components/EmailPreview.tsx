import { useCallback, useEffect, useRef } from "react";
import { BlockStack, Box, Button, ButtonGroup, InlineStack, Text } from "@shopify/polaris";

/** Widths the preview shows an email at: a desktop client's reading pane and a phone. */
export const EMAIL_WIDTHS = { desktop: 680, mobile: 375 } as const;
export type EmailWidth = keyof typeof EMAIL_WIDTHS;

export interface EmailPreviewProps {
  /** The complete rendered email (layout included), or null while it does not render. */
  html: string | null;
  subject: string | null;
  preheader: string | null;
  fromName: string;
  width: EmailWidth;
  onWidthChange(width: EmailWidth): void;
  /** Shown instead of the email when it does not render. */
  emptyText?: string;
}

/**
 * The email as an inbox shows it: sender, subject and preview text, then the message in a sandboxed
 * iframe (srcdoc; no scripts, no navigation, no popups) at desktop or phone width.
 */
export function EmailPreview({ html, subject, preheader, fromName, width, onWidthChange, emptyText }: EmailPreviewProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  // allow-same-origin (without allow-scripts) lets us measure the document to show it whole; its own
  // scripts still never run.
  const fit = useCallback(() => {
    const doc = frame.current?.contentDocument;
    if (frame.current && doc?.documentElement) frame.current.style.height = `${Math.max(320, doc.documentElement.scrollHeight)}px`;
  }, []);
  useEffect(() => {
    fit();
  }, [width, fit]);

  return (
    <BlockStack gap="300">
      <InlineStack align="space-between" blockAlign="center" gap="200">
        <Text as="h3" variant="headingSm">
          Email
        </Text>
        <ButtonGroup variant="segmented">
          <Button pressed={width === "desktop"} onClick={() => onWidthChange("desktop")} accessibilityLabel="Preview at desktop width">
            Desktop
          </Button>
          <Button pressed={width === "mobile"} onClick={() => onWidthChange("mobile")} accessibilityLabel="Preview at mobile width">
            Mobile
          </Button>
        </ButtonGroup>
      </InlineStack>
      <Box background="bg-surface-secondary" padding="300" borderRadius="200">
        <BlockStack gap="100">
          <Text as="p" variant="bodySm" tone="subdued">
            From: {fromName}
          </Text>
          <Text as="p" variant="bodyMd" fontWeight="semibold">
            <span data-testid="preview-subject" dir="auto">
              {subject ?? "—"}
            </span>
          </Text>
          <Text as="p" variant="bodySm" tone="subdued">
            <span data-testid="preview-preheader" dir="auto">
              {preheader || "(no preview text: inboxes show the first words of the email)"}
            </span>
          </Text>
        </BlockStack>
      </Box>
      <div style={{ overflowX: "auto", background: "#f3f4f6", borderRadius: 8, padding: 8 }}>
        {html ? (
          <iframe
            ref={frame}
            title={`Email preview at ${width} width`}
            sandbox="allow-same-origin"
            srcDoc={html}
            onLoad={fit}
            data-testid="email-preview"
            style={{ display: "block", margin: "0 auto", border: 0, background: "#fff", width: EMAIL_WIDTHS[width], maxWidth: "100%", height: 640 }}
          />
        ) : (
          <Box padding="600">
            <Text as="p" tone="subdued" alignment="center">
              {emptyText ?? "The email does not render yet."}
            </Text>
          </Box>
        )}
      </div>
    </BlockStack>
  );
}
