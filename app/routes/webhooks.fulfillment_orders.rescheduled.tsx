import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "../webhooks/receive.server";

/** POST /webhooks/fulfillment_orders/rescheduled */
export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, "fulfillment_orders/rescheduled");
