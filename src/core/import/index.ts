/**
 * `databricks-dr import`: turns an existing workspace into this repository's files. Input: a config
 * with just version, name and regions (hosts and auth; roles optional). Reads the imported region
 * (and the compare region), then writes jobs/, clusters/, pipelines/, notebooks/, secret-scopes/, the filled-in
 * config (variables, notebook targets, the adopt: list) and the README's CI secrets.
 */
import path from 'node:path';
import { tasksOf } from '../assets/references/index.js';
import { describeError } from '../client/describe.js';
import { type DatabricksClient, DatabricksError, isOutcomeUnknown } from '../client/index.js';
import { configFromDocument } from '../config/load.js';
import type { DrConfig, RegionConfig } from '../config/types.js';
import { ConfigurationError, UsageError, ValidationError } from '../errors.js';
import type { Reporter } from '../reporter.js';
import { type ClientSettings, createClients } from '../session/clients.js';
import { readSource, type SourceDocument } from '../source.js';
import { collectWorkspace, type ImportSelection, type Skipped, type WorkspaceImport } from './collect.js';
import { buildRepository, type CiSecret } from './repository.js';
import { writeRepository } from './write.js';

export interface ImportOptions {
  configFile: string;
  reporter: Reporter;
  env?: NodeJS.ProcessEnv;
  region: string;
  compareRegion?: string;
  selection: ImportSelection;
  /** Where to write (default: the config's folder). */
  outDir?: string;
  /** The command line, for the README. */
  command: string;
  client?: ClientSettings;
}

export interface ImportResult {
  command: 'import';
  status: 'ok' | 'failed';
  region: string;
  compare_region?: string;
  out: string;
  imported: {
    jobs: string[];
    clusters: string[];
    pipelines: string[];
    notebooks: number;
    secret_scopes: string[];
  };
  skipped: Skipped[];
  only_in: Record<string, string[]>;
  variables: string[];
  ci_secrets: CiSecret[];
  notes: string[];
  files: string[];
  errors: string[];
}

/**
 * The config as the team first writes it: regions without roles are accepted (the imported region
 * becomes active, the others passive), so the minimal form is version, name and regions.
 */
function loadMinimalConfig(
  file: string,
  region: string,
  env: NodeJS.ProcessEnv,
): { config: DrConfig; source: SourceDocument; roles: Record<string, 'active' | 'passive'> } {
  const source = readSource(file);
  const raw = source.value as { regions?: Record<string, Record<string, unknown> | null> } | null;
  const roles: Record<string, 'active' | 'passive'> = {};
  const regions = raw && typeof raw.regions === 'object' && raw.regions !== null ? raw.regions : {};
  if (!(region in regions))
    throw new UsageError(
      `--region ${region}: no such region in ${path.basename(file)} (regions: ${Object.keys(regions).join(', ')})`,
    );
  const anyRole = Object.values(regions).some((r) => r && typeof r === 'object' && 'role' in r);
  const withRoles = structuredClone(raw) as typeof raw;
  if (!anyRole && withRoles?.regions)
    for (const [name, r] of Object.entries(withRoles.regions)) {
      roles[name] = name === region ? 'active' : 'passive';
      if (r && typeof r === 'object') r.role = roles[name];
    }
  const config = configFromDocument({ ...source, value: withRoles }, { env });
  return { config, source, roles };
}

function regionNamed(config: DrConfig, name: string, flag: string): RegionConfig {
  const region = config.regions.find((r) => r.name === name);
  if (!region)
    throw new UsageError(
      `${flag} ${name}: no such region in ${path.basename(config.file)} (regions: ${config.regions.map((r) => r.name).join(', ')})`,
    );
  return region;
}

