import type { Liquid, Template } from "liquidjs";
import { documentedPaths, isDocumentedPath, lineItemFields, MAX_SMS_CHARACTERS, PART_LABELS, partsOf, type TemplatePart } from "./catalog";

export { MAX_SMS_CHARACTERS, PART_LABELS, partsOf, type TemplatePart };
import { htmlEngine, parseCached, textEngine } from "./liquid";
import { renderMessage } from "./render";
import { sampleVariables } from "./samples";
import { countSegments, type SegmentCount } from "./segments";
import type { ChannelTemplate, EmailTemplate } from "./templates/types";
import type { Channel, MessageStep, RenderedMessage, TemplateVariables, Trigger } from "./types";

// Saving a template runs it the way a real message would, before anything is stored:
//   1. every part parses (Liquid syntax, known filters, the sandbox's parse limit);
//   2. every variable it reads is documented for its trigger (catalog.ts), found statically, so a typo in
//      a branch the sample data does not reach is still caught;
//   3. it renders with strict variables against complete sample data (catches `item.titel` in loops,
//      filter errors, endless loops and runaway allocations through the sandbox's limits);
//   4. it renders through renderMessage, as the worker will, with the step's sample data: output limits
//      (a huge output is refused), an empty subject or body, SMS longer than 1600 characters.
// Errors name the part, the line and column, and the variable; nothing with an error is saved.


/** A template being edited: email parts or an SMS body, all Liquid sources. */
export interface TemplateDraft {
  subject?: string | null;
  preheader?: string | null;
  html?: string | null;
  text?: string | null;
  body?: string | null;
}

/** One problem with a template, located as precisely as Liquid allows. */
export interface TemplateIssue {
  /** The part it is in; null when it is about the template as a whole. */
  part: TemplatePart | null;
  /** 1-based line and column within that part's source. */
  line: number | null;
  column: number | null;
  /** The variable concerned, e.g. "order.nme". */
  variable: string | null;
  /** A sentence for the merchant, without the location (shown beside it). */
  message: string;
}

export interface ValidationInput {
  trigger: Trigger;
  step: MessageStep;
  channel: Channel;
  locale: string;
  draft: TemplateDraft;
  /** Data to render the preview with (a real order); the step's sample data when absent. */
  variables?: TemplateVariables;
  /** "Today" for sample dates. */
  now?: Date;
}

export interface ValidationResult {
  ok: boolean;
  issues: TemplateIssue[];
  /** The message as rendered with the preview data, when it renders (even with issues, to keep the preview live). */
  rendered: RenderedMessage | null;
  /** The preheader as rendered (email), shown after the subject in inbox previews. */
  preheader: string | null;
  /** SMS: encoding, segments and characters of the rendered body. */
  segments: SegmentCount | null;
}

const REQUIRED: ReadonlySet<TemplatePart> = new Set(["subject", "html", "text", "body"]);

/** The draft as the template renderMessage takes. */
export function toChannelTemplate(channel: Channel, draft: TemplateDraft): ChannelTemplate {
  if (channel === "email") {
    const template: EmailTemplate = { subject: draft.subject ?? "", html: draft.html ?? "", text: draft.text ?? "" };
    if (draft.preheader) template.preheader = draft.preheader;
    return template;
  }
  return { body: draft.body ?? "" };
}

/** Checks a template for one trigger x step x channel x locale. Pure; never throws. */
export function validateTemplate(input: ValidationInput): ValidationResult {
  const { trigger, step, channel, locale, draft } = input;
  const parts = partsOf(channel);
  const issues: TemplateIssue[] = [];

  // 1 + 2: parse each part and check the variables it reads.
  const parsed = new Map<TemplatePart, Template[]>();
  for (const part of parts) {
    const source = draft[part] ?? "";
    if (!source.trim()) {
      if (REQUIRED.has(part)) issues.push({ part, line: null, column: null, variable: null, message: `The ${PART_LABELS[part]} is empty.` });
      continue;
    }
    try {
      parsed.set(part, parseCached(engineFor(part), source));
    } catch (error) {
      issues.push(fromLiquidError(part, error));
      continue;
    }
    issues.push(...undocumentedVariables(trigger, part, engineFor(part), parsed.get(part)!));
  }

  // 3: strict rendering with every documented variable defined.
  if (issues.length === 0) {
    const complete = sampleVariables(trigger, step, locale, { now: input.now, complete: true });
    for (const [part, templates] of parsed) {
      const failure = strictRender(engineFor(part), templates, complete, locale);
      if (failure) issues.push(fromLiquidError(part, failure));
    }
  }

  // 4: the real render, with the preview's data. Skipped after a sandbox limit: it would only hit it again.
  const variables = input.variables ?? sampleVariables(trigger, step, locale, { now: input.now });
  const hitLimit = issues.some((i) => /limit exceeded/.test(i.message));
  let rendered: RenderedMessage | null = null;
  let preheader: string | null = null;
  if (!hitLimit && !issues.some((i) => i.line === null && i.part && REQUIRED.has(i.part) && /is empty/.test(i.message))) {
    const result = renderMessage({ trigger, step, channel, locale, variables, template: toChannelTemplate(channel, draft) });
    if (result.ok) rendered = result.message;
    else if (issues.length === 0) issues.push(fromRenderError(result.error));
  }
  if (channel === "email" && parsed.has("preheader") && !hitLimit) {
    const text = renderLenient(textEngine, parsed.get("preheader")!, variables, locale);
    // renderMessage checks its length (it goes into the layout's hidden preview text); shown here for the inbox line.
    if (typeof text === "string") preheader = text.replace(/\s+/g, " ").trim();
  }
  const segments = channel !== "email" && rendered ? countSegments(rendered.text) : null;
  return { ok: issues.length === 0, issues, rendered, preheader, segments };
}

