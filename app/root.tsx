import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteError } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import type { ReactNode } from "react";
import { StandaloneErrorPage } from "./components/AdminErrorBoundary";

function Document({ children, styles }: { children: ReactNode; styles?: string }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="preconnect" href="https://cdn.shopify.com/" />
        <link rel="stylesheet" href="https://cdn.shopify.com/static/fonts/inter/v4/styles.css" />
        {styles && <link rel="stylesheet" href={styles} />}
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <Document>
      <Outlet />
    </Document>
  );
}

// The last resort: an unknown address, or a failure outside the admin's screens (which have their own
// boundaries). shopify-app-remix's own thrown responses still render as its boundary intends.
export function ErrorBoundary() {
  const error = useRouteError();
  const ours = !isRouteErrorResponse(error) || error.status === 404;
  return <Document styles={polarisStyles}>{ours ? <StandaloneErrorPage kind={isRouteErrorResponse(error) ? "notFound" : "failed"} /> : boundary.error(error)}</Document>;
}
