/**
 * Herald store simulator: speaks to Herald the way Shopify does.
 *   npm run simulate -- <serve|install|send|scenario> [options]   (--help on any command)
 */
import { UsageError } from "./config";
import { commandHelp, parseCommandArgs, type Command } from "./commands/common";
import { installCommand } from "./commands/install";
import { scenarioCommand } from "./commands/scenario";
import { sendCommand } from "./commands/send";
import { serveCommand } from "./commands/serve";
import { InstallError } from "./install";
import { PlayError } from "./scenario/player";
import { FixtureError } from "./webhooks/fixtures";
import { AppTomlError } from "./webhooks/subscriptions";

const COMMANDS: Command[] = [serveCommand, installCommand, sendCommand, scenarioCommand];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    "Usage: npm run simulate -- <command> [options]",
    "",
    "A local Shopify for Herald: signed webhooks, OAuth token exchange, Admin GraphQL, an admin frame.",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    "",
    "Environment (flags override): SHOPIFY_APP_URL (Herald), SHOPIFY_API_KEY, SHOPIFY_API_SECRET,",
    "SHOPIFY_API_BASE_URL (the simulator), SCOPES.",
    "",
    "Typical session:",
    "  npm run simulate -- serve --port 4100                       # shell 1",
    "  # start Herald with SHOPIFY_API_BASE_URL=http://127.0.0.1:4100 # shell 2",
    "  npm run simulate -- install --shop herald-demo.myshopify.com # shell 3",
    "  npm run simulate -- scenario shipping",
    "",
    "Run `npm run simulate -- <command> --help` for a command's options.",
  ].join("\n");
}

/** Exit code of the CLI for argv (without node and script). */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    const target = name === "help" ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    console.log(target ? commandHelp(target) : mainHelp());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    console.error(`Unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(", ")}. See: npm run simulate -- --help`);
    return 2;
  }
  try {
    const { flags, positionals } = parseCommandArgs(command, rest);
    if (flags.help) {
      console.log(commandHelp(command));
      return 0;
    }
    return await command.run(flags, positionals);
  } catch (error) {
    if (error instanceof UsageError || error instanceof InstallError || error instanceof PlayError || error instanceof FixtureError || error instanceof AppTomlError) {
      console.error(`simulate ${name}: ${error.message}`);
      return error instanceof UsageError ? 2 : 1;
    }
    throw error;
  }
}

// Run when executed (tsx tests/simulator/cli.ts), not when imported by tests.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
