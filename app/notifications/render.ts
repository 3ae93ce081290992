import type { Liquid } from "liquidjs";
import { isolateLtrValues, renderIsolates, unisolateLinks } from "./bidi";
import { renderEmailLayout } from "./layout";
import { htmlEngine, parseCompiled, textEngine } from "./liquid";
import { formattingLocale, textDirection } from "./locale";
import { countSegments } from "./segments";
import { layoutLabels, localeTemplates, stepTemplates } from "./templates";
import type { ChannelTemplate, EmailTemplate, LocaleTemplates, SmsTemplate } from "./templates/types";
import type { Channel, MessageStep, RenderResult, TemplateVariables, Trigger } from "./types";

export { buildVariables } from "./variables";

// Upper bounds on rendered output. Liquid's limits bound time and allocations, not plain output: a short
// loop can still print megabytes. Gmail clips HTML over ~102 KB; Twilio refuses SMS bodies over 1600.
const MAX_SUBJECT = 998;
const MAX_PREHEADER = 250;
const MAX_HTML = 200_000;
const MAX_TEXT = 100_000;
const MAX_SMS = 1_600;

/** What to render: one message for one channel in one locale, with the merchant's template if any. */
export interface RenderRequest {
  trigger: Trigger;
  /** A step of `trigger` (a ShippingStep for "shipping", a DelayStep for "delay"). */
  step: MessageStep;
  channel: Channel;
  /** The resolved locale (resolveLocale). */
  locale: string;
  /** The customer's own locale ("en-IN"): dates and prices are written in it when it is `locale`'s language. */
  customerLocale?: string | null;
  variables: TemplateVariables;
  /** The merchant's template; Herald's default for trigger x step x channel x locale when absent. */
  template?: ChannelTemplate;
}

/** A template failure is an outcome, never an exception: the error names the part, line and problem. */
class RenderFailure extends Error {}

/** Renders one message. Synchronous and pure; never throws. */
export function renderMessage(request: RenderRequest): RenderResult {
  try {
    return { ok: true, message: request.channel === "email" ? renderEmail(request) : renderShort(request) };
  } catch (error) {
    if (error instanceof RenderFailure) return { ok: false, error: error.message };
    return { ok: false, error: `Template could not be rendered: ${describe(error)}` };
  }
}

function renderEmail(request: RenderRequest) {
  const pack = localeTemplates(request.locale);
  const template = request.template ?? defaults(pack, request).email;
  if (!isEmailTemplate(template)) throw new RenderFailure("An email template needs a subject, an html body and a text part.");
  // With a default template the language is the default's (a "pt-BR" request gets English today).
  const locale = request.template ? request.locale : pack.locale;
  const globals = { locale: formattingLocale(request.customerLocale, locale) };
  const vars = isolateLtrValues(request.variables, textDirection(locale));
  // The frame speaks the message's language: a merchant's Hebrew template gets Hebrew labels, though
  // Herald has no Hebrew defaults.
  const labels = layoutLabels(locale);

  const subject = limit("subject", singleLine(renderPart("subject", textEngine, template.subject, vars, globals)), MAX_SUBJECT);
  if (!subject) throw new RenderFailure("subject: the subject renders empty.");
  const preheader = template.preheader
    ? limit("preheader", singleLine(renderPart("preheader", textEngine, template.preheader, vars, globals)), MAX_PREHEADER)
    : "";
  const body = limit("html", renderPart("html", htmlEngine, template.html, vars, globals), MAX_HTML);
  const html = limit("html", renderEmailLayout(labels, { vars, body, subject, preheader, lang: locale, dir: textDirection(locale) }), MAX_HTML);
  const body_text = tidy(renderPart("text", textEngine, template.text, vars, globals));
  if (!body_text) throw new RenderFailure("text: the plain-text part renders empty.");
  // The plain-text part carries the same one-click unsubscribe link as the HTML footer.
  const unsubscribe = vars.unsubscribe_url ? `\n\n${labels.unsubscribeLink}: ${vars.unsubscribe_url}` : "";
  const text = limit("text", body_text + unsubscribe, MAX_TEXT);
  return { locale, subject, html, text, segments: null };
}

/** SMS and WhatsApp session messages: one plain body. */
function renderShort(request: RenderRequest) {
  const pack = localeTemplates(request.locale);
  const template = request.template ?? defaults(pack, request).sms;
  if (!isSmsTemplate(template)) throw new RenderFailure(`A ${request.channel} template needs a body.`);
  const locale = request.template ? request.locale : pack.locale;
  const text = tidy(renderPart("body", textEngine, template.body, isolateLtrValues(request.variables, textDirection(locale)), { locale: formattingLocale(request.customerLocale, locale) }));
  if (!text) throw new RenderFailure("body: the message renders empty.");
  const count = countSegments(text);
  if (count.characters > MAX_SMS) {
    throw new RenderFailure(`body: the message is ${count.characters} characters long; at most ${MAX_SMS} can be sent.`);
  }
  return { locale, subject: null, html: null, text, segments: request.channel === "sms" ? count.segments : null };
}

function defaults(pack: LocaleTemplates, request: RenderRequest) {
  const templates = stepTemplates(pack, request.trigger, request.step);
  if (!templates) throw new RenderFailure(`There is no default template for the ${request.trigger} step "${request.step}".`);
  return templates;
}

/** A part's output; order numbers and the like in a right-to-left message come isolated (bidi.ts). */
function renderPart(part: string, engine: Liquid, source: string, scope: object, globals: { locale: string }): string {
  const output = renderLiquid(part, engine, source, scope, globals);
  return engine === htmlEngine ? renderIsolates(output) : unisolateLinks(output);
}

function renderLiquid(part: string, engine: Liquid, source: string, scope: object, globals: { locale: string }): string {
  let template;
  try {
    template = parseCompiled(engine, source);
  } catch (error) {
    throw new RenderFailure(`${part}: ${describe(error)}`);
  }
  // The compiled form renders what liquidjs would, faster; it returns null when this render is
  // liquidjs's to do (a construct, data or limit outside the compiled subset).
  const fast = template.compiled?.(scope, globals);
  if (typeof fast === "string") return fast;
  // Liquid's time limit is wall-clock: a GC pause or a busy machine can push a tiny template over it.
  // One retry tells that apart from a template that really loops (it fails again, quickly).
  for (let attempt = 1; ; attempt++) {
    try {
      const output: unknown = engine.renderSync(template.templates, scope, { globals });
      return typeof output === "string" ? output : String(output ?? "");
    } catch (error) {
      if (attempt === 1 && isTimeLimit(error)) continue;
      throw new RenderFailure(`${part}: ${describe(error)}`);
    }
  }
}

function isTimeLimit(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith("template render limit exceeded");
}

function describe(error: unknown): string {
  if (error instanceof RangeError) return "the output is too large (string length limit)";
  return error instanceof Error ? error.message : String(error);
}

function limit(part: string, value: string, max: number): string {
  if (value.length > max) throw new RenderFailure(`${part}: the output is ${value.length} characters long; the limit is ${max}.`);
  return value;
}

function singleLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

/** Trailing spaces off, at most one blank line in a row (false {% if %} blocks leave gaps), trimmed. */
function tidy(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function isEmailTemplate(t: ChannelTemplate): t is EmailTemplate {
  const e = t as Partial<EmailTemplate>;
  return typeof e.subject === "string" && typeof e.html === "string" && typeof e.text === "string";
}

function isSmsTemplate(t: ChannelTemplate): t is SmsTemplate {
  return typeof (t as Partial<SmsTemplate>).body === "string";
}
