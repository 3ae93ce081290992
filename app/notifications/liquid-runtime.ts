import { Drop, Liquid } from "liquidjs";

// The values and operators of compiled templates (liquid-compile.ts), written to do exactly what
// liquidjs 10.30 does at render time with Herald's options (ownPropertyOnly, jsTruthy off): each helper
// names the liquidjs function it mirrors. Where liquidjs would run code that belongs to the data (a
// function-valued property it calls, a Drop, toLiquid(), an iterator it resolves, a custom comparable)
// or reach a limit, the compiled render stops with `fallBack()` and liquidjs renders instead, so such
// cases keep liquidjs's own behaviour and error messages.

class NeedsLiquid extends Error {}
const NEEDS_LIQUID = new NeedsLiquid("this render needs liquidjs");

/** Stops a compiled render; the caller renders with liquidjs instead. */
export function fallBack(): never {
  throw NEEDS_LIQUID;
}

// liquidjs's `nil`/`null`, `empty` and `blank` literals are instances of classes it does not export.
const literals = new Liquid().parse("{{ nil }}{{ empty }}{{ blank }}") as unknown as { value: { initial: { postfix: { content: object }[] } } }[];
const [NullDrop, EmptyDrop, BlankDrop] = literals.map((t) => t.value.initial.postfix[0].content.constructor);

const hasOwn = Object.prototype.hasOwnProperty;
const objectToString = Object.prototype.toString;

type Bag = Record<PropertyKey, unknown>;

/** liquidjs `isArray`. */
export function isArray(value: unknown): value is unknown[] {
  return objectToString.call(value) === "[object Array]";
}

/** liquidjs `toValue`: a Drop stands for its valueOf(). */
export function toValue(value: unknown): unknown {
  return value instanceof Drop && typeof value.valueOf === "function" ? value.valueOf() : value;
}

/** liquidjs `stringify`: nil renders empty, arrays render their items run together. */
export function stringify(value: unknown): string {
  value = toValue(value);
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  if (isArray(value)) return value.map((x) => stringify(x)).join("");
  return String(value);
}

/** liquidjs `isFalsy` without jsTruthy: only false, nil and undefined are false ("" and 0 are true). */
export function isFalsy(value: unknown): boolean {
  value = toValue(value);
  return value === false || value === undefined || value === null;
}

/** A value liquidjs has just read or computed: it would call a function and resolve an iterator. */
export function checked(value: unknown): unknown {
  if (typeof value === "function") fallBack();
  if (typeof value === "object" && value !== null && typeof (value as Bag).next === "function") fallBack();
  return value;
}

/**
 * The receiver checks of liquidjs `Context.readProperty`: true when `obj` is nil or a Drop (read with
 * `dropProperty`). liquidjs would call a toLiquid() method first.
 */
function special(obj: unknown): boolean {
  if (obj === null || obj === undefined) return true;
  if (typeof (obj as Bag).toLiquid === "function") fallBack();
  return obj instanceof Drop;
}

/**
 * A property of nil (itself) or of a Drop: liquidjs calls the Drop's methods, else its
 * liquidMethodMissing(). Only `empty`/`blank`/`nil` stored in a variable are read here (their other
 * properties are undefined); anything else is liquidjs's to do.
 */
function dropProperty(obj: unknown, key: unknown): unknown {
  if (obj === null || obj === undefined) return obj;
  if (!(obj instanceof NullDrop || obj instanceof EmptyDrop) || (obj as Bag)[key as PropertyKey] !== undefined) fallBack();
  return undefined;
}

function element(arr: unknown[], index: number): unknown {
  if (index < 0) index = arr.length + index;
  return hasOwn.call(arr, index) ? arr[index] : undefined;
}

/** `obj.key` for a key other than size, first and last (and not a number on an array). */
export function readKey(obj: unknown, key: unknown): unknown {
  if (special(obj)) return dropProperty(obj, key);
  const k = key as PropertyKey;
  return hasOwn.call(obj, k) ? checked((obj as Bag)[k]) : undefined;
}

