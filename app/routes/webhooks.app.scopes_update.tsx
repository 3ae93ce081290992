import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "../webhooks/receive.server";

/** POST /webhooks/app/scopes_update */
export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, "app/scopes_update");
