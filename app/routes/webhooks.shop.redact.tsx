import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "../webhooks/receive.server";

/** POST /webhooks/shop/redact */
export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, "shop/redact");
