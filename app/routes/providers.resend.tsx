import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveResendEvent } from "../providers/receive.server";

/** POST /providers/resend */
export const action = ({ request }: ActionFunctionArgs) => receiveResendEvent(request);
