/**
 * From what was read to what is written: the definitions of the imported region with the compare
 * region's differences lifted into variables, the secret scope files, and the CI secrets the team
 * must provide. Pure: no request, no file.
 */
import type { AdoptedObjects, RegionConfig } from '../config/types.js';
import type { WorkspaceImport } from './collect.js';
import type { ImportedScope } from './scopes.js';
import { keyVaultVariable, secretEnvName } from './scopes.js';
import { liftDifferences, VariableTable } from './variables.js';

type Json = Record<string, unknown>;

export interface CiSecret {
  env: string;
  purpose: string;
}

export interface Repository {
  /** Repository path → JSON document. */
  documents: Map<string, Json>;
  /** Repository path → bytes (notebooks and files). */
  files: Map<string, Buffer>;
  notebookMappings: Array<{ source: string; target: string }>;
  /** Variable → value per region (every region of the config). */
  variables: Map<string, Record<string, string | number | boolean>>;
  externalClusters: string[];
  adopt: Record<string, AdoptedObjects>;
  ciSecrets: CiSecret[];
  /** Objects found in only one of the two regions. */
  onlyIn: Record<string, string[]>;
  notes: string[];
}

function fileSlug(name: string, taken: Set<string>, folder: string): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'unnamed';
  let file = `${folder}/${base}.json`;
  for (let i = 2; taken.has(file); i++) file = `${folder}/${base}-${i}.json`;
  taken.add(file);
  return file;
}

function scopeDocument(name: string, scope: ImportedScope): Json {
  const doc: Json = { scope: name, backend: scope.backend };
  if (scope.backend === 'azure_keyvault') {
    doc.keyvault = {
      resource_id: `\${var.${keyVaultVariable(name, 'resource_id')}}`,
      dns_name: `\${var.${keyVaultVariable(name, 'dns_name')}}`,
    };
  } else if (scope.keys.length > 0) {
    doc.secrets = Object.fromEntries(scope.keys.map((k) => [k, { env: secretEnvName(name, k) }]));
  }
  if (scope.acls && scope.acls.length > 0) doc.acls = scope.acls;
  return doc;
}

/** The CI secrets the regions' auth needs (the config names the variables; none holds a value). */
export function authSecrets(regions: RegionConfig[]): CiSecret[] {
  const out: CiSecret[] = [];
  const add = (env: string, what: string, region: string) => {
    const found = out.find((s) => s.env === env);
    if (found) found.purpose += `, ${region}`;
    else out.push({ env, purpose: `${what} of region ${region}` });
  };
  for (const r of regions) {
    if (r.auth.type === 'pat') add(r.auth.token_env, 'Databricks token', r.name);
    if (r.auth.type === 'azure-client-secret') add(r.auth.client_secret_env, 'Entra client secret', r.name);
  }
  return out;
}

/** What a region holds of the repository's objects (only those: nothing else is taken over). */
function adoptedOf(ws: WorkspaceImport, repo: WorkspaceImport): AdoptedObjects {
  return {
    jobs: Object.fromEntries([...ws.jobs].filter(([n]) => repo.jobs.has(n)).map(([n, j]) => [n, j.id])),
    clusters: Object.fromEntries(
      [...ws.clusters].filter(([n]) => repo.clusters.has(n)).map(([n, c]) => [n, c.id]),
    ),
    pipelines: Object.fromEntries(
      [...ws.pipelines].filter(([n]) => repo.pipelines.has(n)).map(([n, p]) => [n, p.id]),
    ),
    secret_scopes: [...ws.scopes.keys()].filter((n) => repo.scopes.has(n)),
    notebooks: ws.notebooks.map((f) => f.target).filter((t) => repo.notebooks.some((f) => f.target === t)),
  };
}

/** Notebook folders: one → notebooks/, several → notebooks/<folder name>/. */
function notebookSources(primary: WorkspaceImport): Array<{ source: string; target: string }> {
  return primary.notebooks.map((f) => ({
    source: primary.notebooks.length === 1 ? 'notebooks' : `notebooks/${f.target.split('/').pop() || 'root'}`,
    target: f.target,
  }));
}

/** What building the repository collects as it goes, and the two regions it compares. */
interface Build {
  primary: WorkspaceImport;
  compare: WorkspaceImport | undefined;
  table: VariableTable;
  documents: Map<string, Json>;
  /** File names already used. */
  taken: Set<string>;
  onlyIn: Record<string, string[]>;
  notes: string[];
}

function only(b: Build, region: string, what: string): void {
  b.onlyIn[region] ??= [];
  b.onlyIn[region].push(what);
}

