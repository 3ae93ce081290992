import { Drop, type Liquid, type Template } from "liquidjs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { compileFor, htmlEngine, textEngine } from "~/notifications/liquid";
import type * as LiquidCompile from "~/notifications/liquid-compile";
import { renderMessage, type RenderRequest } from "~/notifications/render";
import { sampleVariables } from "~/notifications/samples";
import { AVAILABLE_LOCALES, getDefaultTemplate, STEPS_BY_TRIGGER } from "~/notifications/templates";
import type { Channel, MessageStep, RenderResult, TemplateVariables, Trigger } from "~/notifications/types";
import { Gen } from "./liquid-corpus";

// Compiled templates (liquid-compile.ts) must render exactly what liquidjs renders: every default
// template with its sample data and variants of it, a generated corpus of templates and scopes in both
// engines, and, for what is outside the compiled subset, the same result through liquidjs.

const NOW = new Date("2025-06-10T12:00:00Z");
const CHANNELS: Channel[] = ["email", "sms", "whatsapp"];
const TRIGGERS = Object.keys(STEPS_BY_TRIGGER) as Trigger[];

type Outcome = { ok: true; out: string } | { ok: false; error: string };

/** liquidjs's render, as render.ts calls it (one retry when the wall-clock limit is hit). */
function liquid(engine: Liquid, templates: Template[], scope: object, locale: string): Outcome {
  for (let attempt = 1; ; attempt++) {
    try {
      return { ok: true, out: engine.renderSync(templates, scope, { globals: { locale } }) as string };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (attempt === 1 && message.startsWith("template render limit exceeded")) continue;
      return { ok: false, error: message };
    }
  }
}

/** Every part of a default template, with the engine that renders it. */
function parts(trigger: Trigger, step: MessageStep, channel: Channel, locale: string): [string, Liquid, string][] {
  const t = getDefaultTemplate(trigger, step as never, channel, locale);
  if ("body" in t) return [["body", textEngine, t.body]];
  return [
    ["subject", textEngine, t.subject],
    ["preheader", textEngine, t.preheader ?? ""],
    ["html", htmlEngine, t.html],
    ["text", textEngine, t.text],
  ];
}

/** A deep copy with every leaf passed through `leaf` (undefined drops the key). */
function mapLeaves(value: unknown, leaf: (v: unknown, key: string) => unknown, key = ""): unknown {
  if (Array.isArray(value)) return value.map((v) => mapLeaves(v, leaf, key));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const mapped = mapLeaves(v, leaf, k);
      if (mapped !== undefined) out[k] = mapped;
    }
    return out;
  }
  return leaf(value, key);
}

const HOSTILE = `<b>"Tom" & 'Jerry'</b> Ωμέγα ñ 日本語 🎉`;

/** The sample data and variants of it: nulls, missing fields, hostile and blank strings, empty lists, other types. */
function variants(trigger: Trigger, step: MessageStep, locale: string): [string, TemplateVariables][] {
  const base = sampleVariables(trigger, step, locale, { now: NOW });
  const complete = sampleVariables(trigger, step, locale, { now: NOW, complete: true });
  const v = (f: (v: unknown, key: string) => unknown, from: TemplateVariables = complete) => mapLeaves(from, f) as TemplateVariables;
  let n = 0;
  const list: [string, TemplateVariables][] = [
    ["sample", base],
    ["complete", complete],
    ["nulls", v((x) => (typeof x === "string" ? null : x))],
    ["missing", v((x) => (n++ % 2 ? undefined : x))],
    ["hostile strings", v((x) => (typeof x === "string" ? `${HOSTILE} ${x}` : x))],
    // One special character alone, in case escaping only looks for the others.
    ["apostrophes", v((x) => (typeof x === "string" ? `O'Brien's ${x.replace(/[&<>"]/g, "")}` : x))],
    ["quotes", v((x) => (typeof x === "string" ? `"${x.replace(/[&<>']/g, "")}"` : x))],
    ["blank strings", v((x) => (typeof x === "string" ? " " : x))],
    ["empty strings", v((x) => (typeof x === "string" ? "" : x))],
    ["numbers as strings", v((x) => (typeof x === "number" ? String(x) : typeof x === "string" ? "10" : x))],
    ["odd dates", v((x, key) => (key.endsWith("_at") || key === "since" || key === "new_estimate" ? "soon" : x))],
    ["timestamp dates", v((x, key) => (key.endsWith("_at") || key === "new_estimate" ? 1749556800 : x))],
    ["no objects", { ...complete, order: null, fulfillment: null, delay: null, product: null, signup: null, line_items: [] }],
    ["flags on", v((x) => (x === false ? true : x))],
  ];
  for (const reason of ["failure", "incorrect_address", "inventory_out_of_stock", "awaiting_return_items", "awaiting_payment", "other"]) {
    if (complete.delay) list.push([`reason ${reason}`, { ...complete, delay: { ...complete.delay, reason, follow_up: reason.length % 2 === 0 } }]);
  }
  return list;
}

