/**
 * Text from users and servers (file and object names, error messages) is printed into CI logs,
 * which the CI scans for commands: Azure Pipelines acts on `##vso[…]` anywhere in a line and on
 * `##[…]` formatting commands; GitHub Actions on a line that starts with `::` (and the legacy
 * `##[`). `neutraliseForCi` breaks each such form with a space so it prints but never acts, and
 * shows control and bidi characters as escapes, so no string can start a line of its own, move
 * the cursor or read differently from what it is. Newlines and tabs are kept: messages may span
 * lines, and every line is neutralised.
 */

const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function neutraliseForCi(text: string): string {
  return text
    .replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/##(vso)?\[/gi, (m) => `${m.slice(0, -1)} [`)
    .replace(/^([ \t]*):(?=:)/gm, '$1: ');
}

const RAW = Symbol('the stream before neutralising');

type Stream = NodeJS.WritableStream;

/**
 * The stream itself, everything written to it through neutraliseForCi (CLI results and logs in
 * a CI). `rawStream()` gives back the original, for a reporter that writes commands of its own.
 */
export function neutralisingStream(stream: Stream): Stream {
  const wrapped = Object.create(stream) as Stream & { [RAW]: Stream };
  wrapped[RAW] = stream;
  wrapped.write = ((chunk: unknown, ...rest: unknown[]) =>
    (stream.write as (...a: unknown[]) => boolean)(
      typeof chunk === 'string' ? neutraliseForCi(chunk) : chunk,
      ...rest,
    )) as Stream['write'];
  return wrapped;
}

export function rawStream(stream: Stream): Stream {
  return (stream as Stream & { [RAW]?: Stream })[RAW] ?? stream;
}

/** Whether the CLI runs as a step of Azure Pipelines (the agent sets TF_BUILD=True). */
export function underAzurePipelines(env: NodeJS.ProcessEnv): boolean {
  return env.TF_BUILD === 'True' || env.TF_BUILD === 'true';
}

/** Whether the CLI runs where its output is a CI log scanned for commands. */
export function underCi(env: NodeJS.ProcessEnv): boolean {
  return underAzurePipelines(env) || env.GITHUB_ACTIONS === 'true';
}
