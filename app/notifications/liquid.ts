import { Liquid, type LiquidOptions, type Template } from "liquidjs";
import { compileTemplate, type CompiledTemplate } from "./liquid-compile";
import { HERALD_FILTERS } from "./liquid-filters";

// Merchants edit templates, so a template is untrusted input: it must not read files, reach into
// prototypes, or hang the worker. Missing *variables* render empty on purpose (optional data such as a
// tracking link is often absent and templates use `| default:`); unknown *filters* are errors because
// they are always typos.
const SAFE_OPTIONS: LiquidOptions = {
  strictFilters: true,
  strictVariables: false,
  ownPropertyOnly: true,
  // An in-memory file system with no files: {% include %}, {% render %} and {% layout %} find nothing and
  // never touch the disk.
  templates: {},
  relativeReference: false,
  // Liquid's `date` filter must not depend on the server's time zone.
  timezoneOffset: 0,
  parseLimit: 100_000, // characters per template
  renderLimit: 200, // milliseconds per render
  memoryLimit: 1_000_000, // allocations (string/array lengths) per render
};

/** Renders for plain text and SMS: output is written as is. */
export const textEngine = new Liquid(SAFE_OPTIONS);
/** Renders for email HTML: every {{ output }} is HTML-escaped unless piped through `| raw`. */
export const htmlEngine = new Liquid({ ...SAFE_OPTIONS, outputEscape: "escape" });

for (const engine of [textEngine, htmlEngine]) {
  for (const [name, filter] of Object.entries(HERALD_FILTERS)) engine.registerFilter(name, filter);
}

const CACHE_SIZE = 300;

/** A parsed template, and its compiled form once it has been rendered (null: liquidjs renders it). */
export interface CachedTemplate {
  templates: Template[];
  compiled?: CompiledTemplate | null;
}

// One cache per engine, keyed by the source itself: a template's source is usually the same string
// object every time, whose hash V8 keeps, so a hit costs no hashing of the text (a "h:" + source key did).
const caches = new Map<Liquid, Map<string, CachedTemplate>>();

function entry(engine: Liquid, source: string): CachedTemplate {
  let cache = caches.get(engine);
  if (!cache) caches.set(engine, (cache = new Map()));
  const hit = cache.get(source);
  if (hit) {
    cache.delete(source);
    cache.set(source, hit);
    return hit;
  }
  const parsed: CachedTemplate = { templates: engine.parse(source) };
  cache.set(source, parsed);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return parsed;
}

/** Parses with a bounded least-recently-used cache per engine, keyed by source; throws Liquid's parse errors. */
export function parseCached(engine: Liquid, source: string): Template[] {
  return entry(engine, source).templates;
}

/**
 * The cached parse of `source` with its compiled renderer (compiled on first use): liquidjs stays the
 * parser and the fallback, the compiled closures render the common subset faster (liquid-compile.ts).
 * Throws Liquid's parse errors.
 */
export function parseCompiled(engine: Liquid, source: string): Required<CachedTemplate> {
  const cached = entry(engine, source);
  if (cached.compiled === undefined) cached.compiled = compileFor(engine, cached.templates);
  return cached as Required<CachedTemplate>;
}

/** Compiles templates parsed by textEngine or htmlEngine; null when liquidjs must render them. */
export function compileFor(engine: Liquid, templates: Template[]): CompiledTemplate | null {
  return compileTemplate(templates, { engine, escapeOutputs: engine === htmlEngine, customFilters: Object.keys(HERALD_FILTERS) });
}
