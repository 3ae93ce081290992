import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "../webhooks/receive.server";

/** POST /webhooks/app/uninstalled */
export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, "app/uninstalled");