/** `obj[n]`: arrays count from the end for negative n. */
export function readIndex(obj: unknown, n: number): unknown {
  if (special(obj)) return dropProperty(obj, n);
  if (isArray(obj)) return checked(element(obj, n));
  return hasOwn.call(obj, n) ? checked((obj as Bag)[n]) : undefined;
}

/** Reads the own property first: liquidjs calls it when it is a function. */
function ownValue(obj: object, key: string): unknown {
  return hasOwn.call(obj, key) ? checked((obj as Bag)[key]) : undefined;
}

/** `obj.size`: the property, else the length of an array or string, else the number of keys. */
export function readSize(obj: unknown): unknown {
  if (special(obj)) return dropProperty(obj, "size");
  ownValue(obj as object, "size");
  const o = obj as Bag;
  if (hasOwn.call(o, "size") || o.size !== undefined) return checked(o.size);
  if (isArray(o) || typeof o === "string") return (o as unknown as unknown[]).length;
  if (typeof o === "object") return Object.keys(o).length;
  return undefined;
}

/** `obj.first` / `obj.last`: an array's first or last item, else the property. */
export function readEnd(obj: unknown, key: "first" | "last"): unknown {
  if (special(obj)) return dropProperty(obj, key);
  const value = ownValue(obj as object, key);
  return isArray(obj) ? checked(element(obj, key === "first" ? 0 : -1)) : value;
}

/** liquidjs `Context.readProperty` for a key known only at render time. */
export function readProperty(obj: unknown, key: unknown): unknown {
  if (typeof key === "number") return readIndex(obj, key);
  if (key === "size") return readSize(obj);
  if (key === "first" || key === "last") return readEnd(obj, key);
  return readKey(obj, key);
}

/** The reader for a property name known when compiling. */
export function readerFor(key: unknown): (obj: unknown) => unknown {
  if (typeof key === "number") return (obj) => readIndex(obj, key);
  if (key === "size") return readSize;
  if (key === "first" || key === "last") return (obj) => readEnd(obj, key);
  return (obj) => readKey(obj, key);
}

// --- operators (liquidjs defaultOperators) -------------------------------------------------------------

function isComparable(value: unknown): boolean {
  const v = value as Bag | null | undefined;
  return (
    !!v &&
    typeof v.equals === "function" &&
    typeof v.gt === "function" &&
    typeof v.geq === "function" &&
    typeof v.lt === "function" &&
    typeof v.leq === "function"
  );
}

function emptyEquals(value: unknown): boolean {
  if (value instanceof EmptyDrop) return false;
  value = toValue(value);
  if (typeof value === "string" || isArray(value)) return value.length === 0;
  if (value !== null && (typeof value === "object" || typeof value === "function")) return Object.keys(value).length === 0;
  return false;
}

/** NullDrop / EmptyDrop / BlankDrop `equals`; any other comparable is the data's own code. */
function literalEquals(drop: unknown, value: unknown): boolean {
  if (drop instanceof BlankDrop) {
    if (value === false) return true;
    const v = toValue(value);
    if (v === null || v === undefined) return true;
    if (typeof value === "string") return /^\s*$/.test(value);
    return emptyEquals(value);
  }
  if (drop instanceof EmptyDrop) return emptyEquals(value);
  if (drop instanceof NullDrop) {
    const v = toValue(value);
    return v === null || v === undefined;
  }
  return fallBack();
}

/** liquidjs `equals` (`==`, `!=`, case/when). */
export function equals(lhs: unknown, rhs: unknown): boolean {
  if (isComparable(lhs)) return literalEquals(lhs, rhs);
  if (isComparable(rhs)) return literalEquals(rhs, lhs);
  lhs = toValue(lhs);
  rhs = toValue(rhs);
  if (isArray(lhs)) {
    if (!isArray(rhs) || lhs.length !== rhs.length) return false;
    for (let i = 0; i < lhs.length; i++) if (!equals(lhs[i], rhs[i])) return false;
    return true;
  }
  return lhs === rhs;
}

