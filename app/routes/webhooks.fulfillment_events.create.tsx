import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "../webhooks/receive.server";

/** POST /webhooks/fulfillment_events/create */
export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, "fulfillment_events/create");
