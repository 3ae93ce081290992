import { useNavigate } from "@remix-run/react";
import { IndexTable, Link, Text, type IndexTableProps } from "@shopify/polaris";
import { messagesLogMessages, reasonText } from "../i18n/messages-log";
import { useCommonLabels, useFormat, useT } from "../i18n/react";
import { MessageStatusBadge } from "./MessageStatusBadge";

export interface LogTableRow {
  id: string;
  createdAt: string;
  trigger: string;
  step: string;
  channel: string;
  recipient: string;
  status: string;
  deliveryStatus: string | null;
  reason: string | null;
  error: string | null;
  orderId: string | null;
  orderName: string | null;
  renderedSubject: string | null;
}

/** One page of the message log; a row opens the message. */
export function MessageLogTable({ rows, timezone, pagination }: { rows: LogTableRow[]; timezone: string; pagination: IndexTableProps["pagination"] }) {
  const t = useT(messagesLogMessages);
  const label = useCommonLabels();
  const format = useFormat(timezone);
  const navigate = useNavigate();
  return (
    <IndexTable
      resourceName={{ singular: t("table.resource", { count: 1 }), plural: t("table.resource", { count: 2 }) }}
      itemCount={rows.length}
      selectable={false}
      headings={[
        { title: t("table.created") },
        { title: t("table.message") },
        { title: t("table.order") },
        { title: t("table.customer") },
        { title: t("table.channel") },
        { title: t("table.status") },
        { title: t("table.details") },
      ]}
      pagination={pagination}
    >
      {rows.map((m, index) => (
        <IndexTable.Row id={m.id} key={m.id} position={index} onClick={() => navigate(`/app/messages/${m.id}`)}>
          <IndexTable.Cell>
            <Text as="span" variant="bodySm">
              {format.dateTime(m.createdAt)}
            </Text>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Link url={`/app/messages/${m.id}`} dataPrimaryLink removeUnderline monochrome>
              <Text as="span" fontWeight="semibold">
                {/* A subject is in the customer's language, maybe right to left: its own direction. */}
                {m.renderedSubject ? <span dir="auto">{m.renderedSubject}</span> : `${label("trigger", m.trigger)} · ${m.step.replaceAll("_", " ")}`}
              </Text>
            </Link>
          </IndexTable.Cell>
          <IndexTable.Cell>{m.orderName ?? m.orderId ?? "—"}</IndexTable.Cell>
          <IndexTable.Cell>{m.recipient}</IndexTable.Cell>
          <IndexTable.Cell>{label("channel", m.channel)}</IndexTable.Cell>
          <IndexTable.Cell>
            <MessageStatusBadge status={m.status} deliveryStatus={m.deliveryStatus} />
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span" variant="bodySm" tone="subdued" truncate>
              {m.reason ? reasonText(t, m.reason) : (m.error ?? "")}
            </Text>
          </IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}
