import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { handleBackInStockSignup } from "../backinstock/handle.server";

// Storefront: the product page's "Notify me" block posts to https://{shop}/apps/herald/back-in-stock,
// which Shopify's app proxy forwards here, signed. A JSON resource route.

/** POST /proxy/back-in-stock: a sign-up. */
export const action = ({ request }: ActionFunctionArgs) => handleBackInStockSignup(request);

/** Anything else: 405. */
export const loader = ({ request }: LoaderFunctionArgs) => handleBackInStockSignup(request);
