// Exports the named secrets of a reusable-workflow job as environment variables for its later steps.
//
// A reusable workflow cannot know which environment variables a team's databricks-dr.yml names
// (token_env, client_secret_env, the `env` of secret-scope files), and `env:` cannot be built from
// an expression, so the workflow passes toJSON(secrets) here together with an explicit list of
// names: only those are exported (least privilege), each through GITHUB_ENV with a random
// delimiter. Plain Node, no dependencies: the runner runs it with its own node24.
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Variables the runner or Node would interpret: never overwritten from a secret. */
const RESERVED =
  /^(GITHUB_|RUNNER_|ACTIONS_|INPUT_|STATE_)|^(PATH|HOME|NODE_OPTIONS|NODE_EXTRA_CA_CERTS|CI)$/i;

function input(name) {
  return (process.env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
}

function escapeData(s) {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * Parses the names input: `NAME` or `NAME=SECRET`, comma- or newline-separated.
 * @returns {{ pairs: Array<{ env: string, secret: string }>, problems: string[] }}
 */
export function parseNames(text) {
  const pairs = [];
  const problems = [];
  for (const item of text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [env, secret = env, ...rest] = item.split('=').map((s) => s.trim());
    if (rest.length > 0 || !NAME.test(env) || !NAME.test(secret)) {
      problems.push(`"${item}" is not NAME or NAME=SECRET (letters, digits and _)`);
    } else if (RESERVED.test(env)) {
      problems.push(`${env} is reserved by the runner and cannot be set from a secret`);
    } else {
      pairs.push({ env, secret });
    }
  }
  return { pairs, problems };
}

/**
 * Resolves the pairs against the secrets (names match case-insensitively, as GitHub's do).
 * @returns {{ values: Map<string, string>, missing: string[] }}
 */
export function resolveSecrets(pairs, secrets) {
  const byName = new Map(Object.entries(secrets).map(([k, v]) => [k.toUpperCase(), v]));
  const values = new Map();
  const missing = [];
  for (const { env, secret } of pairs) {
    const value = secret.toUpperCase() === 'GITHUB_TOKEN' ? undefined : byName.get(secret.toUpperCase());
    if (typeof value !== 'string' || value === '') missing.push(secret);
    else values.set(env, value);
  }
  return { values, missing };
}

export function envFileEntries(values) {
  let out = '';
  for (const [name, value] of values) {
    let delimiter = `ghadelimiter_${randomUUID()}`;
    while (value.includes(delimiter)) delimiter = `ghadelimiter_${randomUUID()}`;
    out += `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  }
  return out;
}

function main() {
  const { pairs, problems } = parseNames(input('names'));
  let secrets = {};
  try {
    secrets = JSON.parse(input('secrets') || '{}');
  } catch {
    problems.push('the secrets input is not JSON: pass ${{ toJSON(secrets) }}');
  }
  const { values, missing } = resolveSecrets(pairs, secrets);
  if (missing.length > 0) {
    problems.push(
      `no secret named ${missing.join(', ')} is available to this job: create it in the repository, ` +
        'organization or the job environment, and call the reusable workflow with `secrets: inherit`',
    );
  }
  if (problems.length > 0) {
    for (const p of problems)
      process.stdout.write(`::error title=databricks-dr secret-env::${escapeData(p)}\n`);
    process.exitCode = 1;
    return;
  }
  for (const value of values.values()) {
    for (const line of value.split(/\r?\n/))
      if (line) process.stdout.write(`::add-mask::${escapeData(line)}\n`);
  }
  const file = process.env.GITHUB_ENV;
  if (!file) {
    process.stdout.write(
      '::error title=databricks-dr secret-env::GITHUB_ENV is not set: run this as a step of a job\n',
    );
    process.exitCode = 1;
    return;
  }
  appendFileSync(file, envFileEntries(values));
  process.stdout.write(`exported ${[...values.keys()].join(', ') || 'nothing'}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
