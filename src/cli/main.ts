import type { ParseArgsOptionsConfig } from 'node:util';
import { parseArgsOrUsage } from '../core/args.js';
import {
  ConfigurationError,
  type Diagnostic,
  formatDiagnostic,
  UsageError,
  ValidationError,
} from '../core/errors.js';
import { streamLogger } from '../core/logger.js';
import { Redactor, redactStrings } from '../core/redact.js';
import { didYouMean } from '../core/suggest.js';
import { VERSION } from '../core/version.js';
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
  redactor: Redactor;
}

export async function main(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const inv: Invocation = {
    json: argv.includes('--json'),
    debug: argv.includes('--debug'),
    dryRun: argv[0] === 'plan' || argv.includes('--dry-run'),
    redactor: new Redactor(),
  };
  try {
    return await dispatch(argv, io, inv);
  } catch (err) {
    const failure = describeFailure(err, inv.debug);
    const redact = (t: string) => inv.redactor.redact(t);
    io.stderr.write(redact(`${failure.lines.join('\n')}\n`));
    if (inv.json && !inv.ctx?.printed) {
      const result = {
        command: inv.command ?? argv[0] ?? '',
        ...(inv.dryRun ? { dry_run: true } : {}),
        regions: {},
        error: failure.error,
      };
      io.stdout.write(`${JSON.stringify(redactStrings(result, redact))}\n`);
    }
    return failure.exitCode;
  }
}

/** An error that ended a command, as stderr lines, an exit code and the `error` of a JSON result. */
function describeFailure(
  err: unknown,
  debug: boolean,
): {
  lines: string[];
  exitCode: number;
  error: { kind: string; message: string; diagnostics?: Diagnostic[] };
} {
  if (err instanceof UsageError) {
    return {
      lines: [`databricks-dr: ${err.message}`, err.hint ?? "Run 'databricks-dr --help' for usage."],
      exitCode: EXIT.usage,
      error: { kind: 'usage', message: err.message },
    };
  }
  if (err instanceof ValidationError) {
    const errors = err.diagnostics.filter((d) => d.severity === 'error');
    const n = errors.length;
    const summary = `validation failed: ${n} error${n === 1 ? '' : 's'}; nothing was written`;
    // Diagnostics the engine reported went to stderr already; others (e.g. failover loading the
    // config) are printed here.
    return {
      lines: [...(err.reported ? [] : errors.map(formatDiagnostic)), summary],
      exitCode: EXIT.failure,
      error: { kind: 'validation', message: summary, diagnostics: err.diagnostics },
    };
  }
  if (err instanceof ConfigurationError) {
    return {
      lines: [err.message],
      exitCode: EXIT.failure,
      error: { kind: 'configuration', message: err.message },
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  // A bug: the stack helps a maintainer, so it is shown with --debug only.
  const detail = debug && err instanceof Error && err.stack ? err.stack : message;
  return {
    lines: [`databricks-dr: unexpected error: ${detail}`],
    exitCode: EXIT.failure,
    error: { kind: 'unexpected', message },
  };
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
    inv.ctx = { io, values, positionals, logger, json, redactor: inv.redactor, printed: false };
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
