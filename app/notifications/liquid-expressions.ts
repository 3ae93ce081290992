import { filters as builtinFilters, TokenKind, type Liquid } from "liquidjs";
import { checked, compare, contains, equals, escapeFilter, fallBack, isFalsy, readerFor, readProperty, toValue, type State } from "./liquid-runtime";

// Values, expressions and filters of liquidjs's parse tree compiled to closures (liquid-compile.ts
// compiles the tags around them). Each function names the liquidjs code it stands for.

/** A compiled expression: its value in one render. */
export type Eval = (state: State) => unknown;

/** Thrown while compiling something outside the compiled subset: liquidjs renders that template. */
export class Unsupported extends Error {}

export function unsupported(what: string): never {
  throw new Unsupported(what);
}

/**
 * liquidjs's built-in filters that are synchronous and read nothing but their arguments and the render's
 * memory limit, options and globals; they are called as liquidjs calls them. Left to liquidjs: filters
 * that evaluate expressions or properties of each item (map, where, sort, group_by, find...), `sample`
 * (random), crypto and base64.
 */
const PURE_FILTERS = [
  // strings
  "append", "prepend", "lstrip", "rstrip", "strip", "downcase", "upcase", "capitalize", "remove", "remove_first",
  "remove_last", "replace", "replace_first", "replace_last", "truncate", "truncatewords", "split", "strip_newlines",
  "squish", "normalize_whitespace", "number_of_words", "array_to_sentence_string",
  // html and urls
  "escape", "xml_escape", "escape_once", "newline_to_br", "strip_html", "url_encode", "url_decode", "cgi_escape",
  "uri_escape", "slugify",
  // numbers
  "abs", "at_least", "at_most", "ceil", "floor", "round", "plus", "minus", "times", "divided_by", "modulo",
  // arrays
  "join", "first", "last", "size", "reverse", "compact", "concat", "push", "unshift", "pop", "shift", "slice", "uniq",
  // dates
  "date", "date_to_xmlschema", "date_to_rfc822", "date_to_string", "date_to_long_string",
  // misc
  "default", "raw", "json", "jsonify", "to_integer",
] as const;

export type Handler = (this: unknown, ...args: unknown[]) => unknown;

function handlerOf(impl: unknown): Handler | undefined {
  if (typeof impl === "function") return impl as Handler;
  const handler = (impl as { handler?: unknown } | undefined)?.handler;
  return typeof handler === "function" ? (handler as Handler) : undefined;
}

/** liquidjs's escape filter, also the HTML engine's output escape. */
export const ESCAPE = handlerOf(builtinFilters.escape);

/** The filter functions compiled templates may call: the pure built-ins and the engine's own `custom` ones. */
export function allowedFilters(engine: Liquid, custom: readonly string[]): Set<Handler | undefined> {
  const allowed = new Set(PURE_FILTERS.map((name) => handlerOf(builtinFilters[name])));
  for (const name of custom) allowed.add(handlerOf(engine.filters[name]));
  return allowed;
}

// The parts of liquidjs's tree read here (its .d.ts keeps several of them private).
export interface TokenShape {
  kind: number;
  content?: unknown;
  operator?: string;
  variable?: TokenShape;
  props?: TokenShape[];
}
interface FilterShape {
  args: (TokenShape | [string, TokenShape | undefined])[];
  raw: boolean;
  handler: Handler;
}
export interface ValueShape {
  initial: { postfix: TokenShape[] };
  filters: FilterShape[];
}

/** What an expression can see where it is compiled. */
export interface Scope {
  /** Enclosing {% for %} loops, outermost first; `depth` indexes the render's loop frames. */
  loops: { variable: string; depth: number }[];
  /** Names some {% assign %} or {% capture %} in the template sets. */
  assigned: Set<string>;
  filters: Set<Handler | undefined>;
  /** A for tag's limit/offset: liquidjs adds a `continue` variable there. */
  inForHash?: boolean;
}

/** A filtered value (liquidjs `Value`): the expression, then each filter. */
export function compileValue(value: ValueShape, scope: Scope): Eval {
  let evaluate = compileExpression(value.initial.postfix, scope);
  for (const filter of value.filters) evaluate = compileFilter(filter, evaluate, scope);
  return evaluate;
}

/** liquidjs `Filter.render`: arguments evaluated as tokens, then the filter function with `this.context`. */
function compileFilter(filter: FilterShape, input: Eval, scope: Scope): Eval {
  const handler = filter.handler;
  const args = filter.args.map((arg): Eval => {
    if (!Array.isArray(arg)) return compileOperand(arg, scope);
    const [key, token] = arg;
    const value = token ? compileOperand(token, scope) : () => undefined;
    return (state) => [key, value(state)];
  });
  if (handler === ESCAPE && args.length === 0) return (state) => escapeFilter(state.context, input(state));
  if (!scope.filters.has(handler)) return unsupported("filter");
  if (args.length === 0) return (state) => result(handler.call(state, input(state)));
  if (args.length === 1) {
    const a = args[0];
    return (state) => {
      const v = input(state);
      return result(handler.call(state, v, a(state)));
    };
  }
  return (state) => {
    const v = input(state);
    return result(handler.apply(state, [v, ...args.map((a) => a(state))]));
  };
}

