import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "../webhooks/receive.server";

/** POST /webhooks/customers/data_request */
export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, "customers/data_request");
