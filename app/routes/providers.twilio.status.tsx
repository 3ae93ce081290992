import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveTwilioStatus } from "../providers/receive.server";

/** POST /providers/twilio/status */
export const action = ({ request }: ActionFunctionArgs) => receiveTwilioStatus(request);
