import type { ParseArgsOptionsConfig } from 'node:util';
import { parseArgsOrUsage } from '../core/args.js';
import { failureOutcome } from '../core/commands/failure.js';
import type { FailureResult } from '../core/commands/outputs.js';
import { formatDiagnostic, UsageError, ValidationError } from '../core/errors.js';
import { streamLogger } from '../core/logger.js';
import { processRedactor, redactStrings } from '../core/redact.js';
import { didYouMean } from '../core/suggest.js';
import { VERSION } from '../core/version.js';
import { ciSafeIO } from '../platform/select.js';
import { type CliIO, type Command, type CommandContext, EXIT } from './command.js';
import { commands } from './commands/index.js';

const GLOBAL_OPTIONS: ParseArgsOptionsConfig = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  debug: { type: 'boolean' },
};

function topLevelHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `databricks-dr ${VERSION} — keep a primary and a secondary Azure Databricks workspace in step for disaster recovery`,
    '',
    'Usage: databricks-dr <command> [flags]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global flags:',
    '  --config, -c FILE  the config file (default databricks-dr.yml)',
    '  --json             print one JSON result on stdout (logs go to stderr)',
    '  --help, -h         help for a command',
    '  --version          print the version',
    '',
    'Exit codes: 0 ok, 1 validation or deploy failure, 2 usage error, 3 drift found (--fail-on-drift).',
    "Run 'databricks-dr <command> --help' for a command's flags.",
    '',
  ].join('\n');
}

function commandHelp(command: Command): string {
  return `${command.summary}\n\nUsage: ${command.usage}\n`;
}

const defaultIO: CliIO = {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
};

/**
 * What main knows of the command being run, for the error path: with --json, stdout must carry
 * one result on every exit path, so an error before the command printed its result is printed as
 * a JSON result too.
 */
interface Invocation {
  command?: string;
  json: boolean;
  debug: boolean;
  dryRun: boolean;
  ctx?: CommandContext;
}

export async function main(argv: string[], rawIO: CliIO = defaultIO): Promise<number> {
  // In a CI log, names and server messages must never act as CI commands (platform/neutralise.ts).
  const io = ciSafeIO(rawIO);
  const inv: Invocation = {
    json: argv.includes('--json'),
    debug: argv.includes('--debug'),
    dryRun: argv[0] === 'plan' || argv.includes('--dry-run'),
  };
  try {
    return await dispatch(argv, io, inv);
  } catch (err) {
    const { result, exitCode } = failureOutcome(inv.command ?? argv[0] ?? '', err, { dryRun: inv.dryRun });
    const redact = (t: string) => processRedactor.redact(t);
    io.stderr.write(redact(`${failureLines(err, result, inv.debug).join('\n')}\n`));
    if (inv.json && !inv.ctx?.printed) io.stdout.write(`${JSON.stringify(redactStrings(result, redact))}\n`);
    return exitCode;
  }
}

/** What stderr says about an error that ended a command. */
function failureLines(err: unknown, result: FailureResult, debug: boolean): string[] {
  const { kind, message } = result.error;
  if (err instanceof UsageError)
    return [`databricks-dr: ${message}`, err.hint ?? "Run 'databricks-dr --help' for usage."];
  if (err instanceof ValidationError) {
    // Diagnostics the engine reported went to stderr already; others (e.g. failover loading the
    // config) are printed here.
    const unreported = err.reported ? [] : err.diagnostics.filter((d) => d.severity === 'error');
    return [...unreported.map(formatDiagnostic), message];
  }
  if (kind === 'configuration') return [message];
  // A bug: the stack helps a maintainer, so it is shown with --debug only.
  const detail = debug && err instanceof Error && err.stack ? err.stack : message;
  return [`databricks-dr: unexpected error: ${detail}`];
}

async function dispatch(argv: string[], io: CliIO, inv: Invocation): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    io.stdout.write(topic ? commandHelp(topic) : topLevelHelp());
    return EXIT.ok;
  }
  if (first === '--version' || first === '-V' || first === 'version') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = commands.find((c) => c.name === first);
  if (!command) {
    if (first.startsWith('-'))
      throw new UsageError(
        `expected a command before the flag ${first}`,
        "Run 'databricks-dr --help' for the commands.",
      );
    throw new UsageError(
      `unknown command "${first}"${didYouMean(
        first,
        commands.map((c) => c.name),
      )}`,
      `Commands: ${commands.map((c) => c.name).join(', ')}. Run 'databricks-dr --help'.`,
    );
  }
  inv.command = command.name;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(commandHelp(command));
    return EXIT.ok;
  }
  const logger = streamLogger(io.stderr, { debug: inv.debug });
  const context = (values: CommandContext['values'], positionals: string[], json: boolean) => {
    inv.ctx = { io, values, positionals, logger, json, printed: false };
    inv.json = json;
    return inv.ctx;
  };
  if (command.rawArgs) return command.run(context({}, [], rest.includes('--json')), rest);
  const options = { ...GLOBAL_OPTIONS, ...command.options };
  const parsed = parseArgsOrUsage(rest, options, {
    command: command.name,
    hint: `Usage: ${command.usage}`,
    allowPositionals: command.allowPositionals,
  });
  inv.dryRun = command.name === 'plan' || parsed.values['dry-run'] === true;
  return command.run(context(parsed.values, parsed.positionals, parsed.values.json === true), rest);
}