/** Every locale x trigger x step Herald has default templates for. */
function* everyStep(): Generator<{ locale: string; trigger: Trigger; step: MessageStep }> {
  for (const locale of AVAILABLE_LOCALES) {
    for (const trigger of TRIGGERS) for (const step of STEPS_BY_TRIGGER[trigger]) yield { locale, trigger, step };
  }
}

describe("compiled default templates", () => {
  it("compiles every part of every default template, for every trigger, step, channel and locale", () => {
    let count = 0;
    for (const { locale, trigger, step } of everyStep()) {
      for (const channel of CHANNELS) {
        for (const [part, engine, source] of parts(trigger, step, channel, locale)) {
          expect(compileFor(engine, engine.parse(source)), `${locale} ${trigger}/${step} ${channel} ${part}`).not.toBeNull();
          count++;
        }
      }
    }
    expect(count).toBe(14 * 16 * 6);
  });

  it("renders every default template byte for byte as liquidjs, with the sample data and a dozen variants of it", () => {
    let count = 0;
    for (const { locale, trigger, step } of everyStep()) {
      const data = variants(trigger, step, locale);
      for (const channel of CHANNELS) {
        for (const [part, engine, source] of parts(trigger, step, channel, locale)) {
          const templates = engine.parse(source);
          const compiled = compileFor(engine, templates)!;
          for (const [name, vars] of data) {
            const expected = liquid(engine, templates, vars, locale);
            expect(expected.ok).toBe(true);
            expect(compiled(vars, { locale }), `${locale} ${trigger}/${step} ${channel} ${part}, ${name}`).toBe(expected.ok && expected.out);
            count++;
          }
        }
      }
    }
    expect(count).toBeGreaterThan(14_000);
  });
});

