import { describe, expect, it } from "vitest";
import { snippetFor } from "~/components/VariablePicker";
import { renderMessage } from "~/notifications/render";
import { documentedPaths, isDocumentedPath, variableCatalog } from "~/notifications/catalog";
import { sampleVariables } from "~/notifications/samples";
import { STEPS_BY_TRIGGER } from "~/notifications/templates";
import { TRIGGERS } from "~/notifications/types";

describe("the variables catalogue", () => {
  it("gives shipping updates no delay variables, and delay notices all of them", () => {
    expect(variableCatalog("shipping").map((g) => g.root)).toEqual(["shop", "customer", "order", "line_items", "fulfillment"]);
    expect(variableCatalog("delay").map((g) => g.root)).toEqual(["shop", "customer", "order", "line_items", "fulfillment", "delay"]);
    expect(documentedPaths("delay")).toContain("delay.new_estimate");
    expect(documentedPaths("shipping")).not.toContain("delay.new_estimate");
    expect(variableCatalog("back_in_stock").map((g) => g.root)).toEqual(["shop", "customer", "product", "signup"]);
    expect(documentedPaths("back_in_stock")).toContain("product.cart_url");
    expect(documentedPaths("shipping")).not.toContain("product.title");
  });

  it("documents exactly the variables templates receive", () => {
    // Every field of the sample variables is in the catalogue, and every catalogue entry is a field.
    for (const trigger of TRIGGERS) {
      const step = STEPS_BY_TRIGGER[trigger][0];
      const vars = sampleVariables(trigger, step, "en", { complete: true }) as unknown as Record<string, unknown>;
      const fields = Object.entries(vars)
        // Back-in-stock messages have no order: their empty item list is not a variable they offer.
        .filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))
        .flatMap(([root, v]) =>
          Array.isArray(v) ? [root, ...Object.keys(v[0] as object).map((k) => `item.${k}`)] : Object.keys(v as object).map((k) => `${root}.${k}`),
        );
      const documented = variableCatalog(trigger).flatMap((g) => g.variables.map((v) => v.path));
      expect(new Set(documented)).toEqual(new Set(fields));
    }
  });

  it("inserts every amount through money with the currency beside it, and the snippet writes the amount in the message's language", () => {
    const amounts = TRIGGERS.flatMap((trigger) => variableCatalog(trigger).flatMap((g) => g.variables.filter((v) => v.kind === "money").map((v) => ({ trigger, v }))));
    expect(amounts.map(({ v }) => v.path).sort()).toEqual(["order.total_price", "order.total_price", "product.price"]);
    for (const { trigger, v } of amounts) {
      const snippet = snippetFor(v);
      expect(snippet).toBe(`{{ ${v.path} | money: ${v.path.split(".")[0]}.currency }}`);
      const step = STEPS_BY_TRIGGER[trigger][0];
      const result = renderMessage({ trigger, step, channel: "sms", locale: "de", variables: sampleVariables(trigger, step, "de", { complete: true }), template: { body: snippet } });
      expect(result.ok && result.message.text).toMatch(/^\d{1,3}(\.\d{3})*,\d{2}\u00a0\S+$/);
    }
  });

  it("knows documented paths and Liquid's list properties, nothing else", () => {
    expect(isDocumentedPath("shipping", ["order", "name"])).toBe(true);
    expect(isDocumentedPath("shipping", ["line_items", "size"])).toBe(true);
    expect(isDocumentedPath("shipping", ["line_items", "first", "title"])).toBe(true);
    expect(isDocumentedPath("shipping", ["shop", "name", "size"])).toBe(true);
    expect(isDocumentedPath("shipping", ["order", "secret"])).toBe(false);
    expect(isDocumentedPath("shipping", ["delay", "reason"])).toBe(false);
    expect(isDocumentedPath("shipping", ["settings"])).toBe(false);
  });
});
