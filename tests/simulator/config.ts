/** A mistake the person running the command can fix; the CLI prints the message without a stack. */
export class UsageError extends Error {}

export interface Settings {
  appUrl?: string;
  apiKey?: string;
  apiSecret?: string;
  simulatorUrl?: string;
  scopes?: string;
}

type Flags = Record<string, string | boolean | string[] | undefined>;

/** Flags win over the environment (SHOPIFY_APP_URL, SHOPIFY_API_KEY, SHOPIFY_API_SECRET, SHOPIFY_API_BASE_URL, SCOPES). */
export function settingsFrom(flags: Flags, env: NodeJS.ProcessEnv = process.env): Settings {
  const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
  return {
    appUrl: stripSlash(str(flags["app-url"]) ?? str(env.SHOPIFY_APP_URL)),
    apiKey: str(flags["api-key"]) ?? str(env.SHOPIFY_API_KEY),
    apiSecret: str(flags.secret) ?? str(env.SHOPIFY_API_SECRET),
    simulatorUrl: stripSlash(str(flags.simulator) ?? str(env.SHOPIFY_API_BASE_URL)),
    scopes: str(flags.scopes) ?? str(env.SCOPES),
  };
}

const HOW: Record<keyof Settings, string> = {
  appUrl: "set SHOPIFY_APP_URL (Herald's URL, e.g. http://127.0.0.1:3000) or pass --app-url",
  apiKey: "set SHOPIFY_API_KEY (the same value Herald runs with) or pass --api-key",
  apiSecret: "set SHOPIFY_API_SECRET (the same value Herald runs with) or pass --secret",
  simulatorUrl: "set SHOPIFY_API_BASE_URL (the simulator's URL, e.g. http://127.0.0.1:4100) or pass --simulator",
  scopes: "set SCOPES or pass --scopes",
};

/** The setting, or a UsageError that says how to provide it. */
export function need<K extends keyof Settings>(settings: Settings, key: K): string {
  const value = settings[key];
  if (!value) throw new UsageError(`Missing ${key}: ${HOW[key]}.`);
  if ((key === "appUrl" || key === "simulatorUrl") && !/^https?:\/\/[^/]+/.test(value)) {
    throw new UsageError(`${key} "${value}" is not an http(s) URL: ${HOW[key]}.`);
  }
  return value;
}

function stripSlash(url: string | undefined): string | undefined {
  return url?.replace(/\/+$/, "");
}
