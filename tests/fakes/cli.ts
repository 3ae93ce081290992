// Run the provider fakes and the inbox page by hand:
//   tsx tests/fakes/cli.ts [--resend-port 4020] [--twilio-port 4030] [--inbox-port 4040] [--host 127.0.0.1] [--samples]
// --samples sends a few realistic messages (English/Spanish email, Malayalam/Arabic SMS, WhatsApp) so the
// inbox page has something to show without running Herald.
// Prints the URLs and the environment that points Herald at them; Ctrl-C stops everything.

import { pathToFileURL } from "node:url";
import { startProviderFakes, type ProviderFakes, type ProviderFakesOptions } from "./index";
import { seedSampleMessages } from "./samples";

export { startProviderFakes, type ProviderFakes, type ProviderFakesOptions } from "./index";

const USAGE = "usage: tsx tests/fakes/cli.ts [--resend-port 4020] [--twilio-port 4030] [--inbox-port 4040] [--host 127.0.0.1] [--samples]";

type CliOptions = ProviderFakesOptions & { help?: boolean; samples?: boolean };

/** Parse the CLI flags (both `--flag value` and `--flag=value`). */
export function parseArgs(argv: string[]): CliOptions {
  const out: CliOptions = { resendPort: 4020, twilioPort: 4030, inboxPort: 4040 };
  const ports = { "--resend-port": "resendPort", "--twilio-port": "twilioPort", "--inbox-port": "inboxPort" } as const;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split("=", 2);
    if (flag === "--help" || flag === "-h") {
      out.help = true;
      continue;
    }
    if (flag === "--samples") {
      out.samples = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (flag in ports) {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${flag} needs a port number (0-65535), got ${value ?? "nothing"}\n${USAGE}`);
      out[ports[flag as keyof typeof ports]] = n;
    } else if (flag === "--host") {
      if (!value) throw new Error(`--host needs a value\n${USAGE}`);
      out.host = value;
    } else {
      throw new Error(`unknown option ${argv[i - (inline === undefined ? 1 : 0)]}\n${USAGE}`);
    }
  }
  return out;
}

async function main(): Promise<void> {
  let opts: CliOptions;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  if (opts.help) {
    console.log(USAGE);
    return;
  }
  let fakes: ProviderFakes;
  try {
    fakes = await startProviderFakes(opts);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    console.error(code === "EADDRINUSE" ? `A port is already in use (${(e as Error).message}). Pick others with --resend-port/--twilio-port/--inbox-port, or 0 for any.` : String(e));
    process.exit(1);
  }
  if (opts.samples) await seedSampleMessages(fakes);
  console.log(`Fake Resend  ${fakes.resend.url}`);
  console.log(`Fake Twilio  ${fakes.twilio.url}`);
  console.log(`Inbox        ${fakes.inbox?.url}/`);
  console.log("\nPoint Herald at them with:");
  for (const [k, v] of Object.entries(fakes.env)) console.log(`  ${k}=${v}`);
  console.log("\nCtrl-C to stop.");

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the fakes…`);
    fakes.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

// Run only when executed (tsx tests/fakes/cli.ts), not when imported by the demo.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main();
}