/** "html, line 3, column 5: ..." — one line per issue, for logs and plain-text answers. */
export function describeIssue(issue: TemplateIssue): string {
  const where = [issue.part ? PART_LABELS[issue.part] : null, issue.line ? `line ${issue.line}` : null, issue.column ? `column ${issue.column}` : null]
    .filter(Boolean)
    .join(", ");
  return where ? `${where}: ${issue.message}` : issue.message;
}

function engineFor(part: TemplatePart): Liquid {
  return part === "html" ? htmlEngine : textEngine;
}

/** Variables a template reads from outside itself (not assigned, not loop variables) that the trigger does not provide. */
function undocumentedVariables(trigger: Trigger, part: TemplatePart, engine: Liquid, templates: Template[]): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const seen = new Set<string>();
  const { globals } = engine.analyzeSync(templates, { partials: false });
  for (const variables of Object.values(globals)) {
    for (const variable of variables) {
      // A dynamic segment (line_items[i]) ends what can be checked statically.
      const path: string[] = [];
      for (const segment of variable.segments) {
        if (typeof segment === "number") continue;
        if (typeof segment !== "string") break;
        path.push(segment);
      }
      if (path.length === 0 || isDocumentedPath(trigger, path)) continue;
      const name = path.join(".");
      if (seen.has(name)) continue;
      seen.add(name);
      const hint = suggest(trigger, name);
      issues.push({
        part,
        line: variable.location.row,
        column: variable.location.col,
        variable: name,
        message: `"${name}" is not a variable of ${trigger} messages.${hint ? ` Did you mean "${hint}"?` : ""}`,
      });
    }
  }
  return issues;
}

function strictRender(engine: Liquid, templates: Template[], variables: TemplateVariables, locale: string): unknown {
  for (let attempt = 1; ; attempt++) {
    try {
      engine.renderSync(templates, variables, { globals: { locale }, strictVariables: true });
      return null;
    } catch (error) {
      // Liquid's time limit is wall-clock: one retry tells a GC pause from a real endless loop (as render.ts does).
      if (attempt === 1 && error instanceof Error && error.message.startsWith("template render limit exceeded")) continue;
      return error;
    }
  }
}

function renderLenient(engine: Liquid, templates: Template[], variables: TemplateVariables, locale: string): string | null {
  try {
    const out: unknown = engine.renderSync(templates, variables, { globals: { locale } });
    return typeof out === "string" ? out : String(out ?? "");
  } catch {
    return null;
  }
}

const LOCATION = /,? ?line:(\d+), col:(\d+)\s*$/;

function fromLiquidError(part: TemplatePart, error: unknown): TemplateIssue {
  const raw = error instanceof RangeError ? "the output is too large" : error instanceof Error ? error.message : String(error);
  return located(part, raw);
}

function located(part: TemplatePart | null, raw: string): TemplateIssue {
  const match = LOCATION.exec(raw);
  const message = (match ? raw.slice(0, match.index) : raw).trim();
  const undefinedVariable = /^undefined variable: (.+)$/.exec(message);
  const variable = undefinedVariable ? undefinedVariable[1] : null;
  return {
    part,
    line: match ? Number(match[1]) : null,
    column: match ? Number(match[2]) : null,
    variable,
    message: variable ? `"${variable}" is not defined${variable.startsWith("item.") ? ` (a line item has ${lineItemFields().join(", ")})` : ""}.` : explain(message),
  };
}

/** renderMessage's errors start with the part ("html: ..."). */
function fromRenderError(error: string): TemplateIssue {
  const match = /^(subject|preheader|html|text|body|layout): (.*)$/s.exec(error);
  const part = match && match[1] !== "layout" ? (match[1] as TemplatePart) : null;
  return located(part, match ? match[2] : error);
}

/** Liquid's wording, made a little friendlier where merchants meet it most. */
function explain(message: string): string {
  if (message.startsWith("template render limit exceeded")) return "The template takes too long to render (an endless or very long loop?).";
  if (message.startsWith("memory alloc limit exceeded")) return "The template builds too much data (a huge loop or range?).";
  if (message.startsWith("parse length limit exceeded")) return "The template is too long.";
  if (message.startsWith("undefined filter: ")) return `Unknown filter "${message.slice("undefined filter: ".length)}".`;
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** The closest documented path, if one is close enough to be the intended one. */
function suggest(trigger: Trigger, name: string): string | null {
  let best: { path: string; distance: number } | null = null;
  for (const path of documentedPaths(trigger)) {
    const distance = editDistance(name, path);
    if (!best || distance < best.distance) best = { path, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(name.length / 5)) ? best.path : null;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
