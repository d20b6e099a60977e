/**
 * `databricks-dr emulator`: serves emulated workspaces until SIGINT/SIGTERM. stdout carries only
 * the ready line (scripts wait for it and read the URLs from it); logs go to stderr.
 */
import { readFileSync } from 'node:fs';
import { parseArgsOrUsage } from '../core/args.js';
import { UsageError } from '../core/errors.js';
import { streamLogger } from '../core/logger.js';
import { type AssetNames, assetNamesError } from './assets-api.js';
import { catalogListError } from './catalog.js';
import { validateFaultSpec } from './faults.js';
import { DEFAULT_TOKEN, DEFAULT_USER, startEmulator } from './index.js';
import { principalSpecError } from './principals.js';
import type { EmulatorOptions, FaultSpec, WorkspaceSpec } from './types.js';

export const EMULATOR_USAGE = `Usage: databricks-dr emulator --workspace NAME=PORT [--workspace NAME=PORT ...] [options]

Serves emulated Azure Databricks workspaces, each at the root of http://127.0.0.1:PORT (PORT 0 picks a
free port), until SIGINT or SIGTERM.

Options:
  --workspace NAME=PORT    a workspace to serve (repeatable)
  --token TOKEN            the PAT every workspace accepts (default ${DEFAULT_TOKEN})
  --latency-ms N           delay added to every /api request (default 0)
  --rate-limits MODE       default (the documented per-API limits) or off (default: default)
  --faults JSON|@FILE      fault rules, e.g. {"seed":7,"rules":[{"fault":"429","p":0.1}]}
  --state-dir DIR          keep each workspace's state in DIR/NAME.json across restarts
  --read-only NAME         serve workspace NAME read-only (repeatable)
  --standard NAME          make workspace NAME a Standard-tier workspace: no secret ACLs, no
                           Permissions API, scopes only with initial_manage_principal "users" (repeatable)
  --catalog NAME=JSON|@FILE  the node types and runtimes workspace NAME offers, e.g.
                           primary='{"node_types":["Standard_DS3_v2"],"spark_versions":["15.4.x-scala2.12"]}'
                           (either list may be left out: it keeps the default; repeatable)
  --principals NAME=JSON|@FILE  users, groups and service principals of workspace NAME besides the
                           caller, admins and users, e.g. primary='{"users":["alice@example.com"],
                           "groups":{"data-engineers":["alice@example.com"]},
                           "servicePrincipals":[{"applicationId":"<uuid>","displayName":"deployer"}]}'
  --assets NAME=JSON|@FILE  pipelines, SQL alerts and queries, dashboards, legacy SQL dashboards
                           (sqlDashboards) and notification destinations of workspace NAME that
                           jobs may name, e.g.
                           primary='{"pipelines":["orders-dlt"],"alerts":["late orders"]}' (repeatable)
  --cluster-start-ms N     PENDING/RESTARTING → RUNNING delay (default 50)
  --cluster-terminate-ms N TERMINATING → TERMINATED delay (default 50)
  --not-found-status 400|404  status for a missing job, run or cluster (default 400, as the real API)
  --verbose                log every request to stderr
  --json                   print the ready line as JSON
  -h, --help               show this help`;

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

function nonNegativeInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value))
    throw new UsageError(`${flag} must be a non-negative integer, got '${value}'`, `e.g. ${flag} 25`);
  return Number(value);
}

function parseWorkspaces(values: string[] | undefined): WorkspaceSpec[] {
  if (!values || values.length === 0)
    throw new UsageError(
      'emulator needs at least one --workspace NAME=PORT',
      'e.g. --workspace primary=8001 --workspace secondary=8002',
    );
  const specs: WorkspaceSpec[] = [];
  for (const v of values) {
    const m = /^([A-Za-z0-9_.-]+)=(\d+)$/.exec(v);
    if (!m)
      throw new UsageError(
        `invalid --workspace '${v}'`,
        'use NAME=PORT, e.g. --workspace primary=8001 (PORT 0 picks a free port)',
      );
    const port = Number(m[2]);
    if (port > 65535) throw new UsageError(`invalid port in --workspace '${v}'`, 'ports go from 0 to 65535');
    if (specs.some((s) => s.name === m[1]))
      throw new UsageError(`workspace '${m[1]}' is given twice`, 'each --workspace needs its own NAME');
    if (port !== 0 && specs.some((s) => s.port === port))
      throw new UsageError(
        `port ${port} is given to two workspaces`,
        'each workspace needs its own port (or 0 for a free one)',
      );
    specs.push({ name: m[1], port });
  }
  return specs;
}

