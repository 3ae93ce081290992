import { it } from "vitest";
import AxeBuilder from "@axe-core/playwright";
import { launchChromium } from "../../../support/browser/browser";
it("axe with sandboxed iframe", async () => {
  const browser = await launchChromium();
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.setContent(`<html lang="en"><body><main><h1>x</h1><iframe title="e" sandbox="allow-same-origin" srcdoc="<p>hello</p>"></iframe></main></body></html>`);
  for (const exclude of [false, true]) {
    const t = Date.now();
    let b = new AxeBuilder({ page });
    if (exclude) b = b.exclude("iframe");
    const r = await b.analyze();
    console.log("exclude", exclude, Date.now() - t, r.violations.map((v) => v.id));
  }
  await browser.close();
}, 200_000);
