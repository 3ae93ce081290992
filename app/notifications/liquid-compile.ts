import {
  AssignTag,
  CaptureTag,
  CaseTag,
  CommentTag,
  defaultOperators,
  EchoTag,
  ForTag,
  IfTag,
  InlineCommentTag,
  isFalsy as liquidIsFalsy,
  isTruthy as liquidIsTruthy,
  LiquidTag,
  Output,
  RawTag,
  Tag,
  TokenKind,
  UnlessTag,
  type Liquid,
  type Template,
} from "liquidjs";
import {
  allowedFilters,
  compileOperand,
  compileValue,
  ESCAPE,
  unsupported,
  Unsupported,
  type Eval,
  type Scope,
  type TokenShape,
  type ValueShape,
} from "./liquid-expressions";
import { equals, escapeFilter, isFalsy, MemoryLimit, step, stringify, toEnumerable, toValue, type State } from "./liquid-runtime";

// liquidjs renders a parsed template by walking it with generators, a Context and a Filter object per
// output: most of an email's render time went there. This compiles liquidjs's own parse tree (liquidjs
// stays the parser and validator) into plain closures for the Liquid that notification templates use:
// if/elsif/else, unless, case/when, for (limit, offset, reversed, else, forloop.index and friends),
// assign, capture, echo, raw, comment, liquid; outputs with the pure built-in filters
// (liquid-expressions.ts). Anything else makes compileTemplate return null, and liquidjs renders that
// template as before. No source code is generated: a template's text only becomes data in closures.
// The runtime semantics (lookups, truthiness, comparisons, output) are liquidjs's, in liquid-runtime.ts.

export interface CompileOptions {
  /** The engine that parsed the templates: its options, filters and tags. */
  engine: Liquid;
  /** The engine HTML-escapes outputs not ending in `| raw` (outputEscape "escape"); checked against it. */
  escapeOutputs: boolean;
  /** The engine's own filters that are pure and synchronous, e.g. ["local_date"]. */
  customFilters?: readonly string[];
}

/**
 * Renders as `engine.renderSync(templates, scope, { globals })` does. Returns null when this render is
 * liquidjs's to do (the data holds functions or Drops, a limit is reached, a filter throws): render with
 * liquidjs then, which also reports any error in its own words.
 */
export type CompiledTemplate = (scope: object, globals: { locale: string }) => string | null;

type Emit = (state: State) => void;

interface TagShape {
  liquid: Liquid;
  name: string;
  branches: { value: ValueShape; values: TokenShape[]; templates: Template[]; test?: unknown }[];
  elseTemplates?: Template[];
  templates: Template[];
  value?: ValueShape;
  key: string;
  variable: string;
  collection: TokenShape;
  hash: { hash: Record<string, TokenShape | undefined> };
  tokens: { getText(): string }[];
}

const NO_VARS: Record<string, unknown> = Object.freeze(Object.create(null) as Record<string, unknown>);