/** A filter's result: liquidjs would run it if it were an iterator (the data's own code). */
function result(value: unknown): unknown {
  if (typeof value === "object" && value !== null && typeof (value as { next?: unknown }).next === "function") fallBack();
  return value;
}

/** liquidjs `Expression.evaluate`: its postfix tokens on a stack, every operand evaluated. */
function compileExpression(postfix: TokenShape[], scope: Scope): Eval {
  const stack: Eval[] = [];
  const none: Eval = () => undefined;
  for (const token of postfix) {
    if (token.kind !== TokenKind.Operator) {
      stack.push(compileOperand(token, scope));
      continue;
    }
    const r = stack.pop() ?? none;
    if (token.operator === "not") {
      stack.push((state) => isFalsy(toValue(r(state))));
      continue;
    }
    const l = stack.pop() ?? none;
    stack.push(binary(token.operator, l, r));
  }
  if (stack.length <= 1) return stack[0] ?? none;
  // Leftover operands (`{% if a b %}` tests `a`) are still evaluated, as in liquidjs.
  const [first, ...rest] = stack;
  return (state) => {
    const v = first(state);
    for (const e of rest) e(state);
    return v;
  };
}

function binary(op: string | undefined, l: Eval, r: Eval): Eval {
  switch (op) {
    case "==":
      return (state) => equals(l(state), r(state));
    case "!=":
      return (state) => !equals(l(state), r(state));
    case ">":
    case "<":
    case ">=":
    case "<=":
      return (state) => compare(op, l(state), r(state));
    case "contains":
      return (state) => contains(l(state), r(state));
    // Both sides are evaluated before either is tested; `and`/`or` group right to left (the parser's doing).
    case "and":
      return (state) => {
        const a = l(state);
        const b = r(state);
        return !isFalsy(toValue(a)) && !isFalsy(toValue(b));
      };
    case "or":
      return (state) => {
        const a = l(state);
        const b = r(state);
        return !isFalsy(toValue(a)) || !isFalsy(toValue(b));
      };
    default:
      return unsupported(`operator ${op}`);
  }
}

/** A value token (liquidjs `evalToken`): a literal, or a variable and its properties. Ranges are left to liquidjs. */
export function compileOperand(token: TokenShape, scope: Scope): Eval {
  if ("content" in token) {
    const c = token.content;
    return () => c;
  }
  if (token.kind !== TokenKind.PropertyAccess) return unsupported("value");
  const props = token.props ?? [];
  let evaluate: Eval;
  let rest: TokenShape[];
  if (token.variable) {
    // "text".size, 3.x: properties of a quoted string or a number.
    const v = token.variable;
    if (v.kind !== TokenKind.Quoted && v.kind !== TokenKind.Number) return unsupported("value");
    const c = v.content;
    evaluate = () => c;
    rest = props;
  } else {
    // The first name must be known when compiling (not `[some_variable]`).
    if (props.length === 0 || !("content" in props[0])) return unsupported("variable");
    const name = props[0].content;
    const key = String(name);
    const loop = [...scope.loops].reverse().find((l) => l.variable === key || key === "forloop");
    if (loop && key === "forloop") {
      const field = props[1];
      if (!field || !("content" in field)) return unsupported("forloop");
      evaluate = forloopField(field.content, loop.depth);
      rest = props.slice(2);
    } else if (loop) {
      const depth = loop.depth;
      evaluate = (state) => checked(state.items[depth]);
      rest = props.slice(1);
    } else {
      if (scope.inForHash && key === "continue") return unsupported("offset: continue");
      evaluate = root(name, scope.assigned.has(key));
      rest = props.slice(1);
    }
  }
  for (const prop of rest) evaluate = property(evaluate, prop, scope);
  return evaluate;
}

/** `object.prop` or `object[expr]` (liquidjs `Context.readProperty`, the key through `toValue`). */
function property(object: Eval, prop: TokenShape, scope: Scope): Eval {
  if ("content" in prop) {
    const read = readerFor(toValue(prop.content));
    return (state) => read(object(state));
  }
  const key = compileOperand(prop, scope);
  return (state) => {
    const obj = object(state);
    return readProperty(obj, toValue(key(state)));
  };
}

/** A top-level variable: assigned ones first, then the render's scope, then its globals (liquidjs `findScope`). */
function root(name: unknown, assigned: boolean): Eval {
  const read = readerFor(name);
  const key = name as PropertyKey;
  if (assigned) {
    return (state) => (key in state.vars ? checked(state.vars[key]) : key in state.env ? read(state.env) : read(state.globals));
  }
  return (state) => (key in state.env ? read(state.env) : read(state.globals));
}

/** forloop.index and friends (liquidjs `ForloopDrop`); its other fields are liquidjs's. */
function forloopField(field: unknown, d: number): Eval {
  switch (field) {
    case "index":
      return (s) => s.index[d] + 1;
    case "index0":
      return (s) => s.index[d];
    case "first":
      return (s) => s.index[d] === 0;
    case "last":
      return (s) => s.index[d] === s.length[d] - 1;
    case "rindex":
      return (s) => s.length[d] - s.index[d];
    case "rindex0":
      return (s) => s.length[d] - s.index[d] - 1;
    case "length":
      return (s) => s.length[d];
    default:
      return unsupported(`forloop.${String(field)}`);
  }
}
