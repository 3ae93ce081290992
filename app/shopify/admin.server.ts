import { RetryLater } from "../jobs/types";
import { unauthenticated } from "../shopify.server";

type GraphqlError = { message: string; extensions?: { code?: string } };
type GraphqlBody<T> = {
  data?: T;
  // An array as Shopify sends it; a string on HTTP errors; the client's error object (GraphQL's
  // errors in graphQLErrors) in the body of the GraphqlQueryError @shopify/shopify-api throws.
  errors?: GraphqlError[] | string | { message?: string; graphQLErrors?: GraphqlError[] };
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
  const errors = errorsOf(body);
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

function errorsOf(body: GraphqlBody<unknown>): GraphqlError[] {
  const e = body.errors;
  if (!e) return [];
  if (typeof e === "string") return [{ message: e }];
  if (Array.isArray(e)) return e;
  return e.graphQLErrors?.length ? e.graphQLErrors : [{ message: e.message ?? "unknown error" }];
}
