import { useRouteLoaderData } from "@remix-run/react";

/** The app block's file in extensions/back-in-stock/blocks, without .liquid: its handle. */
export const STOREFRONT_BLOCK_HANDLE = "notify-me";

/**
 * The theme editor, on the product template, adding Herald's "Notify me" app block to the
 * template's main section (Shopify's deep link for app blocks: addAppBlockId={client id}/{block
 * handle}, target=mainSection). `?context=apps` opens App embeds, where an app block never shows.
 */
export function storefrontBlockUrl(shop: string, apiKey: string): string {
  // Written as Shopify documents it (a client id and a handle need no escaping).
  return `https://${shop}/admin/themes/current/editor?template=product&addAppBlockId=${apiKey}/${STOREFRONT_BLOCK_HANDLE}&target=mainSection`;
}

/** The same link in an admin screen: the app's client id comes from the admin layout's loader (app/routes/app.tsx). */
export function useStorefrontBlockUrl(shop: string): string {
  const apiKey = useRouteLoaderData<{ apiKey: string }>("routes/app")?.apiKey ?? "";
  return storefrontBlockUrl(shop, apiKey);
}
