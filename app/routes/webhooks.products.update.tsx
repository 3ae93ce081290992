import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "../webhooks/receive.server";

/** POST /webhooks/products/update */
export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, "products/update");
