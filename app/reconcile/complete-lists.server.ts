import { adminQuery } from "../shopify/admin.server";
import { FULFILLMENT_LINE_ITEMS_QUERY, NESTED_PAGE_SIZE, ORDER_LINE_ITEMS_QUERY } from "../shopify/queries";
import { fulfillmentLineItemsPage, orderLineItemsPage, type ReconcileOrderNode } from "./map";

type Paged<T> = { pageInfo: { hasNextPage: boolean; endCursor?: string | null }; nodes: T[] };

/**
 * The order with every line item list ReconcileOrders cut short read to the end: recorded facts
 * replace the stored lists, and "items not shipped yet" is computed from them, so a 25-item order
 * must never be stored as its first 20. Null when the order or one of its fulfillments is gone
 * from the Admin API meanwhile (nothing to record). Most orders fit the first page: no call.
 */
export async function withCompleteLineItems(shop: string, node: ReconcileOrderNode): Promise<ReconcileOrderNode | null> {
  const lineItems = await readToEnd(node.lineItems, async (after) => {
    const data = orderLineItemsPage.parse(await adminQuery(shop, ORDER_LINE_ITEMS_QUERY, { id: node.id, first: NESTED_PAGE_SIZE, after }));
    return data.order?.lineItems ?? null;
  });
  if (!lineItems) return null;
  const fulfillments = [];
  for (const f of node.fulfillments) {
    const fulfillmentLineItems = await readToEnd(f.fulfillmentLineItems, async (after) => {
      const data = fulfillmentLineItemsPage.parse(await adminQuery(shop, FULFILLMENT_LINE_ITEMS_QUERY, { id: f.id, first: NESTED_PAGE_SIZE, after }));
      return data.fulfillment?.fulfillmentLineItems ?? null;
    });
    if (!fulfillmentLineItems) return null;
    fulfillments.push({ ...f, fulfillmentLineItems });
  }
  return { ...node, lineItems, fulfillments };
}

async function readToEnd<T>(first: Paged<T>, next: (after: string) => Promise<Paged<T> | null>): Promise<Paged<T> | null> {
  let list = first;
  while (list.pageInfo.hasNextPage) {
    if (!list.pageInfo.endCursor) throw new Error("Admin API said more line items follow but gave no cursor");
    const page = await next(list.pageInfo.endCursor);
    if (!page) return null;
    list = { pageInfo: page.pageInfo, nodes: [...list.nodes, ...page.nodes] };
  }
  return list;
}
