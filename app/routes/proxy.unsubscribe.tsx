import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { handleUnsubscribe } from "../unsubscribe/handle.server";

// Storefront: https://{shop}/apps/herald/unsubscribe?t=... reaches here through the app proxy
// ([app_proxy] in shopify.app.toml). A resource route: it answers Liquid for the shop's theme to
// render, or plain text, never a React page.

/** GET|HEAD /proxy/unsubscribe: the link in the email. */
export const loader = ({ request }: LoaderFunctionArgs) => handleUnsubscribe(request);

/** POST /proxy/unsubscribe: RFC 8058 one-click, and the page's forms. */
export const action = ({ request }: ActionFunctionArgs) => handleUnsubscribe(request);
