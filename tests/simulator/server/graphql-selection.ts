/**
 * Just enough GraphQL parsing to answer like a server does: find the operation's name and its
 * selection set, then return only the fields the query asked for (under their aliases). A field the
 * simulator does not know becomes a GraphQL error instead of silently missing data, so Herald cannot
 * come to depend on a field it never queried or that real Shopify does not have.
 * Not a validator: types, directives and argument semantics are ignored.
 */

export interface Field {
  name: string;
  /** Response key: the alias, or the name. */
  key: string;
  args: Record<string, string>;
  selections: Field[] | null;
}

export interface ParsedOperation {
  type: "query" | "mutation" | "subscription";
  name: string | null;
  selections: Field[];
}

const PUNCTUATION = new Set(["{", "}", "(", ")", ":", "[", "]", "!", "=", "@", "$"]);

function tokenize(source: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === "#") {
      while (i < source.length && source[i] !== "\n") i++;
    } else if (/[\s,]/.test(c)) {
      i++;
    } else if (c === '"') {
      let j = i + 1;
      if (source.startsWith('"""', i)) {
        j = source.indexOf('"""', i + 3);
        j = j < 0 ? source.length : j + 3;
      } else {
        while (j < source.length && source[j] !== '"') j += source[j] === "\\" ? 2 : 1;
        j++;
      }
      tokens.push(source.slice(i, j));
      i = j;
    } else if (source.startsWith("...", i)) {
      tokens.push("...");
      i += 3;
    } else if (PUNCTUATION.has(c)) {
      tokens.push(c);
      i++;
    } else {
      let j = i;
      while (j < source.length && /[A-Za-z0-9_.+-]/.test(source[j])) j++;
      if (j === i) j++;
      tokens.push(source.slice(i, j));
      i = j;
    }
  }
  return tokens;
}

export class GraphqlSyntaxError extends Error {}

/** The operation to run (the named one, or the only one) with fragments inlined. */
export function parseOperation(query: string, operationName?: string | null): ParsedOperation {
  const tokens = tokenize(query);
  let pos = 0;
  const peek = () => tokens[pos];
  const take = () => tokens[pos++];
  const expect = (t: string) => {
    if (tokens[pos] !== t) throw new GraphqlSyntaxError(`Expected "${t}" but found "${tokens[pos] ?? "end of document"}"`);
    pos++;
  };
  const skipBalanced = (open: string, close: string) => {
    let depth = 0;
    do {
      const t = take();
      if (t === undefined) throw new GraphqlSyntaxError(`Unbalanced "${open}"`);
      if (t === open) depth++;
      if (t === close) depth--;
    } while (depth > 0);
  };
  const parseArgs = (): Record<string, string> => {
    const args: Record<string, string> = {};
    expect("(");
    while (peek() !== ")") {
      const name = take();
      expect(":");
      if (peek() === "$") {
        take();
        args[name] = `$${take()}`;
      } else if (peek() === "{" || peek() === "[") {
        const start = pos;
        skipBalanced(peek(), peek() === "{" ? "}" : "]");
        args[name] = tokens.slice(start, pos).join(" ");
      } else {
        args[name] = take();
      }
    }
    expect(")");
    return args;
  };
  const skipDirectives = () => {
    while (peek() === "@") {
      take();
      take();
      if (peek() === "(") skipBalanced("(", ")");
    }
  };
  // Selections keep fragment spreads as markers, resolved once every fragment is known.
  type Raw = Field | { spread: string } | { inline: Raw[] };
  const parseSelectionSet = (): Raw[] => {
    expect("{");
    const out: Raw[] = [];
    while (peek() !== "}") {
      if (peek() === undefined) throw new GraphqlSyntaxError("Unterminated selection set");
      if (peek() === "...") {
        take();
        if (peek() === "on") {
          take();
          take();
          skipDirectives();
          out.push({ inline: parseSelectionSet() });
        } else if (peek() === "{" || peek() === "@") {
          skipDirectives();
          out.push({ inline: parseSelectionSet() });
        } else {
          out.push({ spread: take() });
          skipDirectives();
        }
        continue;
      }
      const key = take();
      let name = key;
      if (peek() === ":") {
        take();
        name = take();
      }
      const args = peek() === "(" ? parseArgs() : {};
      skipDirectives();
      const selections = peek() === "{" ? (parseSelectionSet() as Field[]) : null;
      out.push({ name, key, args, selections });
    }
    expect("}");
    return out;
  };

  const operations: Array<{ type: ParsedOperation["type"]; name: string | null; raw: Raw[] }> = [];
  const fragments = new Map<string, Raw[]>();
  while (pos < tokens.length) {
    const t = peek();
    if (t === "{") {
      operations.push({ type: "query", name: null, raw: parseSelectionSet() });
    } else if (t === "query" || t === "mutation" || t === "subscription") {
      take();
      const name = peek() !== "{" && peek() !== "(" && peek() !== "@" ? take() : null;
      if (peek() === "(") skipBalanced("(", ")");
      skipDirectives();
      operations.push({ type: t, name, raw: parseSelectionSet() });
    } else if (t === "fragment") {
      take();
      const name = take();
      expect("on");
      take();
      skipDirectives();
      fragments.set(name, parseSelectionSet());
    } else {
      throw new GraphqlSyntaxError(`Unexpected "${t}"`);
    }
  }
  const chosen = operationName ? operations.find((o) => o.name === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!chosen) {
    throw new GraphqlSyntaxError(operationName ? `No operation named "${operationName}"` : "Document must contain exactly one operation, or name one with operationName");
  }
  const resolve = (raw: Raw[], seen: Set<string>): Field[] =>
    raw.flatMap((r): Field[] => {
      if ("spread" in r) {
        const fragment = fragments.get(r.spread);
        if (!fragment) throw new GraphqlSyntaxError(`Unknown fragment "${r.spread}"`);
        if (seen.has(r.spread)) throw new GraphqlSyntaxError(`Fragment "${r.spread}" spreads itself`);
        return resolve(fragment, new Set([...seen, r.spread]));
      }
      if ("inline" in r) return resolve(r.inline, seen);
      return [{ ...r, selections: r.selections ? resolve(r.selections as Raw[], seen) : null }];
    });
  return { type: chosen.type, name: chosen.name, selections: resolve(chosen.raw, new Set()) };
}

