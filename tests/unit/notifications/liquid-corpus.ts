// A seeded generator of Liquid templates from the subset liquid-compile.ts compiles, and of scopes to
// render them with: nested if/unless/case/for/assign/capture, outputs with filter chains, comparisons
// between variables of every type and nil/empty/blank, whitespace control. Used to check the compiled
// renderer against liquidjs byte for byte.

/** mulberry32: a small seeded PRNG, so a failing case can be reproduced from its seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRINGS = ["", " ", "abc", "Abc Def", "10", "9", "2.5", "-3", "<b>\"Tom\" & 'Jerry'</b>", "Ωμέγα ñ 日本語 🎉", "a,b,,c", "  padded  ", "x\ny", "%41+b", "failure", "2025-06-12", "true", "nil", "100%", "O'Brien", 'say "hi"', "a > b"];
const NUMBERS = [0, 1, -1, 2.5, 10, 9, 3, -0.5, 1e21];
const ROOTS = ["a", "b", "s", "n", "items", "obj", "user", "e", "z", "flag", "missing", "size", "first", "locale", "constructor", "day"];
const PROPS = [".name", ".constructor", ".__proto__", ".toString", ".title", ".size", ".first", ".last", ".length", ".0", "[0]", "[-1]", "[1]", '["title"]', ".price", ".tags", ".nested", ".nested.name", "[k]"];
const OPERATORS = ["==", "!=", "<", ">", "<=", ">=", "contains"];
const TEXT = ["Hi ", "\n", "  ", "<p>", "</p>", "&", " · ", "é", ", ", "\n\n", "\t", "x"];
const DATE_FORMATS = ['"%Y-%m-%d"', '"%b %d, %Y"', '"%A %-d %B"', '"%H:%M %p"', '"%s"', '"%j %U"'];

type Filter = (g: Gen) => string;
const FILTERS: Record<string, Filter> = {
  append: (g) => `: ${g.operand()}`,
  prepend: (g) => `: ${g.quoted()}`,
  default: (g) => `: ${g.operand()}${g.chance(0.3) ? `, allow_false: ${g.pick(["true", "false"])}` : ""}`,
  replace: (g) => `: ${g.quoted()}, ${g.quoted()}`,
  replace_first: (g) => `: ${g.quoted()}, ${g.quoted()}`,
  replace_last: (g) => `: ${g.quoted()}, ${g.quoted()}`,
  remove: (g) => `: ${g.quoted()}`,
  remove_first: (g) => `: ${g.quoted()}`,
  remove_last: (g) => `: ${g.quoted()}`,
  truncate: (g) => `: ${g.pick(["0", "3", "5", "-1", "20"])}${g.chance(0.4) ? `, ${g.quoted()}` : ""}`,
  truncatewords: (g) => `: ${g.pick(["0", "1", "2", "5"])}${g.chance(0.4) ? `, ${g.quoted()}` : ""}`,
  split: (g) => `: ${g.pick(['","', '" "', '""', '"b"'])}`,
  join: (g) => (g.chance(0.5) ? `: ${g.pick(['", "', '"-"', "nil"])}` : ""),
  plus: (g) => `: ${g.pick(["1", "2.5", '"3"', "n", "-1"])}`,
  minus: (g) => `: ${g.pick(["1", "0.5", '"3"', "n"])}`,
  times: (g) => `: ${g.pick(["2", "0.1", '"3"', "n"])}`,
  divided_by: (g) => `: ${g.pick(["2", "3", "0", '"4"', "n"])}`,
  modulo: (g) => `: ${g.pick(["2", "3", "0", "n"])}`,
  round: (g) => (g.chance(0.5) ? `: ${g.pick(["0", "1", "2", "-1"])}` : ""),
  at_least: (g) => `: ${g.pick(["0", "5", "n"])}`,
  at_most: (g) => `: ${g.pick(["0", "5", "n"])}`,
  slice: (g) => `: ${g.pick(["0", "1", "-2", "5"])}${g.chance(0.5) ? `, ${g.pick(["1", "2", "10"])}` : ""}`,
  date: (g) => `: ${g.pick(DATE_FORMATS)}`,
  local_date: (g) => (g.chance(0.5) ? `: ${g.pick(['"short"', '"long"', "s"])}` : ""),
  money: (g) => `: ${g.pick(['"EUR"', '"JPY"', '"INR"', '"usd"', '"12"', '""', "s", "nil"])}`,
  concat: (g) => `: ${g.pick(["items", "a", "obj.tags"])}`,
  push: (g) => `: ${g.operand()}`,
  unshift: (g) => `: ${g.operand()}`,
  lstrip: () => "",
  rstrip: () => "",
  strip: () => "",
  upcase: () => "",
  downcase: () => "",
  capitalize: () => "",
  escape: () => "",
  escape_once: () => "",
  xml_escape: () => "",
  date_to_xmlschema: () => "",
  date_to_rfc822: () => "",
  date_to_string: (g) => (g.chance(0.5) ? `: "ordinal"${g.chance(0.5) ? ', "US"' : ""}` : ""),
  date_to_long_string: (g) => (g.chance(0.5) ? `: "ordinal"${g.chance(0.5) ? ', "US"' : ""}` : ""),
  jsonify: () => "",
  newline_to_br: () => "",
  strip_html: () => "",
  strip_newlines: () => "",
  squish: () => "",
  normalize_whitespace: () => "",
  number_of_words: () => "",
  array_to_sentence_string: () => "",
  url_encode: () => "",
  url_decode: () => "",
  cgi_escape: () => "",
  uri_escape: () => "",
  slugify: () => "",
  abs: () => "",
  ceil: () => "",
  floor: () => "",
  size: () => "",
  first: () => "",
  last: () => "",
  reverse: () => "",
  compact: () => "",
  pop: () => "",
  shift: () => "",
  uniq: () => "",
  json: () => "",
  to_integer: () => "",
  raw: () => "",
};

export class Gen {
  private loops: string[] = [];
  private assigned = new Set<string>();
  private depth = 0;
  private readonly rand: () => number;

  constructor(seed: number) {
    this.rand = random(seed);
  }

  chance(p: number): boolean {
    return this.rand() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)];
  }

  int(max: number): number {
    return Math.floor(this.rand() * max);
  }

  quoted(): string {
    const s = this.pick(STRINGS).replace(/\n/g, "\\n");
    return this.chance(0.5) ? `"${s.replace(/"/g, "'")}"` : `'${s.replace(/'/g, '"')}'`;
  }

  literal(): string {
    const r = this.rand();
    if (r < 0.4) return this.quoted();
    if (r < 0.7) return String(this.pick(NUMBERS.slice(0, 8)));
    return this.pick(["true", "false", "nil", "null", "empty", "blank"]);
  }

  path(): string {
    // Outside loops `forloop` is an ordinary (missing) variable.
    const roots = [...ROOTS, ...this.loops, ...this.loops, ...this.assigned, ...(this.loops.length ? [] : ["forloop"])];
    if (this.loops.length && this.chance(0.15)) return `forloop.${this.pick(["index", "index0", "first", "last", "rindex", "rindex0", "length"])}`;
    let p = this.pick(roots);
    if (this.chance(0.05)) p = `["${p}"]`;
    const n = this.pick([0, 0, 1, 1, 1, 2, 3]);
    for (let i = 0; i < n; i++) p += this.pick(PROPS);
    return p;
  }

  operand(): string {
    return this.chance(0.65) ? this.path() : this.literal();
  }

  comparison(): string {
    if (this.chance(0.4)) return this.operand();
    return `${this.operand()} ${this.pick(OPERATORS)} ${this.operand()}`;
  }

  condition(): string {
    let c = (this.chance(0.1) ? "not " : "") + this.comparison();
    while (this.chance(0.3)) c += ` ${this.pick(["and", "or"])} ${this.comparison()}`;
    return c;
  }

  filters(): string {
    let out = "";
    const n = this.pick([0, 0, 1, 1, 2, 3]);
    for (let i = 0; i < n; i++) {
      const name = this.pick(Object.keys(FILTERS));
      // Now and then without its arguments: liquidjs fails on some (append needs one), the compiled render must too.
      out += ` | ${name}${this.chance(0.03) ? "" : FILTERS[name](this)}`;
    }
    return out;
  }

  private open(name: string): string {
    return `{%${this.chance(0.15) ? "-" : ""} ${name}${this.chance(0.15) ? " -" : " "}%}`;
  }

  output(): string {
    const value = this.chance(0.1) ? this.comparison() : this.operand();
    return `{{${this.chance(0.1) ? "-" : ""} ${value}${this.filters()} ${this.chance(0.1) ? "-" : ""}}}`;
  }

  template(): string {
    this.depth++;
    let out = "";
    const n = 1 + this.int(this.depth > 2 ? 2 : 5);
    for (let i = 0; i < n; i++) out += this.node();
    this.depth--;
    return out;
  }

  private node(): string {
    const r = this.rand();
    const deep = this.depth > 3;
    if (r < 0.2) return this.pick(TEXT);
    if (r < 0.45 || deep) return this.output();
    if (r < 0.57) {
      let s = this.open(`if ${this.condition()}`) + this.template();
      while (this.chance(0.3)) s += this.open(`elsif ${this.condition()}`) + this.template();
      if (this.chance(0.5)) s += this.open("else") + this.template();
      return s + this.open("endif");
    }
    if (r < 0.62) {
      let s = this.open(`unless ${this.condition()}`) + this.template();
      if (this.chance(0.2)) s += this.open(`elsif ${this.condition()}`) + this.template();
      if (this.chance(0.4)) s += this.open("else") + this.template();
      return s + this.open("endunless");
    }
    if (r < 0.7) {
      let s = this.open(`case ${this.operand()}${this.chance(0.1) ? " | size" : ""}`);
      const n = 1 + this.int(3);
      for (let i = 0; i < n; i++) {
        let values = this.literal();
        while (this.chance(0.3)) values += `${this.pick([", ", " or "])}${this.chance(0.7) ? this.literal() : this.path()}`;
        s += this.open(`when ${values}`) + this.template();
      }
      if (this.chance(0.5)) s += this.open("else") + this.template();
      return s + this.open("endcase");
    }
    if (r < 0.8) {
      const variable = this.pick(["item", "x", "t", "a", "k"]);
      let head = `for ${variable} in ${this.pick(["items", "items", "obj", "obj.tags", "s", "a", "n", "z", "e", "user", '"str"', ...this.loops])}`;
      if (this.chance(0.2)) head += ` limit: ${this.pick(["1", "2", "n", '"1"'])}`;
      if (this.chance(0.2)) head += ` offset: ${this.pick(["1", "0", "5", "n"])}`;
      if (this.chance(0.15)) head += " reversed";
      this.loops.push(variable);
      let s = this.open(head) + this.template();
      this.loops.pop();
      if (this.chance(0.3)) s += this.open("else") + this.template();
      return s + this.open("endfor");
    }
    if (r < 0.86) {
      const name = this.pick(["x", "y", "a", "greeting"]);
      const s = this.open(`assign ${name} = ${this.chance(0.15) ? this.comparison() : this.operand()}${this.filters()}`);
      this.assigned.add(name);
      return s;
    }
    if (r < 0.9) {
      const name = this.pick(["y", "cap", "s"]);
      const s = this.open(`capture ${name}`) + this.template() + this.open("endcapture");
      this.assigned.add(name);
      return s;
    }
    if (r < 0.94) return this.open(`echo ${this.operand()}${this.filters()}`);
    if (r < 0.96) return `{% raw %}{{ ${this.path()} }}{% if %}{% endraw %}`;
    if (r < 0.98) return this.chance(0.5) ? `{% comment %}${this.output()}{% endcomment %}` : `{% # a note %}`;
    return `{% liquid\n  assign y = ${this.operand()}${this.filters()}\n  echo y\n%}`;
  }

  /** A scope with values of every kind under the names templates use. */
  scope(): Record<string, unknown> {
    const value = (depth: number): unknown => {
      const r = this.rand();
      if (r < 0.3) return this.pick(STRINGS);
      if (r < 0.45) return this.pick(NUMBERS);
      if (r < 0.55) return this.chance(0.5);
      if (r < 0.62) return null;
      if (r < 0.66) return undefined;
      if (depth > 1) return this.pick(STRINGS);
      if (r < 0.82) return Array.from({ length: this.int(4) }, () => value(depth + 1));
      return record(depth + 1);
    };
    const record = (depth: number): Record<string, unknown> => {
      const obj: Record<string, unknown> = {};
      for (const key of ["name", "title", "price", "tags", "nested", "size", "first", "0"]) {
        if (this.chance(0.5)) obj[key] = key === "tags" ? Array.from({ length: this.int(3) }, () => this.pick(STRINGS)) : value(depth);
      }
      return obj;
    };
    const scope: Record<string, unknown> = {};
    for (const key of ["a", "b", "s", "n", "obj", "user", "e", "z", "flag", "k", "day"]) {
      if (this.chance(0.85)) scope[key] = value(0);
    }
    if (this.chance(0.5)) scope.s = this.pick(STRINGS);
    if (this.chance(0.5)) scope.n = this.pick(NUMBERS);
    if (this.chance(0.4)) scope.k = this.pick(["name", "title", "0", "size"]);
    if (this.chance(0.4)) scope.day = this.pick(["2025-06-12", "2025-01-01T10:00:00Z", "June 3 2024", "nope", 1718000000, new Date(Date.UTC(2025, 5, 12, 9))]);
    scope.items = Array.from({ length: this.int(5) }, () => (this.chance(0.8) ? record(1) : value(1)));
    if (this.chance(0.7)) scope.obj = record(0);
    if (this.chance(0.3)) scope.e = this.pick(["", [], {}, " "]);
    return scope;
  }
}
