import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "../webhooks/receive.server";

/** POST /webhooks/variants/in_stock */
export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, "variants/in_stock");
