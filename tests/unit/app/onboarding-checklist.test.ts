import fs from "node:fs";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import { describe, expect, it } from "vitest";
import { OnboardingChecklist } from "../../../app/components/OnboardingChecklist";
import { STOREFRONT_BLOCK_HANDLE } from "../../../app/components/storefront-block-link";

// The checklist's "add the storefront block" button must open the theme editor adding Herald's app
// block (extensions/back-in-stock, target "section") to the product page: Shopify's deep link for
// app blocks. App embeds (?context=apps) never list an app block.
const SHOP = "maple-moss.myshopify.com";
const API_KEY = "3f9a1c0de2b84c7a9e51b6d0c4a2f871";

/** Home's checklist rendered under the admin layout route, whose loader gives the app's client id. */
async function renderChecklist(): Promise<string> {
  const routes = [
    {
      id: "routes/app",
      path: "/app",
      loader: () => ({ apiKey: API_KEY }),
      children: [
        {
          id: "routes/app._index",
          index: true,
          element: h(OnboardingChecklist, { shop: SHOP, checklist: { senderSet: true, triggerOn: true, testSent: false, storefrontBlockAdded: false } }),
        },
      ],
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request("http://herald.test/app"));
  if (context instanceof Response) throw new Error(`unexpected response ${context.status}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToStaticMarkup(h(AppProvider, { i18n: en }, h(StaticRouterProvider, { router, context })));
}

describe("the onboarding checklist", () => {
  it("links the storefront step to the theme editor adding the Notify me app block to the product page", async () => {
    const html = await renderChecklist();
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replaceAll("&amp;", "&"));
    const editor = hrefs.filter((href) => href.includes("/admin/themes/"));
    expect(editor).toEqual([
      `https://${SHOP}/admin/themes/current/editor?template=product&addAppBlockId=${API_KEY}/notify-me&target=mainSection`,
    ]);
    expect(html).not.toContain("context=apps");
  });

  it("names a block the theme extension has: an app block for product pages", () => {
    const liquid = fs.readFileSync(`extensions/back-in-stock/blocks/${STOREFRONT_BLOCK_HANDLE}.liquid`, "utf8");
    const schema = JSON.parse(/\{% schema %\}([\s\S]*?)\{% endschema %\}/.exec(liquid)![1]) as { target: string; enabled_on?: { templates?: string[] } };
    expect(schema.target).toBe("section");
    expect(schema.enabled_on?.templates).toContain("product");
  });
});
