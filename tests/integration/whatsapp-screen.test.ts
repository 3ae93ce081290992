import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { saveWhatsAppTemplate } from "../../app/models/whatsapp-templates.server";
import { action, loader, type WhatsAppActionResult } from "../../app/routes/app.whatsapp";
import { adminRequest, callAction, callLoader, storeOfflineSession } from "../support/admin";
import { installShop, resetDatabase } from "../support/db";

const SHOP = "herald-test.myshopify.com";
const OTHER = "other.myshopify.com";
const SID = "HX" + "0123456789abcdef".repeat(2);

type Loaded = Awaited<ReturnType<typeof loader>>;

beforeEach(async () => {
  await resetDatabase();
  for (const shop of [SHOP, OTHER]) {
    await installShop(shop);
    await storeOfflineSession(shop);
  }
});

const post = async (json: Record<string, string>, shop = SHOP) => callAction<WhatsAppActionResult>(action, await adminRequest("/app/whatsapp", { shop, json }));

describe("the WhatsApp templates screen", () => {
  it("lists every trigger and step with the shop's own mappings only", async () => {
    await saveWhatsAppTemplate(SHOP, { trigger: "shipping", step: "shipped", locale: "en" }, { contentSid: SID, variables: { "1": "order.name" } });
    await saveWhatsAppTemplate(OTHER, { trigger: "shipping", step: "delivered", locale: "en" }, { contentSid: SID, variables: {} });
    const { status, data } = await callLoader<Loaded>(loader, await adminRequest("/app/whatsapp", { shop: SHOP }));
    expect(status).toBe(200);
    const shipping = data.triggers.find((g) => g.trigger === "shipping")!;
    expect(shipping.steps.map((s) => s.step)).toContain("out_for_delivery");
    expect(data.triggers.find((g) => g.trigger === "delay")!.steps.map((s) => s.step)).toContain("stalled");
    expect(shipping.steps.find((s) => s.step === "shipped")!.templates).toEqual([{ locale: "en", contentSid: SID, variables: { "1": "order.name" } }]);
    expect(shipping.steps.find((s) => s.step === "delivered")!.templates).toEqual([]);
  });

  it("saves a mapping from the form's placeholder lines, and edits it in place", async () => {
    const saved = await post({ intent: "save", trigger: "shipping", step: "shipped", locale: "es", contentSid: SID, variables: "1: customer.first_name\n2 = order.name\n" });
    expect(saved).toEqual({ status: 200, data: { ok: true, intent: "save" } });
    await post({ intent: "save", trigger: "shipping", step: "shipped", locale: "es", contentSid: SID, variables: "1: order.name" });
    const rows = await db.whatsAppTemplate.findMany({ where: { shop: SHOP } });
    expect(rows.map((r) => [r.step, r.locale, r.contentSid, JSON.parse(r.variables)])).toEqual([["shipped", "es", SID, { "1": "order.name" }]]);
  });

  it("answers an invalid Content SID and unknown variables with inline errors, and saves nothing", async () => {
    const answer = await post({ intent: "save", trigger: "shipping", step: "shipped", locale: "en", contentSid: "SM123", variables: "1: order.nme\n3: shop.name" });
    expect(answer.status).toBe(422);
    expect(answer.data).toEqual({
      ok: false,
      errors: [
        { field: "contentSid", code: "sid_format" },
        { field: "variables", code: "numbering", expected: "1, 2" },
        { field: "variables", code: "unknown_variable", key: "1", path: "order.nme" },
      ],
    });
    const badLine = await post({ intent: "save", trigger: "shipping", step: "shipped", locale: "en", contentSid: SID, variables: "order.name" });
    expect(badLine.data).toEqual({ ok: false, errors: [{ field: "variables", code: "line_format", line: 1 }] });
    const badStep = await post({ intent: "save", trigger: "shipping", step: "stalled", locale: "en", contentSid: SID, variables: "" });
    expect(badStep.data).toEqual({ ok: false, errors: [{ field: "key", code: "unknown_step" }] });
    expect(await db.whatsAppTemplate.count()).toBe(0);
  });

  it("removes a mapping of the session's shop and leaves another shop's alone", async () => {
    for (const shop of [SHOP, OTHER]) {
      await saveWhatsAppTemplate(shop, { trigger: "delay", step: "stalled", locale: "en" }, { contentSid: SID, variables: {} });
    }
    expect(await post({ intent: "delete", trigger: "delay", step: "stalled", locale: "en" })).toEqual({ status: 200, data: { ok: true, intent: "delete" } });
    expect((await db.whatsAppTemplate.findMany()).map((r) => r.shop)).toEqual([OTHER]);
  });

  it("refuses a request without a session token", async () => {
    const answer = await callAction(action, await adminRequest("/app/whatsapp", { shop: SHOP, json: { intent: "delete" }, token: null }));
    expect(answer.status).not.toBe(200);
  });
});
