import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "../config";

/** One CLI option: parseArgs' spec plus the text --help shows. */
export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  value?: string;
  help: string;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Paragraphs shown after the usage line. */
  details: string[];
  options: Record<string, OptionSpec>;
  examples: string[];
  run(flags: Flags, positionals: string[]): Promise<number>;
}

export type Flags = Record<string, string | boolean | string[] | undefined>;

/** Options every command that talks to Herald or the simulator shares. */
export const CONNECTION_OPTIONS: Record<string, OptionSpec> = {
  "app-url": { type: "string", value: "URL", help: "Herald's URL (default: $SHOPIFY_APP_URL)" },
  "api-key": { type: "string", value: "KEY", help: "the app's client id (default: $SHOPIFY_API_KEY)" },
  secret: { type: "string", value: "SECRET", help: "the app's client secret (default: $SHOPIFY_API_SECRET)" },
  simulator: { type: "string", value: "URL", help: "the simulator's URL (default: $SHOPIFY_API_BASE_URL)" },
};

export const HELP_OPTION: Record<string, OptionSpec> = {
  help: { type: "boolean", short: "h", help: "show this help" },
};

export function parseCommandArgs(command: Command, argv: string[]): { flags: Flags; positionals: string[] } {
  const options: ParseArgsConfig["options"] = {};
  for (const [name, spec] of Object.entries({ ...command.options, ...HELP_OPTION })) {
    options[name] = { type: spec.type, ...(spec.short && { short: spec.short }), ...(spec.multiple && { multiple: true }) };
  }
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { flags: values as Flags, positionals };
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\. To specify a positional argument.*$/, "")}\nSee: npm run simulate -- ${command.name} --help`);
  }
}

export function commandHelp(command: Command): string {
  const all = { ...command.options, ...HELP_OPTION };
  const rows = Object.entries(all).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : "    "}--${name}${spec.value ? ` <${spec.value}>` : ""}`;
    return [flag, spec.help + (spec.multiple ? " (repeatable)" : "")];
  });
  const width = Math.max(...rows.map(([f]) => f.length)) + 2;
  return [
    `Usage: npm run simulate -- ${command.usage}`,
    "",
    command.summary,
    ...command.details.flatMap((d) => ["", d]),
    "",
    "Options:",
    ...rows.map(([f, h]) => `  ${f.padEnd(width)}${h}`),
    ...(command.examples.length ? ["", "Examples:", ...command.examples.map((e) => `  ${e}`)] : []),
  ].join("\n");
}

export function str(flags: Flags, name: string): string | undefined {
  const v = flags[name];
  return typeof v === "string" && v !== "" ? v : undefined;
}

export function num(flags: Flags, name: string): number | undefined {
  const v = str(flags, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got "${v}"`);
  return n;
}

export function list(flags: Flags, name: string): string[] | undefined {
  const v = flags[name];
  const items = (Array.isArray(v) ? v : typeof v === "string" ? [v] : []).flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean);
  return items.length ? items : undefined;
}
