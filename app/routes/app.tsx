import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useEffect } from "react";
import { isRouteErrorResponse, Link, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import polarisDe from "@shopify/polaris/locales/de.json";
import polarisEn from "@shopify/polaris/locales/en.json";
import polarisEs from "@shopify/polaris/locales/es.json";
import polarisFr from "@shopify/polaris/locales/fr.json";
import { StandaloneErrorPage } from "../components/AdminErrorBoundary";
import { navMessages } from "../i18n/nav";
import { AdminLocaleProvider } from "../i18n/react";
import { requestAdminLocale, translator } from "../i18n/translate";
import { ensureInstallRecorded } from "../models/shops.server";
import { authenticate } from "../shopify.server";
import { localAppBridgeUrl } from "../shopify/local-admin.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

// Polaris's own texts (pagination, filters...); it has no Hindi pack, so Hindi gets English there.
const POLARIS = { en: polarisEn, es: polarisEs, fr: polarisFr, de: polarisDe, hi: polarisEn };

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  // afterAuth runs once per token: an install it failed to record is recorded on a later page load.
  await ensureInstallRecorded(session.shop, admin);
  return { apiKey: process.env.SHOPIFY_API_KEY ?? "", appBridgeUrl: localAppBridgeUrl(), locale: requestAdminLocale(request) };
};

// Shopify passes the admin user's language (?locale=) only when it loads the app; Herald's own links
// and ?query changes must not re-run this loader and lose it. Nothing else here changes in a session.
export const shouldRevalidate = () => false;

export default function App() {
  const { apiKey, appBridgeUrl, locale } = useLoaderData<typeof loader>();
  const t = translator(navMessages, locale);
  // The document is in the admin user's language (screen readers pick their voice from it).
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <AppProvider isEmbeddedApp apiKey={apiKey} i18n={POLARIS[locale]} {...(appBridgeUrl ? { __APP_BRIDGE_URL: appBridgeUrl } : {})}>
      <AdminLocaleProvider value={locale}>
        <NavMenu>
          <Link to="/app" rel="home">
            {t("home")}
          </Link>
          <Link to="/app/notifications">{t("notifications")}</Link>
          <Link to="/app/messages">{t("messages")}</Link>
          <Link to="/app/at-risk">{t("atRisk")}</Link>
          <Link to="/app/analytics">{t("analytics")}</Link>
          <Link to="/app/back-in-stock">{t("backInStock")}</Link>
          <Link to="/app/whatsapp">{t("whatsapp")}</Link>
          <Link to="/app/privacy">{t("privacy")}</Link>
          <Link to="/app/settings">{t("settings")}</Link>
        </NavMenu>
        <Outlet />
      </AdminLocaleProvider>
    </AppProvider>
  );
}

// Shopify needs Remix to catch some thrown responses, so that their headers are included in the response.
// Only the library throws responses from this loader; anything else failed here, above every screen
// (whose own boundaries are AdminErrorBoundary), so the page stands without the layout's providers.
export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) return boundary.error(error);
  return <StandaloneErrorPage kind="failed" />;
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
