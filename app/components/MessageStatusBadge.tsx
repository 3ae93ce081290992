import { Badge, InlineStack } from "@shopify/polaris";
import { useCommonLabels } from "../i18n/react";

const STATUS_TONE: Record<string, "success" | "critical" | "attention" | "info" | "warning" | undefined> = {
  SENT: "success",
  FAILED: "critical",
  PENDING: "attention",
  SENDING: "attention",
  DEFERRED: "info",
  SKIPPED: undefined,
};

const DELIVERY_TONE: Record<string, "success" | "critical" | "warning" | "info" | undefined> = {
  delivered: "success",
  opened: "success",
  clicked: "success",
  delivery_delayed: "warning",
  bounced: "critical",
  complained: "critical",
  undelivered: "critical",
  failed: "critical",
};

/** Herald's status of a message and, once sent, what the provider reported after. */
export function MessageStatusBadge({ status, deliveryStatus }: { status: string; deliveryStatus: string | null }) {
  const label = useCommonLabels();
  const showDelivery = status === "SENT" && deliveryStatus && deliveryStatus !== "sent";
  return (
    <InlineStack gap="100" wrap={false}>
      {showDelivery ? (
        <Badge tone={DELIVERY_TONE[deliveryStatus]}>{label("status", deliveryStatus)}</Badge>
      ) : (
        <Badge tone={STATUS_TONE[status]}>{label("status", status)}</Badge>
      )}
    </InlineStack>
  );
}
