import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveTwilioInbound } from "../providers/receive.server";

/** POST /providers/twilio/inbound */
export const action = ({ request }: ActionFunctionArgs) => receiveTwilioInbound(request);