export function buildRepository(
  regions: RegionConfig[],
  primary: WorkspaceImport,
  compare: WorkspaceImport | undefined,
): Repository {
  const b: Build = {
    primary,
    compare,
    table: new VariableTable([primary.region, compare?.region ?? primary.region]),
    documents: new Map(),
    taken: new Set(),
    onlyIn: {},
    notes: [...primary.notes],
  };
  addDefinitions(b);
  const ciSecrets = authSecrets(regions);
  addScopes(b, ciSecrets);
  const { files, notebookMappings } = notebookFiles(b);
  const variables = variablesOfEveryRegion(b, regions);

  const adopt: Record<string, AdoptedObjects> = { [primary.region]: adoptedOf(primary, primary) };
  if (compare) adopt[compare.region] = adoptedOf(compare, primary);
  const externalClusters = [...new Set([...primary.externalClusters, ...(compare?.externalClusters ?? [])])];
  const { documents, onlyIn, notes } = b;
  return { documents, files, notebookMappings, variables, externalClusters, adopt, ciSecrets, onlyIn, notes };
}

/** Jobs, clusters and pipelines: one file each, the compare region's differences lifted into variables. */
function addDefinitions(b: Build): void {
  const { primary, compare } = b;
  const kinds: Array<['jobs' | 'clusters' | 'pipelines', string]> = [
    ['jobs', 'job'],
    ['clusters', 'cluster'],
    ['pipelines', 'pipeline'],
  ];
  for (const [kind, label] of kinds) {
    for (const [name, item] of primary[kind]) {
      const other = compare?.[kind].get(name);
      if (compare && !other) only(b, primary.region, `${label} ${name}`);
      if (other) liftDifferences(name, item.definition, other.definition, b.table, `${label} "${name}"`);
      b.documents.set(fileSlug(name, b.taken, kind), item.definition);
    }
    if (compare)
      for (const name of compare[kind].keys())
        if (!primary[kind].has(name)) only(b, compare.region, `${label} ${name}`);
  }
}

/** Secret scopes: one file each, a CI secret per key, Key Vault ids as variables per region. */
function addScopes(b: Build, ciSecrets: CiSecret[]): void {
  const { primary, compare } = b;
  for (const [name, scope] of primary.scopes) {
    b.documents.set(fileSlug(name, b.taken, 'secret-scopes'), scopeDocument(name, scope));
    const other = compare?.scopes.get(name);
    if (compare && !other) only(b, primary.region, `secret scope ${name}`);
    for (const key of scope.keys)
      ciSecrets.push({ env: secretEnvName(name, key), purpose: `secret ${name}/${key}` });
    if (scope.keyvault) {
      for (const field of ['resource_id', 'dns_name'] as const) {
        const variable = keyVaultVariable(name, field);
        b.table.single(variable, primary.region, scope.keyvault[field]);
        if (other?.keyvault) b.table.single(variable, compare!.region, other.keyvault[field]);
      }
    }
    if (other && other.backend === 'databricks')
      for (const key of other.keys.filter((k) => !scope.keys.includes(k)))
        b.notes.push(
          `secret ${name}/${key} exists only in region ${compare!.region}; add it to ${name}'s file if it is needed`,
        );
  }
  if (compare)
    for (const name of compare.scopes.keys())
      if (!primary.scopes.has(name)) only(b, compare.region, `secret scope ${name}`);
}

/** The notebooks and files of the imported folders; the primary region's version where they differ. */
function notebookFiles(b: Build): Pick<Repository, 'files' | 'notebookMappings'> {
  const { primary, compare } = b;
  const files = new Map<string, Buffer>();
  const notebookMappings = notebookSources(primary);
  primary.notebooks.forEach((folder, i) => {
    const otherFolder = compare?.notebooks.find((f) => f.target === folder.target);
    for (const [rel, content] of folder.files) {
      files.set(`${notebookMappings[i].source}/${rel}`, content);
      if (otherFolder && !otherFolder.files.has(rel)) only(b, primary.region, `${folder.target}/${rel}`);
      else if (otherFolder && !otherFolder.files.get(rel)!.equals(content))
        b.notes.push(
          `${folder.target}/${rel} differs in region ${compare!.region}; the ${primary.region} version was imported and deploy will replace the other`,
        );
    }
    if (otherFolder)
      for (const rel of otherFolder.files.keys())
        if (!folder.files.has(rel)) only(b, compare!.region, `${folder.target}/${rel}`);
  });
  return { files, notebookMappings };
}

/** Every region needs every variable: regions that were not read get the imported region's value. */
function variablesOfEveryRegion(b: Build, regions: RegionConfig[]): Repository['variables'] {
  const { primary, table } = b;
  const variables = new Map<string, Record<string, string | number | boolean>>();
  const copied = new Set<string>();
  for (const [name, values] of table.values) {
    const full: Record<string, string | number | boolean> = {};
    for (const r of regions) {
      full[r.name] = values[r.name] ?? values[primary.region];
      if (values[r.name] === undefined) copied.add(r.name);
    }
    variables.set(name, full);
  }
  for (const r of copied)
    b.notes.push(
      `variables of region ${r} were copied from ${primary.region} (it was not compared): check them in the config`,
    );
  for (const s of table.structural)
    b.notes.push(`${s} differs in shape between the regions; the ${primary.region} value was kept`);
  return variables;
}