/** Notebook paths the imported jobs and pipelines run that lie outside every imported folder. */
function notebooksOutside(primary: WorkspaceImport): string[] {
  const notes: string[] = [];
  const check = (what: string, p: unknown) => {
    if (typeof p !== 'string' || !p.startsWith('/')) return;
    if (!primary.notebooks.some((f) => p.startsWith(`${f.target}/`)))
      notes.push(`${what} runs ${p}, outside the imported notebook folders: add its folder with --notebooks`);
  };
  for (const [name, job] of primary.jobs)
    for (const task of tasksOf(job.definition)) {
      const nb = task.notebook_task as { notebook_path?: string; source?: string } | undefined;
      if (nb?.source !== 'GIT') check(`job "${name}"`, nb?.notebook_path);
    }
  // A pipeline's notebook and file libraries (pipelines.PipelineLibrary) keep their workspace paths.
  for (const [name, p] of primary.pipelines)
    for (const lib of (p.definition.libraries as Array<Record<string, { path?: unknown }>> | undefined) ?? [])
      for (const kind of ['notebook', 'file']) check(`pipeline "${name}"`, lib[kind]?.path);
  return notes;
}

export async function runImport(options: ImportOptions): Promise<ImportResult> {
  const env = options.env ?? process.env;
  const { reporter } = options;
  const { config, source, roles, region, compareRegion } = loadForImport(options, env);
  const outDir = path.resolve(path.dirname(path.resolve(options.configFile)), options.outDir ?? '.');
  const result = emptyResult(region, compareRegion, outDir);
  const wanted = [region, ...(compareRegion ? [compareRegion] : [])];
  const problems: string[] = [];
  const clients = await createClients(wanted, env, reporter, options.client, (r, m) =>
    problems.push(`region ${r.name}: ${m}`),
  );
  try {
    if (problems.length > 0) throw new ConfigurationError(`nothing was written:\n  ${problems.join('\n  ')}`);
    const read = (name: string, selection: ImportSelection, lenient: boolean) =>
      readRegion(clients.get(name)!, config.name, selection, lenient, (m) => reporter.logger.info(m));
    const primary = await read(region.name, options.selection, false);
    const compare = compareRegion
      ? await read(compareRegion.name, sameObjects(primary, options.selection), true)
      : undefined;
    const repo = buildRepository(config.regions, primary, compare);
    repo.notes.push(...notebooksOutside(primary));
    result.files = writeRepository(
      {
        outDir,
        configName: config.name,
        source,
        configFile: options.configFile,
        roles,
        command: options.command,
      },
      repo,
    );
    Object.assign(result, summaryOf(primary, compare, repo));
    result.status = 'ok';
    return result;
  } catch (err) {
    if (err instanceof ConfigurationError) {
      result.errors.push(err.message);
      return result;
    }
    throw err;
  } finally {
    for (const c of clients.values()) c.close();
  }
}

/** The config (its problems annotated), and the region to import and the one to compare with. */
function loadForImport(options: ImportOptions, env: NodeJS.ProcessEnv) {
  let loaded: ReturnType<typeof loadMinimalConfig>;
  try {
    loaded = loadMinimalConfig(options.configFile, options.region, env);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    for (const d of err.diagnostics) options.reporter.annotate(d);
    throw new ValidationError(err.diagnostics, { reported: true });
  }
  const region = regionNamed(loaded.config, options.region, '--region');
  const compareRegion = options.compareRegion
    ? regionNamed(loaded.config, options.compareRegion, '--compare-region')
    : undefined;
  if (compareRegion?.name === region.name)
    throw new UsageError('--compare-region must name another region than --region');
  return { ...loaded, region, compareRegion };
}

function emptyResult(
  region: RegionConfig,
  compareRegion: RegionConfig | undefined,
  outDir: string,
): ImportResult {
  return {
    command: 'import',
    status: 'failed',
    region: region.name,
    ...(compareRegion ? { compare_region: compareRegion.name } : {}),
    out: outDir,
    imported: { jobs: [], clusters: [], pipelines: [], notebooks: 0, secret_scopes: [] },
    skipped: [],
    only_in: {},
    variables: [],
    ci_secrets: [],
    notes: [],
    files: [],
    errors: [],
  };
}

