import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "../webhooks/receive.server";

/** POST /webhooks/fulfillment_orders/placed_on_hold */
export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, "fulfillment_orders/placed_on_hold");
