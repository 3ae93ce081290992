import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeFindings, chromiumAvailable, launchChromium, newMerchantPage, openInAdmin, screenshot } from "../../support/browser/browser";
import { startHeraldStack, type HeraldStack } from "../../support/browser/herald";

// The WhatsApp templates screen in a real browser, inside the simulator's admin frame: the merchant
// maps an approved template to "Shipped", sees an invalid Content SID refused inline, then fixes it.
let stack: HeraldStack;
let browser: Browser;

const SID = "HX" + "0123456789abcdef".repeat(2);

describe.skipIf(!chromiumAvailable)("the WhatsApp templates screen", () => {
  beforeAll(async () => {
    stack = await startHeraldStack({ name: "whatsapp-screen", shop: { timezone: "America/New_York" } });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("adds a mapping, refusing an invalid Content SID inline first, and axe finds no serious violation", async () => {
    const page = await newMerchantPage(browser);
    const frame = await openInAdmin(page, { simulatorUrl: stack.sim.url, shop: stack.shop, appPath: "/app/whatsapp" });
    await frame.getByRole("heading", { name: "Shipping updates" }).waitFor({ timeout: 30_000 });

    await frame.getByRole("button", { name: "Add a template for “Shipped”" }).click();
    await frame.getByLabel("Language").fill("es");
    await frame.getByLabel("Content SID").fill("SM123");
    await frame.getByLabel("Placeholders").fill("1: customer.first_name\n2: order.name");
    await frame.getByRole("button", { name: "Save template" }).click();
    await frame.getByText("Enter a Content SID: HX followed by 32 lower-case letters a–f or digits.").waitFor();
    await screenshot(page, "whatsapp-invalid-sid");
    const serious = (await axeFindings(page, { within: "#app-frame" })).filter((f) => f.impact === "serious" || f.impact === "critical");
    expect(serious).toEqual([]);

    await frame.getByLabel("Content SID").fill(SID);
    await frame.getByRole("button", { name: "Save template" }).click();
    await frame.getByText(SID).waitFor({ timeout: 15_000 });
    expect(await frame.getByText("{{1}} customer.first_name · {{2}} order.name").count()).toBe(1);
    await screenshot(page, "whatsapp-saved");
  });

  it("says why a mapping the server refused outright was not saved, and keeps the form", async () => {
    const page = await newMerchantPage(browser);
    const frame = await openInAdmin(page, { simulatorUrl: stack.sim.url, shop: stack.shop, appPath: "/app/whatsapp" });
    await frame.getByRole("heading", { name: "Shipping updates" }).waitFor({ timeout: 30_000 });
    await frame.getByRole("button", { name: "Add a template for “Out for delivery”" }).click();
    await frame.getByLabel("Language").fill("en");
    await frame.getByLabel("Content SID").fill(SID);
    // Over the 20,000 characters the action accepts: a 400 {error}, not the screen's own field errors
    await frame.getByLabel("Placeholders").fill(`1: customer.first_name\n${"#".repeat(20_001)}`);
    await frame.getByRole("button", { name: "Save template" }).click();
    await frame.getByText("Not saved: “Placeholders” is longer than 20,000 characters").waitFor();
    expect(await frame.getByLabel("Content SID").inputValue()).toBe(SID);
    await screenshot(page, "whatsapp-refused");
  });
});