/** Reads one region; a workspace's refusal or silence ends the import with nothing written. */
async function readRegion(
  client: DatabricksClient,
  configName: string,
  selection: ImportSelection,
  lenient: boolean,
  progress: (message: string) => void,
): Promise<WorkspaceImport> {
  try {
    return await collectWorkspace(client, { configName, selection, progress, lenient });
  } catch (err) {
    // A workspace's refusal or silence is reported; anything else is a bug and stays one.
    if (!(err instanceof DatabricksError) && !isOutcomeUnknown(err)) throw err;
    throw new ConfigurationError(
      `reading region ${client.region} failed: ${describeError(err)}; nothing was written`,
    );
  }
}

/** The comparison region is read for the objects found in the primary one. */
function sameObjects(primary: WorkspaceImport, selection: ImportSelection): ImportSelection {
  return {
    jobs: [...primary.jobs.keys()],
    allJobs: selection.allJobs,
    clusters: [...primary.clusters.keys()],
    pipelines: [...primary.pipelines.keys()],
    notebooks: primary.notebooks.map((f) => f.target),
    scopes: [...primary.scopes.keys()],
  };
}

/** What the result reports of a finished import. */
function summaryOf(
  primary: WorkspaceImport,
  compare: WorkspaceImport | undefined,
  repo: ReturnType<typeof buildRepository>,
): Pick<ImportResult, 'imported' | 'skipped' | 'only_in' | 'variables' | 'ci_secrets' | 'notes'> {
  const skipped = (ws: WorkspaceImport) => ws.skipped.map((s) => ({ ...s, region: ws.region }));
  return {
    imported: {
      jobs: [...primary.jobs.keys()],
      clusters: [...primary.clusters.keys()],
      pipelines: [...primary.pipelines.keys()],
      notebooks: primary.notebooks.reduce((n, f) => n + f.files.size, 0),
      secret_scopes: [...primary.scopes.keys()],
    },
    skipped: [...skipped(primary), ...(compare ? skipped(compare) : [])],
    only_in: repo.onlyIn,
    variables: [...repo.variables.keys()],
    ci_secrets: [...new Map(repo.ciSecrets.map((s) => [s.env, s])).values()],
    notes: repo.notes,
  };
}

export function renderImportText(r: ImportResult): string {
  const lines: string[] = [];
  if (r.status !== 'ok') return `import failed:\n${r.errors.map((e) => `  ${e}`).join('\n')}\n`;
  lines.push(
    `imported from region ${r.region}${r.compare_region ? ` (compared with ${r.compare_region})` : ''} into ${r.out}:`,
  );
  lines.push(`  jobs (${r.imported.jobs.length}): ${r.imported.jobs.join(', ') || '-'}`);
  lines.push(`  clusters (${r.imported.clusters.length}): ${r.imported.clusters.join(', ') || '-'}`);
  lines.push(`  pipelines (${r.imported.pipelines.length}): ${r.imported.pipelines.join(', ') || '-'}`);
  lines.push(`  notebooks and files: ${r.imported.notebooks}`);
  lines.push(
    `  secret scopes (${r.imported.secret_scopes.length}): ${r.imported.secret_scopes.join(', ') || '-'}`,
  );
  if (r.variables.length > 0) lines.push(`  variables per region: ${r.variables.join(', ')}`);
  if (r.skipped.length > 0) {
    lines.push('skipped:');
    for (const s of r.skipped) lines.push(`  ${s.region}: ${s.kind} ${s.name}: ${s.reason}`);
  }
  for (const [region, items] of Object.entries(r.only_in))
    lines.push(`only in region ${region}: ${items.join(', ')}`);
  if (r.notes.length > 0) {
    lines.push('to check:');
    for (const n of r.notes) lines.push(`  ${n}`);
  }
  lines.push('CI secrets to provide (also listed in README.md):');
  for (const s of r.ci_secrets) lines.push(`  ${s.env}  ${s.purpose}`);
  return `${lines.join('\n')}\n`;
}
