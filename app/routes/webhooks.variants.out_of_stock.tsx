import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "../webhooks/receive.server";

/** POST /webhooks/variants/out_of_stock */
export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, "variants/out_of_stock");
