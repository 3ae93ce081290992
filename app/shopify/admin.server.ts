import { RetryLater } from "../jobs/types";
import { unauthenticated } from "../shopify.server";

type GraphqlBody<T> = {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } }> | string;
  extensions?: { cost?: { requestedQueryCost?: number; throttleStatus?: { currentlyAvailable: number; restoreRate: number } } };
};

/**
 * Run an Admin GraphQL operation for a shop from a background job (its offline session).
 * Shopify answers THROTTLED as HTTP 200 with an error and the library does not retry it: wait
 * as long as the bucket needs to refill, through the job queue (RetryLater), never in memory.
 */
export async function adminQuery<T>(shop: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const { admin } = await unauthenticated.admin(shop);
  let body: GraphqlBody<T>;
  try {
    const response = await admin.graphql(query, { variables });
    body = (await response.json()) as GraphqlBody<T>;
  } catch (error) {
    const e = error as { body?: GraphqlBody<T>; message?: string };
    if (!e.body) throw error;
    body = e.body;
  }
  const errors = typeof body.errors === "string" ? [{ message: body.errors }] : (body.errors ?? []);
  if (errors.some((x) => x.extensions?.code === "THROTTLED")) {
    const cost = body.extensions?.cost;
    const need = cost?.requestedQueryCost ?? 50;
    const status = cost?.throttleStatus;
    const waitMs = status && status.restoreRate > 0 ? Math.ceil((Math.max(0, need - status.currentlyAvailable) / status.restoreRate) * 1000) : 2000;
    throw new RetryLater(`Admin API throttled for ${shop}`, Math.max(waitMs, 500));
  }
  if (errors.length > 0 || !body.data) {
    throw new Error(`Admin API error for ${shop}: ${errors.map((x) => x.message).join("; ") || "no data"}`);
  }
  return body.data;
}