/** A GraphQL error as Shopify returns it. */
export interface GraphqlError {
  message: string;
  path?: Array<string | number>;
  extensions?: Record<string, unknown>;
}

/**
 * A field whose answer depends on its arguments (a connection's `first`/`after`): the resolver puts
 * this in place of the value, and it is called with the field's arguments, variables substituted.
 */
export class WithArgs {
  constructor(readonly resolve: (args: Record<string, unknown>) => unknown) {}
}

/** A field's arguments as values: `$name` from the variables, numbers, strings, null and booleans. */
export function argumentValues(args: Record<string, string>, variables: Record<string, unknown>): Record<string, unknown> {
  const literal = (raw: string): unknown => {
    if (raw.startsWith("$")) return variables[raw.slice(1)] ?? null;
    if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
    if (raw.startsWith('"')) return JSON.parse(raw) as unknown;
    if (raw === "null") return null;
    if (raw === "true" || raw === "false") return raw === "true";
    return raw;
  };
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, literal(v)]));
}

/**
 * Shape `value` like the selection set asks: only selected keys, under their aliases, recursing
 * into objects and lists. Selected fields missing from `value` are reported in `errors`.
 */
export function project(value: unknown, selections: Field[], path: Array<string | number>, errors: GraphqlError[], variables: Record<string, unknown> = {}): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v, i) => project(v, selections, [...path, i], errors, variables));
  if (typeof value !== "object") return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of selections) {
    if (field.name === "__typename") {
      out[field.key] = source.__typename ?? null;
      continue;
    }
    if (!(field.name in source)) {
      errors.push({
        message: `Field '${field.name}' is not simulated (or does not exist) at ${[...path, field.name].join(".")}`,
        path: [...path, field.key],
        extensions: { code: "SIMULATOR_UNKNOWN_FIELD" },
      });
      continue;
    }
    const raw = source[field.name];
    const child = raw instanceof WithArgs ? raw.resolve(argumentValues(field.args, variables)) : raw;
    out[field.key] = field.selections ? project(child, field.selections, [...path, field.key], errors, variables) : child;
  }
  return out;
}
