import type { ParseArgsOptionsConfig } from 'node:util';
import { parseArgsOrUsage } from '../core/args.js';
import { ConfigurationError, UsageError, ValidationError } from '../core/errors.js';
import { streamLogger } from '../core/logger.js';
import { didYouMean } from '../core/suggest.js';
import { VERSION } from '../core/version.js';
import { ciSafeIO } from '../platform/select.js';
import { type CliIO, type Command, EXIT } from './command.js';
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

export async function main(argv: string[], rawIO: CliIO = defaultIO): Promise<number> {
  // In a CI log, names and server messages must never act as CI commands (platform/neutralise.ts).
  const io = ciSafeIO(rawIO);
  try {
    return await dispatch(argv, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`databricks-dr: ${err.message}\n`);
      io.stderr.write(`${err.hint ?? "Run 'databricks-dr --help' for usage."}\n`);
      return EXIT.usage;
    }
    if (err instanceof ValidationError && err.reported) {
      const n = err.diagnostics.length;
      io.stderr.write(`validation failed: ${n} error${n === 1 ? '' : 's'}; nothing was written\n`);
      return EXIT.failure;
    }
    if (err instanceof ConfigurationError) {
      io.stderr.write(`${err.message}\n`);
      return EXIT.failure;
    }
    io.stderr.write(
      `databricks-dr: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    return EXIT.failure;
  }
}

async function dispatch(argv: string[], io: CliIO): Promise<number> {
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
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(commandHelp(command));
    return EXIT.ok;
  }
  const debug = rest.includes('--debug');
  const logger = streamLogger(io.stderr, { debug });
  if (command.rawArgs) {
    return command.run({ io, values: {}, positionals: [], logger, json: rest.includes('--json') }, rest);
  }
  const options = { ...GLOBAL_OPTIONS, ...command.options };
  const parsed = parseArgsOrUsage(rest, options, {
    command: command.name,
    hint: `Usage: ${command.usage}`,
    allowPositionals: command.allowPositionals,
  });
  return command.run(
    { io, values: parsed.values, positionals: parsed.positionals, logger, json: parsed.values.json === true },
    rest,
  );
}