/** Compiles liquidjs's parse tree to a function rendering the same output; null outside the subset. */
export function compileTemplate(templates: Template[], opts: CompileOptions): CompiledTemplate | null {
  const o = opts.engine.options;
  if (opts.escapeOutputs ? o.outputEscape !== ESCAPE : !!o.outputEscape) return null;
  if (o.jsTruthy || !o.ownPropertyOnly || o.strictVariables || o.lenientIf || o.keepOutputType || o.catchAllErrors) return null;
  if (o.operators !== defaultOperators) return null;

  const compiler = new Compiler(opts.escapeOutputs);
  let body: Emit;
  try {
    const assigned = new Set<string>();
    collectAssigned(templates, assigned);
    // liquidjs calls a toLiquid() it finds on the scope holding assigned variables.
    if (assigned.has("toLiquid")) return null;
    body = compiler.block(templates, { loops: [], assigned, filters: allowedFilters(opts.engine, opts.customFilters ?? []) });
    compiler.hasVars = assigned.size > 0;
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
  const { maxDepth, hasVars } = compiler;
  const { memoryLimit, renderLimit } = o;

  return (scope, globals) => {
    const state: State = {
      context: { memoryLimit: new MemoryLimit(memoryLimit), opts: o, globals, ownPropertyOnly: true, strictVariables: false, sync: true },
      env: scope,
      globals,
      vars: hasVars ? (Object.create(null) as Record<string, unknown>) : NO_VARS,
      items: maxDepth ? new Array<unknown>(maxDepth) : [],
      index: maxDepth ? new Array<number>(maxDepth) : [],
      length: maxDepth ? new Array<number>(maxDepth) : [],
      out: "",
      steps: 0,
      // Only loops repeat work: without them a render is bounded by the template's length.
      deadline: maxDepth ? performance.now() + renderLimit : Infinity,
    };
    try {
      body(state);
    } catch {
      // Data with functions or Drops, a limit, a filter's error: liquidjs's to render or report.
      return null;
    }
    return state.out;
  };
}

/** Names set by assign/capture anywhere: reads of them look at assigned variables first. */
function collectAssigned(templates: Template[], names: Set<string>): void {
  for (const t of templates) {
    const tag = t as unknown as TagShape;
    if (t.constructor === AssignTag) names.add(tag.key);
    if (t.constructor === CaptureTag) names.add(tag.variable);
    for (const b of tag.branches ?? []) collectAssigned(b.templates, names);
    if (Array.isArray(tag.elseTemplates)) collectAssigned(tag.elseTemplates, names);
    if (Array.isArray(tag.templates)) collectAssigned(tag.templates, names);
  }
}

class Compiler {
  hasVars = false;
  /** The deepest nesting of {% for %} loops. */
  maxDepth = 0;

  constructor(private readonly escapeOutputs: boolean) {}

  block(templates: Template[], scope: Scope): Emit {
    const parts = templates.map((t) => this.template(t, scope)).filter((p): p is Emit => p !== null);
    if (parts.length === 0) return () => {};
    if (parts.length === 1) return parts[0];
    return (state) => {
      for (let i = 0; i < parts.length; i++) parts[i](state);
    };
  }

  private template(t: Template, scope: Scope): Emit | null {
    if (t.constructor === Output) return this.output((t as Output).value as unknown as ValueShape, scope);
    if (t instanceof Tag) {
      const tag = t as unknown as TagShape;
      // One of liquidjs's own tags, registered under its own name (not a subclass or a replacement).
      if (tag.liquid.tags[tag.name] !== t.constructor) return unsupported(`tag ${tag.name}`);
      return this.tag(tag, t.constructor, scope);
    }
    const html = t as unknown as { token: { kind: number }; str: unknown };
    if (html.token.kind !== TokenKind.HTML || typeof html.str !== "string") return unsupported("template");
    return text(html.str);
  }

  /** liquidjs `Output`: the value (ending with the escape filter in the HTML engine), stringified. */
  private output(value: ValueShape, scope: Scope): Emit {
    const evaluate = compileValue(value, scope);
    const filters = value.filters;
    if (filters.length && filters[filters.length - 1].handler === ESCAPE) {
      return (state) => {
        state.out += evaluate(state) as string;
      };
    }
    return (state) => {
      state.out += stringify(toValue(evaluate(state)));
    };
  }

  private tag(tag: TagShape, kind: unknown, scope: Scope): Emit | null {
    switch (kind) {
      case IfTag:
      case UnlessTag:
        return this.ifTag(tag, scope);
      case CaseTag:
        return this.caseTag(tag, scope);
      case ForTag:
        return this.forTag(tag, scope);
      case AssignTag: {
        const value = compileValue(tag.value as ValueShape, scope);
        const key = tag.key;
        return (state) => {
          state.vars[key] = value(state);
        };
      }
      case CaptureTag: {
        const body = this.block(tag.templates, scope);
        const key = tag.variable;
        return (state) => {
          const outer = state.out;
          state.out = "";
          body(state);
          state.vars[key] = state.out;
          state.out = outer;
        };
      }
      case EchoTag:
        return tag.value ? this.echo(tag.value, scope) : null;
      case RawTag:
        return text(tag.tokens.map((token) => token.getText()).join(""));
      case LiquidTag:
        return this.block(tag.templates, scope);
      case CommentTag:
      case InlineCommentTag:
        return null;
      default:
        return unsupported(`tag ${tag.name}`);
    }
  }

  /** if/elsif/else and unless (whose first branch renders when its value is falsy). */
  private ifTag(tag: TagShape, scope: Scope): Emit {
    const branches = tag.branches.map((b) => ({
      value: compileValue(b.value, scope),
      whenFalsy: b.test === liquidIsFalsy ? true : b.test === undefined || b.test === liquidIsTruthy ? false : unsupported("test"),
      body: this.block(b.templates, scope),
    }));
    const otherwise = this.block(tag.elseTemplates ?? [], scope);
    return (state) => {
      for (let i = 0; i < branches.length; i++) {
        const b = branches[i];
        if (isFalsy(toValue(b.value(state))) === b.whenFalsy) return b.body(state);
      }
      otherwise(state);
    };
  }

  /** case/when: every `when` holding an equal value renders (liquidjs does not stop at the first). */
  private caseTag(tag: TagShape, scope: Scope): Emit {
    const target = compileValue(tag.value as ValueShape, scope);
    const branches = tag.branches.map((b) => ({ values: b.values.map((v) => compileOperand(v, scope)), body: this.block(b.templates, scope) }));
    const otherwise = this.block(tag.elseTemplates ?? [], scope);
    return (state) => {
      const value = toValue(target(state));
      let hit = false;
      for (const b of branches) {
        for (const v of b.values) {
          if (equals(value, v(state))) {
            b.body(state);
            hit = true;
            break;
          }
        }
      }
      if (!hit) otherwise(state);
    };
  }

  /** liquidjs `ForTag`: items of an array (a string is one item, an object its [key, value] pairs). */
  private forTag(tag: TagShape, scope: Scope): Emit {
    const variable = tag.variable;
    // A loop variable named forloop hides the forloop object; liquidjs would call a toLiquid function.
    if (variable === "forloop" || variable === "toLiquid") return unsupported("loop variable");
    const collection = compileOperand(tag.collection, scope);
    const hashScope: Scope = { ...scope, inForHash: true };
    const hash = Object.entries(tag.hash.hash).map(([key, token]): [string, Eval] => [key, token ? compileOperand(token, hashScope) : () => true]);
    const otherwise = this.block(tag.elseTemplates ?? [], scope);
    const depth = scope.loops.length;
    this.maxDepth = Math.max(this.maxDepth, depth + 1);
    const body = this.block(tag.templates, { ...scope, loops: [...scope.loops, { variable, depth }] });
    return (state) => {
      let items = toEnumerable(collection(state));
      if (!items.length) return otherwise(state);
      const modifiers: Record<string, unknown> = {};
      for (const [key, value] of hash) modifiers[key] = value(state);
      if (modifiers.offset !== undefined) items = items.slice(modifiers.offset as number);
      if (modifiers.limit !== undefined) items = items.slice(0, modifiers.limit as number);
      if (modifiers.reversed !== undefined) items = [...items].reverse();
      const n = items.length;
      state.length[depth] = n;
      for (let i = 0; i < n; i++) {
        step(state);
        state.items[depth] = items[i];
        state.index[depth] = i;
        body(state);
      }
    };
  }

  /** liquidjs `EchoTag`: like an output, the escape applied after the value. */
  private echo(value: ValueShape, scope: Scope): Emit {
    const evaluate = compileValue(value, scope);
    const escape = this.escapeOutputs && !value.filters[value.filters.length - 1]?.raw;
    return (state) => {
      const v = toValue(evaluate(state));
      state.out += stringify(escape ? escapeFilter(state.context, v) : v);
    };
  }
}

function text(str: string): Emit | null {
  if (!str) return null;
  return (state) => {
    state.out += str;
  };
}