describe("generated corpus", () => {
  const SEEDS = 3000;
  const SCOPES = 3;

  it(`renders ${SEEDS} generated templates x ${SCOPES} scopes byte for byte as liquidjs, in the text and the HTML engine`, () => {
    const stats = { renders: 0, identical: 0, bothFailed: 0, leftToLiquid: 0 };
    const mismatches: string[] = [];
    for (let seed = 1; seed <= SEEDS; seed++) {
      const source = new Gen(seed).template();
      for (const engine of [textEngine, htmlEngine]) {
        const templates = engine.parse(source);
        const compiled = compileFor(engine, templates);
        if (!compiled) {
          mismatches.push(`seed ${seed}: not compiled: ${source}`);
          continue;
        }
        for (let j = 0; j < SCOPES; j++) {
          const scope = new Gen(seed * 7919 + j).scope();
          const locale = ["en", "es", "hi"][j];
          const expected = liquid(engine, templates, scope, locale);
          const actual = compiled(scope, { locale });
          stats.renders++;
          if (actual === null && !expected.ok) stats.bothFailed++;
          else if (expected.ok && actual === expected.out) stats.identical++;
          // Stepping aside is always safe (renderPart then renders with liquidjs), and rare: e.g. a method of
          // an assigned nil (`y.toString`), which liquidjs calls.
          else if (expected.ok && actual === null) stats.leftToLiquid++;
          else if (mismatches.length < 5) {
            const engineName = engine === htmlEngine ? "html" : "text";
            mismatches.push(
              `seed ${seed}/${j} (${engineName}): ${JSON.stringify(source)}\nscope ${JSON.stringify(scope)}\ncompiled ${JSON.stringify(actual)}\nliquidjs ${JSON.stringify(expected)}`,
            );
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(stats.renders).toBe(SEEDS * 2 * SCOPES);
    // The corpus reaches liquidjs's errors too (url_decode of "100%"): the compiled render then steps aside.
    expect(stats.bothFailed).toBeGreaterThan(0);
    expect(stats.identical + stats.bothFailed + stats.leftToLiquid).toBe(stats.renders);
    expect(stats.leftToLiquid).toBeLessThan(stats.renders * 0.005);
  }, 60_000);
});

// renderMessage with compilation switched off: today's liquidjs-only path, to compare whole messages.
let liquidOnly: (request: RenderRequest) => RenderResult;

beforeAll(async () => {
  vi.resetModules();
  vi.doMock("~/notifications/liquid-compile", async (importOriginal) => ({
    ...(await importOriginal<typeof LiquidCompile>()),
    compileTemplate: () => null,
  }));
  liquidOnly = (await import("~/notifications/render")).renderMessage;
  vi.doUnmock("~/notifications/liquid-compile");
});

describe("renderMessage", () => {
  it("gives the same messages as with liquidjs alone, for every default template and variant", () => {
    let count = 0;
    for (const { locale, trigger, step } of everyStep()) {
      for (const [name, variables] of variants(trigger, step, locale)) {
        for (const channel of CHANNELS) {
          const request: RenderRequest = { trigger, step, channel, locale, variables };
          expect(renderMessage(request), `${locale} ${trigger}/${step} ${channel}, ${name}`).toEqual(liquidOnly(request));
          count++;
        }
      }
    }
    expect(count).toBeGreaterThan(8_000);
  });

  const vars = sampleVariables("shipping", "shipped", "en", { now: NOW });
  const email = (html: string, variables: TemplateVariables = vars): RenderRequest => ({
    trigger: "shipping",
    step: "shipped",
    channel: "email",
    locale: "en",
    variables,
    template: { subject: "Order {{ order.name }}", html, text: html },
  });

  const UNSUPPORTED = [
    "{% for i in (1..3) %}{{ i }}{% endfor %}",
    "{% cycle 'a', 'b' %}{% cycle 'a', 'b' %}",
    "{% increment n %}{% decrement n %}",
    "{{ line_items | map: 'title' | join: ', ' }}",
    "{{ line_items | where: 'quantity', 2 | size }}",
    "{{ line_items | sort: 'title' | first }}",
    "{% for item in line_items %}{{ forloop.name }}{% endfor %}",
    "{% for item in line_items %}{% if forloop.first %}{% break %}{% endif %}{{ item.title }}{% endfor %}",
    "{% for item in line_items %}{% continue %}{% endfor %}",
    "{% for item in line_items limit: 1 %}{{ item.title }}{% endfor %}{% for item in line_items offset: continue %}{{ item.title }}{% endfor %}",
    "{% for forloop in line_items %}{{ forloop.title }}{% endfor %}",
    "{% tablerow item in line_items %}{{ item.title }}{% endtablerow %}",
    "{% include 'footer' %}",
    "{% render 'footer' %}",
    "{% assign key = 'order' %}{{ [key].name }}",
    "{{ nil.name }}",
    "{{ shop.name | sha256 }}",
  ];

  it.each(UNSUPPORTED)("leaves %s to liquidjs, with the same result", (source) => {
    for (const engine of [textEngine, htmlEngine]) expect(compileFor(engine, engine.parse(source))).toBeNull();
    expect(renderMessage(email(source))).toEqual(liquidOnly(email(source)));
  });

  class Money extends Drop {
    override valueOf() {
      return "12.00 USD";
    }
  }
  const exotic: [string, string, Record<string, unknown>][] = [
    ["a function", "{{ order.total }}", { order: { total: () => "42" } }],
    ["an object with toLiquid()", "{{ order.name }}", { order: { name: "#1", toLiquid: () => ({ name: "#2" }) } }],
    ["a Drop read from", "{{ order.total.amount }}", { order: { total: new Money() } }],
    ["a Map looped over", "{% for e in order.map %}{{ e }}{% endfor %}", { order: { map: new Map([["a", 1]]) } }],
    ["an iterator", "{{ order.it }}", { order: { it: [1, 2][Symbol.iterator]() } }],
  ];

  it.each(exotic)("leaves data holding %s to liquidjs, with the same result", (_name, source, patch) => {
    const variables = { ...vars, ...patch } as unknown as TemplateVariables;
    for (const engine of [textEngine, htmlEngine]) expect(compileFor(engine, engine.parse(source))!(variables, { locale: "en" })).toBeNull();
    expect(renderMessage(email(source, variables))).toEqual(liquidOnly(email(source, variables)));
  });

  it("renders a Drop's value as liquidjs does", () => {
    const variables = { ...vars, order: { ...vars.order, total: new Money() } } as unknown as TemplateVariables;
    const source = "{{ order.total }} {% if order.total == '12.00 USD' %}same{% endif %} {{ order.total | append: '!' }}";
    const compiled = compileFor(htmlEngine, htmlEngine.parse(source))!;
    expect(compiled(variables, { locale: "en" })).toBe("12.00 USD same 12.00 USD!");
    expect(renderMessage(email(source, variables))).toEqual(liquidOnly(email(source, variables)));
  });

  it("leaves a render over Liquid's memory limit to liquidjs, which reports it", () => {
    const big = `<b>${"x".repeat(120_000)}</b>`;
    const variables = { ...vars, line_items: Array.from({ length: 10 }, () => ({ ...vars.line_items[0], title: big })) };
    const source = "{% for item in line_items %}{{ item.title }}{% endfor %}";
    expect(compileFor(htmlEngine, htmlEngine.parse(source))!(variables, { locale: "en" })).toBeNull();
    const result = renderMessage(email(source, variables));
    expect(result).toEqual(liquidOnly(email(source, variables)));
    expect(result.ok || result.error).toMatch(/^html: memory alloc limit exceeded/);
  });

  it("leaves a very large output to liquidjs, and render.ts refuses it the same way", () => {
    const variables = { ...vars, rows: Array.from({ length: 300 }, () => "x".repeat(5_000)) } as TemplateVariables;
    const source = "{% for row in rows %}{{ row }}{% endfor %}";
    expect(compileFor(textEngine, textEngine.parse(source))!(variables, { locale: "en" })).toBeNull();
    const request = { ...email(source, variables), template: { subject: "s", html: "<p>x</p>", text: source } };
    const result = renderMessage(request);
    expect(result).toEqual(liquidOnly(request));
    expect(result.ok || result.error).toMatch(/^text: the output is 1500000 characters long/);
  });

  it("stops a loop that runs past Liquid's time limit, and reports it as liquidjs does", () => {
    const variables = { ...vars, rows: Array.from({ length: 2_000 }, (_, i) => i) } as TemplateVariables;
    const source = "{% for a in rows %}{% for b in rows %}{% for c in rows %}{{ c }}{% endfor %}{% endfor %}{% endfor %}";
    const started = performance.now();
    const compiled = compileFor(textEngine, textEngine.parse(source))!(variables, { locale: "en" });
    expect(compiled).toBeNull();
    expect(performance.now() - started).toBeLessThan(1_000);
    const result = renderMessage({ ...email(source, variables), template: { subject: "s", html: "<p>x</p>", text: source } });
    expect(result.ok || result.error).toMatch(/^text: template render limit exceeded/);
  });
});
