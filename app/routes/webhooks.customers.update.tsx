import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "../webhooks/receive.server";

/** POST /webhooks/customers/update */
export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, "customers/update");
