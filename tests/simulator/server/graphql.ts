import { randomUUID } from "node:crypto";
import { header, json, type SimRequest, type SimResponse } from "./http";
import { deniedRootFields } from "./access-scopes";
import { GraphqlSyntaxError, parseOperation, project, type GraphqlError } from "./graphql-selection";
import { operations } from "./graphql-operations";
import { BUCKET, type SimulatorState } from "./state";

/** Shopify's limit on one query's requested cost. */
export const MAX_QUERY_COST = 1000;

/** The exact 401 body Shopify returns for a missing, wrong or revoked access token. */
export const INVALID_TOKEN_BODY = { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" };

/**
 * POST /{shop}/admin/api/{version}/graphql.json. Like Shopify: a bad token is HTTP 401, but
 * GraphQL-level problems (unknown operation, THROTTLED) are HTTP 200 with `errors`, and every answer
 * carries extensions.cost.throttleStatus from the shop's leaky bucket.
 */
export function handleGraphql(req: SimRequest, shop: string, version: string, state: SimulatorState): SimResponse {
  const headers = { "X-Request-Id": randomUUID(), "X-Shopify-API-Version": version };
  const record = (status: number, outcome: "answered" | "unauthorized" | "unsupported" | "throttled", operation: string | null) =>
    state.graphqlCalls.push({ at: state.clock().toISOString(), shop, operation, status, outcome });

  const simShop = state.shops.get(shop);
  if (!simShop) {
    record(404, "unauthorized", null);
    return json(404, { errors: "Not Found" }, headers);
  }
  const token = state.validAccessToken(shop, header(req, "x-shopify-access-token"));
  if (!token) {
    record(401, "unauthorized", null);
    return json(401, INVALID_TOKEN_BODY, headers);
  }
  state.markUsed(token);

  let body: { query?: unknown; variables?: unknown; operationName?: unknown };
  try {
    body = JSON.parse(req.body) as typeof body;
  } catch {
    return json(400, { errors: { query: "Required parameter missing or invalid" } }, headers);
  }
  if (typeof body.query !== "string" || body.query.trim() === "") {
    return json(400, { errors: { query: "Required parameter missing or invalid" } }, headers);
  }

  let parsed;
  try {
    parsed = parseOperation(body.query, typeof body.operationName === "string" ? body.operationName : null);
  } catch (error) {
    if (!(error instanceof GraphqlSyntaxError)) throw error;
    record(200, "unsupported", null);
    return json(200, { errors: [{ message: error.message, extensions: { code: "GRAPHQL_PARSE_FAILED" } }] }, headers);
  }

  const handler = parsed.name ? operations[parsed.name] : undefined;
  if (!handler) {
    record(200, "unsupported", parsed.name);
    const label = parsed.name ?? "(anonymous: name your operations)";
    return json(200, {
      errors: [{ message: `The simulator does not implement operation ${label}`, extensions: { code: "SIMULATOR_UNSUPPORTED" } }],
      extensions: { cost: cost(0, 0, state.spend(shop, 0).currentlyAvailable) },
    }, headers);
  }

  const variables = body.variables && typeof body.variables === "object" ? (body.variables as Record<string, unknown>) : {};
  const requested = typeof handler.cost === "function" ? handler.cost(variables) : handler.cost;
  if (requested > MAX_QUERY_COST) {
    // Shopify refuses a single query over 1000 points whatever the bucket holds.
    record(200, "unsupported", parsed.name);
    return json(200, {
      errors: [{ message: `Query cost is ${requested}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).`, extensions: { code: "MAX_COST_EXCEEDED", cost: requested, maxCost: MAX_QUERY_COST } }],
      extensions: { cost: cost(requested, null, state.spend(shop, 0).currentlyAvailable) },
    }, headers);
  }
  const spent = state.spend(shop, requested);
  if (!spent.allowed) {
    record(200, "throttled", parsed.name);
    return json(200, {
      errors: [{
        message: "Throttled",
        extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
      }],
      extensions: { cost: cost(requested, null, spent.currentlyAvailable) },
    }, headers);
  }

  // Fields the token's scopes do not open come back null with ACCESS_DENIED, as Shopify answers.
  const denied = deniedRootFields(parsed.selections, token.scope);
  const errors: GraphqlError[] = denied.map((d) => d.error);
  const allowed = parsed.selections.filter((f) => !denied.some((d) => d.field === f));
  const data = project(handler.resolve({ shop: simShop, state, variables }), allowed, [], errors, variables) as Record<string, unknown>;
  for (const d of denied) data[d.field.key] = null;
  record(200, "answered", parsed.name);
  return json(200, {
    data,
    ...(errors.length > 0 && { errors }),
    extensions: { cost: cost(requested, requested, spent.currentlyAvailable) },
  }, headers);
}

function cost(requested: number, actual: number | null, currentlyAvailable: number) {
  return {
    requestedQueryCost: requested,
    actualQueryCost: actual,
    throttleStatus: { maximumAvailable: BUCKET.maximumAvailable, currentlyAvailable, restoreRate: BUCKET.restoreRate },
  };
}
