import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "../webhooks/receive.server";

/** POST /webhooks/orders/updated */
export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, "orders/updated");
