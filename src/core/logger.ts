/**
 * Library code logs through this interface and never through a platform SDK, so the same engine
 * runs under GitHub Actions, Azure DevOps and a terminal.
 */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
}

export const nullLogger: Logger = {
  debug() {},
  info() {},
  warning() {},
  error() {},
};

/** Writes to a stream (stderr for the CLI, so stdout stays free for results). */
export function streamLogger(stream: NodeJS.WritableStream, options: { debug?: boolean } = {}): Logger {
  const write = (prefix: string, message: string) => stream.write(`${prefix}${message}\n`);
  return {
    debug: (m) => {
      if (options.debug) write('debug: ', m);
    },
    info: (m) => write('', m),
    warning: (m) => write('warning: ', m),
    error: (m) => write('error: ', m),
  };
}
