import { describe, expect, it } from "vitest";
import { GraphqlSyntaxError, parseOperation, project, type GraphqlError } from "../../simulator/server/graphql-selection";

describe("reading a GraphQL operation", () => {
  it("finds the operation name past #graphql comments, variables and directives", () => {
    const op = parseOperation(`#graphql
      # Herald's order query
      query OrderForNotification($id: ID!, $first: Int = 10) @cached {
        order(id: $id) { id name lineItems(first: 50) { nodes { title } } }
      }`);
    expect(op.name).toBe("OrderForNotification");
    expect(op.selections[0]).toMatchObject({ name: "order", args: { id: "$id" } });
    expect(op.selections[0].selections!.map((f) => f.name)).toEqual(["id", "name", "lineItems"]);
  });

  it("picks the named operation of several and inlines fragments", () => {
    const op = parseOperation(
      `fragment ShopBits on Shop { name ianaTimezone }
       query A { shop { id } }
       query B { shop { ...ShopBits ... on Shop { currencyCode } } }`,
      "B",
    );
    expect(op.name).toBe("B");
    expect(op.selections[0].selections!.map((f) => f.name)).toEqual(["name", "ianaTimezone", "currencyCode"]);
    expect(() => parseOperation("query A { a } query B { b }")).toThrow(GraphqlSyntaxError);
  });

  it("treats a bare selection set as an anonymous query", () => {
    expect(parseOperation("{ shop { name } }")).toMatchObject({ type: "query", name: null });
  });

  it("shapes data like the query: aliases, lists, nulls, unknown fields as errors", () => {
    const op = parseOperation("query Q { shop { title: name locales { locale } owner { name } missing } }");
    const errors: GraphqlError[] = [];
    const data = project({ shop: { name: "S", extra: 1, locales: [{ locale: "en", primary: true }], owner: null } }, op.selections, [], errors);
    expect(data).toEqual({ shop: { title: "S", locales: [{ locale: "en" }], owner: null } });
    expect(errors).toEqual([expect.objectContaining({ path: ["shop", "missing"], extensions: { code: "SIMULATOR_UNKNOWN_FIELD" } })]);
  });
});
