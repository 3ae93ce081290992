import { Badge, InlineStack, Text } from "@shopify/polaris";
import { previewMessages } from "../i18n/previews";
import { useT } from "../i18n/react";

/** What countSegments() says about a text (app/notifications/segments.ts). */
export interface SegmentInfo {
  encoding: "GSM-7" | "UCS-2";
  segments: number;
  characters: number;
}

export interface SegmentCounterProps {
  count: SegmentInfo | null;
  /** Most characters a text may have (Twilio: 1600). */
  max: number;
}

/**
 * Characters, encoding and billed segments of the rendered text, announced politely to screen readers
 * as the merchant types. One character outside GSM-7 (an emoji, any Malayalam letter) makes the whole
 * text Unicode: 70 characters per segment instead of 160.
 */
export function SegmentCounter({ count, max }: SegmentCounterProps) {
  const t = useT(previewMessages);
  const tooLong = count !== null && count.characters > max;
  const perSegment = count?.encoding === "UCS-2" ? t("segments.unicode") : t("segments.gsm");
  return (
    <div role="status" aria-live="polite" aria-atomic="true" data-testid="segment-counter">
      {count ? (
        <InlineStack gap="200" blockAlign="center" wrap>
          <Badge tone={tooLong ? "critical" : count.segments > 3 ? "warning" : "info"}>{t("segments.count", { count: count.segments })}</Badge>
          <Text as="span" variant="bodySm" tone={tooLong ? "critical" : "subdued"}>
            {`${t("segments.characters", { count: count.characters, max })} · ${perSegment}`}
          </Text>
        </InlineStack>
      ) : (
        <Text as="span" variant="bodySm" tone="subdued">
          {t("segments.pending")}
        </Text>
      )}
    </div>
  );
}
