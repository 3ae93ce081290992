import type { LoaderFunctionArgs } from "@remix-run/node";
import { customerDataExport } from "../models/privacy.server";
import { authenticate } from "../shopify.server";

/** GET /app/privacy/:id — the JSON export of one customers/data_request, for the merchant to send on. */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const data = await customerDataExport(session.shop, params.id ?? "");
  if (!data) throw new Response("Not found", { status: 404 });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="herald-data-request-${data.customer.id || data.requestId}.json"`,
      "Cache-Control": "no-store",
    },
  });
};
