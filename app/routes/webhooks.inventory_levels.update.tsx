import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "../webhooks/receive.server";

/** POST /webhooks/inventory_levels/update */
export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, "inventory_levels/update");
