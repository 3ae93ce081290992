import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "../webhooks/receive.server";

/** POST /webhooks/fulfillments/create */
export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, "fulfillments/create");
