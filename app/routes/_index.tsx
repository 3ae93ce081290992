import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

/** Shopify opens the app at / with ?shop=...; everything merchant-facing lives under /app. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  if (url.searchParams.get("shop")) throw redirect(`/app?${url.searchParams.toString()}`);
  return null;
};

export default function Landing() {
  return (
    <main style={{ fontFamily: "Inter, system-ui, sans-serif", maxWidth: 640, margin: "64px auto", padding: 16, lineHeight: 1.5 }}>
      <h1>Herald</h1>
      <p>Shipping updates, delay notices and back-in-stock alerts your customers get exactly once, in their language.</p>
      <p>Herald runs inside Shopify admin: install it from the Shopify App Store and open it from your store&apos;s Apps menu.</p>
    </main>
  );
}
