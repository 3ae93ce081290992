import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "../webhooks/receive.server";

/** POST /webhooks/fulfillment_orders/hold_released */
export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, "fulfillment_orders/hold_released");