function readJsonArg(value: string, flag: string, example: string): unknown {
  let text = value;
  if (value.startsWith('@')) {
    try {
      text = readFileSync(value.slice(1), 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read ${flag} file ${value.slice(1)}: ${(e as Error).message}`);
    }
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${flag} is not valid JSON`, `e.g. ${flag} ${example}`);
  }
}

/** `NAME=JSON|@FILE` for a workspace given with --workspace: the workspace's spec and the object. */
function workspaceObjectArg(
  value: string,
  flag: string,
  example: string,
  workspaces: WorkspaceSpec[],
): { name: string; spec: WorkspaceSpec; json: Record<string, unknown> } {
  const eq = value.indexOf('=');
  const name = eq < 0 ? value : value.slice(0, eq);
  const spec = workspaces.find((w) => w.name === name);
  if (eq < 0 || !spec)
    throw new UsageError(
      eq < 0 ? `invalid ${flag} '${value}'` : `${flag} ${name}: no such workspace`,
      `use NAME=JSON for a workspace given with --workspace, e.g. ${flag} ${example}`,
    );
  const json = readJsonArg(value.slice(eq + 1), flag, example);
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new UsageError(`invalid ${flag} for ${name}: expected a JSON object`, `e.g. ${flag} ${example}`);
  return { name, spec, json: json as Record<string, unknown> };
}

const CATALOG_EXAMPLE = `primary='{"node_types":["Standard_DS3_v2"],"spark_versions":["15.4.x-scala2.12"]}'`;

/** `--catalog NAME=JSON|@FILE` onto the workspace specs. */
function applyCatalogs(values: string[], workspaces: WorkspaceSpec[]): void {
  for (const v of values) {
    const { name, spec, json } = workspaceObjectArg(v, '--catalog', CATALOG_EXAMPLE, workspaces);
    const error =
      catalogListError(json.node_types, 'node_types') ??
      catalogListError(json.spark_versions, 'spark_versions');
    if (error)
      throw new UsageError(`invalid --catalog for ${name}: ${error}`, `e.g. --catalog ${CATALOG_EXAMPLE}`);
    const { node_types, spark_versions } = json as { node_types?: string[]; spark_versions?: string[] };
    if (node_types) spec.nodeTypes = node_types;
    if (spark_versions) spec.sparkVersions = spark_versions;
  }
}

const ASSETS_EXAMPLE = `primary='{"pipelines":["orders-dlt"],"alerts":["late orders"]}'`;

/** `--assets NAME=JSON|@FILE` onto the workspace specs. */
function applyAssets(values: string[], workspaces: WorkspaceSpec[]): void {
  for (const v of values) {
    const { name, spec, json } = workspaceObjectArg(v, '--assets', ASSETS_EXAMPLE, workspaces);
    const error = assetNamesError(json);
    if (error)
      throw new UsageError(`invalid --assets for ${name}: ${error}`, `e.g. --assets ${ASSETS_EXAMPLE}`);
    spec.assets = json as AssetNames;
  }
}

const PRINCIPALS_EXAMPLE = `primary='{"users":["alice@example.com"],"groups":{"data-engineers":["alice@example.com"]}}'`;

/** `--principals NAME=JSON|@FILE` onto the workspace specs (checked by startEmulator). */
function applyPrincipals(values: string[], workspaces: WorkspaceSpec[]): void {
  for (const v of values) {
    const { name, spec, json } = workspaceObjectArg(v, '--principals', PRINCIPALS_EXAMPLE, workspaces);
    const { users, groups, servicePrincipals, ...rest } = json as Pick<
      WorkspaceSpec,
      'users' | 'groups' | 'servicePrincipals'
    >;
    const unknown = Object.keys(rest);
    if (unknown.length > 0)
      throw new UsageError(
        `invalid --principals for ${name}: unknown field '${unknown[0]}'`,
        'use users, groups and servicePrincipals',
      );
    if (users !== undefined) spec.users = users;
    if (groups !== undefined) spec.groups = groups;
    if (servicePrincipals !== undefined) spec.servicePrincipals = servicePrincipals;
    const error = principalSpecError(spec, DEFAULT_USER);
    if (error)
      throw new UsageError(`invalid --principals: ${error}`, `e.g. --principals ${PRINCIPALS_EXAMPLE}`);
  }
}

function parseFaults(value: string | undefined): FaultSpec | undefined {
  if (value === undefined) return undefined;
  const spec = readJsonArg(
    value,
    '--faults',
    `'{"seed":7,"rules":[{"fault":"429","p":0.1}]}' or --faults @faults.json`,
  );
  const error = validateFaultSpec(spec);
  if (error)
    throw new UsageError(
      `invalid --faults: ${error}`,
      'rules: {"fault":"429|503|reset|lost|applied-503","p":0.1,"method":"POST","path":"/api/2.2/jobs/*","times":1}',
    );
  return spec as FaultSpec;
}

/** Parses the flags after `emulator` into startEmulator options (throws UsageError). */
export function parseEmulatorArgs(argv: string[]): {
  options: EmulatorOptions;
  json: boolean;
  help: boolean;
  readOnly: string[];
} {
  const { values, positionals } = parse(argv);
  if (values.help) return { options: { workspaces: [] }, json: false, help: true, readOnly: [] };
  if (positionals.length > 0)
    throw new UsageError(
      `unexpected argument '${positionals[0]}'`,
      'workspaces are given as --workspace NAME=PORT',
    );
  const workspaces = parseWorkspaces(values.workspace);
  const rateLimits = values['rate-limits'] ?? 'default';
  if (rateLimits !== 'default' && rateLimits !== 'off')
    throw new UsageError(`--rate-limits must be 'default' or 'off', got '${rateLimits}'`);
  const notFound = values['not-found-status'];
  if (notFound !== undefined && notFound !== '400' && notFound !== '404')
    throw new UsageError(`--not-found-status must be 400 or 404, got '${notFound}'`);
  if (values.token !== undefined && values.token.trim() === '')
    throw new UsageError('--token must not be empty');
  const readOnly = values['read-only'] ?? [];
  for (const name of readOnly)
    if (!workspaces.some((w) => w.name === name))
      throw new UsageError(
        `--read-only ${name}: no such workspace`,
        `give it with --workspace ${name}=PORT too`,
      );
  for (const name of values.standard ?? []) {
    const spec = workspaces.find((w) => w.name === name);
    if (!spec)
      throw new UsageError(
        `--standard ${name}: no such workspace`,
        `give it with --workspace ${name}=PORT too`,
      );
    spec.tier = 'standard';
  }
  applyCatalogs(values.catalog ?? [], workspaces);
  applyPrincipals(values.principals ?? [], workspaces);
  applyAssets(values.assets ?? [], workspaces);
  const options: EmulatorOptions = {
    workspaces,
    token: values.token,
    latencyMs: nonNegativeInt(values['latency-ms'], '--latency-ms'),
    rateLimits,
    faults: parseFaults(values.faults),
    stateDir: values['state-dir'],
    clusterStartMs: nonNegativeInt(values['cluster-start-ms'], '--cluster-start-ms'),
    clusterTerminateMs: nonNegativeInt(values['cluster-terminate-ms'], '--cluster-terminate-ms'),
    notFoundStatus: notFound === '404' ? 404 : notFound === '400' ? 400 : undefined,
    logRequests: values.verbose ?? false,
  };
  return { options, json: values.json ?? false, help: false, readOnly };
}

function parse(argv: string[]) {
  return parseArgsOrUsage(
    argv,
    {
      workspace: { type: 'string', multiple: true, short: 'w' },
      token: { type: 'string' },
      'latency-ms': { type: 'string' },
      'rate-limits': { type: 'string' },
      faults: { type: 'string' },
      'state-dir': { type: 'string' },
      'read-only': { type: 'string', multiple: true },
      standard: { type: 'string', multiple: true },
      catalog: { type: 'string', multiple: true },
      principals: { type: 'string', multiple: true },
      assets: { type: 'string', multiple: true },
      'cluster-start-ms': { type: 'string' },
      'cluster-terminate-ms': { type: 'string' },
      'not-found-status': { type: 'string' },
      json: { type: 'boolean' },
      verbose: { type: 'boolean', short: 'v' },
      help: { type: 'boolean', short: 'h' },
    },
    {
      command: 'emulator',
      hint: 'run `databricks-dr emulator --help` for the flags',
      allowPositionals: true,
    },
  );
}

/** Resolves on SIGINT, SIGTERM or `signal` aborting, whichever comes first. */
function untilStopped(signal: AbortSignal | undefined): Promise<string> {
  return new Promise((resolve) => {
    const done = (why: string) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      signal?.removeEventListener('abort', onAbort);
      resolve(why);
    };
    const onInt = () => done('SIGINT');
    const onTerm = () => done('SIGTERM');
    const onAbort = () => done('abort');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
    if (signal?.aborted) done('abort');
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export async function runEmulatorCommand(argv: string[], io: Io, signal?: AbortSignal): Promise<number> {
  const { options, json, help, readOnly } = parseEmulatorArgs(argv);
  if (help) {
    io.stdout.write(`${EMULATOR_USAGE}\n`);
    return 0;
  }
  const logger = streamLogger(io.stderr);
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  try {
    emulator = await startEmulator({ ...options, logger });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE')
      throw new UsageError(
        `a port is already in use: ${err.message}`,
        'pick free ports, or PORT 0 for any free port',
      );
    throw e;
  }
  for (const name of readOnly) emulator.workspace(name).setReadOnly(true);

  const entra = emulator.entra;
  const ready = json
    ? JSON.stringify({
        workspaces: emulator.workspaces.map((w) => ({ name: w.name, url: w.url, token: w.token })),
        // What a deploy needs to authenticate through the emulated Entra ID and CI token services
        // (docs/auth.md "Rehearsing against the emulator").
        ...(entra
          ? {
              authority_host: entra.authorityHost,
              ca_file: entra.caFile,
              tenant_id: entra.tenantId,
              client_id: entra.clientId,
              client_secret: entra.clientSecret,
              actions_id_token_request_url: entra.idTokenRequestUrl,
              actions_id_token_request_token: entra.idTokenRequestToken,
              system_oidcrequesturi: entra.oidcRequestUri,
              system_accesstoken: entra.systemAccessToken,
            }
          : {}),
      })
    : `emulator ready ${emulator.workspaces.map((w) => `${w.name}=${w.url}`).join(' ')}`;
  io.stdout.write(`${ready}\n`);

  const why = await untilStopped(signal);
  logger.info(`emulator: stopping (${why})`);
  await emulator.stop();
  return 0;
}