/** `<`, `>`, `<=`, `>=`: nil, empty and blank compare false with anything; the rest is JavaScript's comparison. */
export function compare(op: string, lhs: unknown, rhs: unknown): boolean {
  const drop = isComparable(lhs) ? lhs : isComparable(rhs) ? rhs : undefined;
  if (drop !== undefined) return drop instanceof NullDrop || drop instanceof EmptyDrop ? false : fallBack();
  const l = toValue(lhs) as number;
  const r = toValue(rhs) as number;
  if (op === ">") return l > r;
  if (op === "<") return l < r;
  if (op === ">=") return l >= r;
  return l <= r;
}

/** `contains`: an array item equal to the value, or a substring. */
export function contains(lhs: unknown, rhs: unknown): boolean {
  const l = toValue(lhs);
  if (isArray(l)) {
    for (let i = 0; i < l.length; i++) if (equals(l[i], rhs)) return true;
    return false;
  }
  if (l !== null && l !== undefined && typeof (l as Bag).indexOf === "function") {
    if (typeof l !== "string") fallBack();
    return l.indexOf(toValue(rhs) as string) > -1;
  }
  return false;
}

/** liquidjs `toEnumerable`: what {% for %} iterates. */
export function toEnumerable(value: unknown): unknown[] {
  value = toValue(value);
  if (isArray(value)) return value;
  if (typeof value === "string") return value.length > 0 ? [value] : [];
  if (value !== null && (typeof value === "object" || typeof value === "function")) {
    if (Symbol.iterator in value) fallBack();
    const obj = value as Bag;
    return Object.keys(obj).map((key) => [key, obj[key]]);
  }
  return [];
}

// --- render state ---------------------------------------------------------------------------------------

/** liquidjs `Limiter` for memory: counts string and array sizes the filters allocate. */
export class MemoryLimit {
  private base = 0;
  constructor(private readonly limit: number) {}
  use(count: unknown): void {
    const n = +(count as number);
    if (n > 0) {
      if (this.base + n > this.limit) fallBack();
      this.base += n;
    }
  }
  check(count: unknown): void {
    const n = +(count as number);
    if (n > 0 && n > this.limit) fallBack();
  }
}

/** What liquidjs's built-in filters read from `this.context`. */
export interface FilterContext {
  memoryLimit: MemoryLimit;
  opts: Liquid["options"];
  globals: object;
  ownPropertyOnly: true;
  strictVariables: false;
  sync: true;
}

/** One compiled render: the output so far, assigned variables, loop frames, limits. */
export interface State {
  /** `this` for filter handlers, which read `this.context`. */
  context: FilterContext;
  env: object;
  globals: object;
  /** {% assign %} and {% capture %} variables (liquidjs's bottom scope). */
  vars: Bag;
  /** Per loop nesting depth: the current item, index and length. */
  items: unknown[];
  index: number[];
  length: number[];
  out: string;
  steps: number;
  deadline: number;
}

/** A larger output is liquidjs's to produce (and render.ts then refuses it). */
const OUTPUT_CAP = 1_000_000;

/** Called once per loop iteration: the render's time and output stay bounded. */
export function step(state: State): void {
  if ((++state.steps & 63) === 0 && (performance.now() > state.deadline || state.out.length > OUTPUT_CAP)) fallBack();
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;" };
const ESCAPED = /[&<>"']/;

/** liquidjs's `escape` filter (the HTML engine's output escape). */
export function escapeFilter(context: FilterContext, value: unknown): string {
  const str = stringify(value);
  context.memoryLimit.use(str.length);
  return ESCAPED.test(str) ? str.replace(/&|<|>|"|'/g, (m) => ESCAPES[m]) : str;
}
