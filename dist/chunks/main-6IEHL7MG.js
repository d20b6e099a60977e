import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/cli/main.ts
import { parseArgs } from "node:util";

// src/core/errors.ts
var ConfigurationError = class extends Error {
  name = "ConfigurationError";
};
var UsageError = class extends Error {
  constructor(message, hint) {
    super(message);
    this.hint = hint;
  }
  hint;
  name = "UsageError";
};

// src/core/logger.ts
function streamLogger(stream, options = {}) {
  const write = (prefix, message) => stream.write(`${prefix}${message}
`);
  return {
    debug: (m) => {
      if (options.debug) write("debug: ", m);
    },
    info: (m) => write("", m),
    warning: (m) => write("warning: ", m),
    error: (m) => write("error: ", m)
  };
}

// src/core/suggest.ts
function editDistance(a, b) {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}
function closest(word, candidates) {
  let best;
  let bestDistance = Number.POSITIVE_INFINITY;
  const lower = word.toLowerCase();
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== void 0 && bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : void 0;
}
function didYouMean(word, candidates) {
  const c = closest(word, candidates);
  return c ? ` \u2014 did you mean "${c}"?` : "";
}

// src/core/version.ts
var VERSION = true ? "0.1.0" : "0.0.0-dev";
var USER_AGENT = `databricks-dr-actions/${VERSION}`;

// src/cli/command.ts
var EXIT = { ok: 0, failure: 1, usage: 2, drift: 3 };

// src/cli/commands/index.ts
var commands = [];

// src/cli/main.ts
var GLOBAL_OPTIONS = {
  help: { type: "boolean", short: "h" },
  json: { type: "boolean" },
  config: { type: "string", short: "c" },
  debug: { type: "boolean" }
};
function topLevelHelp() {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `databricks-dr ${VERSION} \u2014 keep a primary and a secondary Azure Databricks workspace in step for disaster recovery`,
    "",
    "Usage: databricks-dr <command> [flags]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Global flags:",
    "  --config, -c FILE  the config file (default databricks-dr.yml)",
    "  --json             print one JSON result on stdout (logs go to stderr)",
    "  --help, -h         help for a command",
    "  --version          print the version",
    "",
    "Exit codes: 0 ok, 1 validation or deploy failure, 2 usage error, 3 drift found (--fail-on-drift).",
    "Run 'databricks-dr <command> --help' for a command's flags.",
    ""
  ].join("\n");
}
function commandHelp(command) {
  return `${command.summary}

Usage: ${command.usage}
`;
}
var defaultIO = {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd()
};
async function main(argv, io = defaultIO) {
  try {
    return await dispatch(argv, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`databricks-dr: ${err.message}
`);
      io.stderr.write(`${err.hint ?? "Run 'databricks-dr --help' for usage."}
`);
      return EXIT.usage;
    }
    if (err instanceof ConfigurationError) {
      io.stderr.write(`${err.message}
`);
      return EXIT.failure;
    }
    io.stderr.write(
      `databricks-dr: unexpected error: ${err instanceof Error ? err.stack ?? err.message : String(err)}
`
    );
    return EXIT.failure;
  }
}
async function dispatch(argv, io) {
  const [first, ...rest] = argv;
  if (first === void 0 || first === "--help" || first === "-h" || first === "help") {
    const topic = first === "help" ? commands.find((c) => c.name === rest[0]) : void 0;
    io.stdout.write(topic ? commandHelp(topic) : topLevelHelp());
    return EXIT.ok;
  }
  if (first === "--version" || first === "-V" || first === "version") {
    io.stdout.write(`${VERSION}
`);
    return EXIT.ok;
  }
  const command = commands.find((c) => c.name === first);
  if (!command) {
    if (first.startsWith("-"))
      throw new UsageError(
        `expected a command before the flag ${first}`,
        "Run 'databricks-dr --help' for the commands."
      );
    throw new UsageError(
      `unknown command "${first}"${didYouMean(
        first,
        commands.map((c) => c.name)
      )}`,
      `Commands: ${commands.map((c) => c.name).join(", ")}. Run 'databricks-dr --help'.`
    );
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(commandHelp(command));
    return EXIT.ok;
  }
  const debug = rest.includes("--debug");
  const logger = streamLogger(io.stderr, { debug });
  if (command.rawArgs) {
    return command.run({ io, values: {}, positionals: [], logger, json: rest.includes("--json") }, rest);
  }
  const options = { ...GLOBAL_OPTIONS, ...command.options };
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options,
      allowPositionals: command.allowPositionals ?? false,
      strict: true
    });
  } catch (err) {
    throw usageFromParseError(err, command, options);
  }
  return command.run(
    { io, values: parsed.values, positionals: parsed.positionals, logger, json: parsed.values.json === true },
    rest
  );
}
function usageFromParseError(err, command, options) {
  const message = err instanceof Error ? err.message : String(err);
  const hint = `Usage: ${command.usage}`;
  const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message);
  if (unknown) {
    const flags = Object.keys(options).map((o) => `--${o}`);
    return new UsageError(
      `${command.name}: unknown flag ${unknown[1]}${didYouMean(unknown[1], flags)}`,
      hint
    );
  }
  const positional = /Unexpected argument '([^']+)'/.exec(message);
  if (positional) return new UsageError(`${command.name}: unexpected argument "${positional[1]}"`, hint);
  return new UsageError(`${command.name}: ${message.split("\n")[0]}`, hint);
}
export {
  main
};
