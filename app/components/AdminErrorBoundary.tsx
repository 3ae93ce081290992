import type { HeadersFunction } from "@remix-run/node";
import { isRouteErrorResponse, useRevalidator, useRouteError } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider as PolarisProvider, BlockStack, Button, Card, InlineStack, Page, Text } from "@shopify/polaris";
import polarisEn from "@shopify/polaris/locales/en.json";
import { adminErrorMessages } from "../i18n/admin-errors";
import { useT } from "../i18n/react";

// Error boundaries of the admin. Every screen under app/routes/app.* exports these two, so a failure
// renders inside the admin layout (navigation, App Bridge and the admin's language stay) as a Polaris
// page with a way back, instead of a bare "Not found" or Remix's "Application Error".
//
// shopify-app-remix throws responses of its own from authenticate.admin (its App Bridge bounce page,
// 401s that tell App Bridge to fetch a new session token, redirects out of the iframe): those still go
// to boundary.error, which renders them as the library intends, and boundary.headers keeps their
// headers. Herald's own thrown responses are 404s (a message, template or request that is not there),
// which the library never throws.

/** A screen's error: Herald's "not found", the library's own responses, or an unexpected failure. */
export function AdminErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status !== 404) return boundary.error(error);
  return <AdminErrorPage kind={isRouteErrorResponse(error) ? "notFound" : "failed"} />;
}

/** The document headers of a screen, and of a thrown response's (shopify-app-remix's boundary). */
export const adminHeaders: HeadersFunction = (args) => boundary.headers(args);

/** The error as a Polaris page: what happened, and the way back to Herald's home (or a retry). */
export function AdminErrorPage({ kind }: { kind: "notFound" | "failed" }) {
  const t = useT(adminErrorMessages);
  const revalidator = useRevalidator();
  return (
    <Page title={t(`page.${kind}.title`)}>
      <Card>
        <BlockStack gap="400">
          <Text as="p">{t(`page.${kind}.body`)}</Text>
          <InlineStack gap="200">
            <Button variant="primary" url="/app">
              {t("page.home")}
            </Button>
            {kind === "failed" && (
              <Button onClick={() => revalidator.revalidate()} loading={revalidator.state !== "idle"}>
                {t("page.retry")}
              </Button>
            )}
          </InlineStack>
        </BlockStack>
      </Card>
    </Page>
  );
}

/** The same page where the admin layout itself failed (no Polaris provider above it; English). */
export function StandaloneErrorPage({ kind }: { kind: "notFound" | "failed" }) {
  return (
    <PolarisProvider i18n={polarisEn}>
      <AdminErrorPage kind={kind} />
    </PolarisProvider>
  );
}
