#!/usr/bin/env node
/**
 * Extracts the field inventory of the Jobs, Compute and Pipelines APIs from a checkout of the official
 * Databricks Go SDK (github.com/databricks/databricks-sdk-go) into schemas/inventory/*.json: for
 * every struct reachable from the roots below, its fields' JSON names, Go types and whether the
 * SDK marks them required (no `omitempty`); for every string enum, its values. Only data is
 * written; test/validate/sdk-inventory.test.ts fails when a field of it is unknown to schemas/.
 *
 *   npm run inventory -- <path to a databricks-sdk-go checkout or bare git dir> [git ref, default HEAD]
 *
 * The path may be a work tree or a git dir (as `fetch` leaves under /work/.mirror); files are read
 * with `git show <ref>:<path>`, so the ref is what is recorded, not whatever is checked out.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [sdkPath, ref = 'HEAD'] = process.argv.slice(2);
if (!sdkPath) {
  console.error('usage: npm run inventory -- <databricks-sdk-go checkout or git dir> [ref]');
  process.exit(2);
}

const git = (...args) =>
  execFileSync('git', ['-C', sdkPath, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
const show = (path) => git('show', `${ref}:${path}`);

/** Structs and string enums of one Go model file, names qualified by their package. */
function parseModel(pkg, text) {
  const structs = {};
  const enums = {};
  let current;
  for (const line of text.split('\n')) {
    const open = /^type (\w+) struct \{$/.exec(line);
    if (open) {
      current = {};
      structs[`${pkg}.${open[1]}`] = current;
      continue;
    }
    if (current && line === '}') {
      current = undefined;
      continue;
    }
    if (current) {
      const field = /^\t(\w+)\s+(\S+)\s+`json:"([^",]+)(,omitempty)?"/.exec(line);
      if (field && field[3] !== '-') current[field[3]] = { go: field[2], required: !field[4] };
      continue;
    }
    const enumType = /^type (\w+) string$/.exec(line);
    if (enumType) enums[`${pkg}.${enumType[1]}`] ??= [];
    const value = /^const \w+ (\w+) = `([^`]*)`$/.exec(line);
    if (value) {
      const key = `${pkg}.${value[1]}`;
      enums[key] ??= [];
      enums[key].push(value[2]);
    }
  }
  return { structs, enums };
}

/** A Go type reduced to its shape: list/map wrappers and the named type, qualified. */
function shapeOf(pkg, go) {
  let t = go.replace(/^\*/, '');
  let shape = '';
  for (;;) {
    if (t.startsWith('[]')) {
      shape += '[]';
      t = t.slice(2).replace(/^\*/, '');
    } else if (t.startsWith('map[string]')) {
      shape += 'map.';
      t = t.slice('map[string]'.length).replace(/^\*/, '');
    } else break;
  }
  const builtin = /^(string|bool|int|int64|int32|float64|float32|any|interface\{\}|json\.RawMessage)$/.test(
    t,
  );
  const named = builtin ? t : t.includes('.') ? t : `${pkg}.${t}`;
  return { wrap: shape, type: named };
}

/** Everything reachable from `roots`, each struct once; paths list where a struct is first met. */
function inventory(model, roots) {
  const types = {};
  const paths = [];
  const queue = roots.map(([path, type]) => ({ path, type }));
  while (queue.length > 0) {
    const { path, type } = queue.shift();
    if (types[type]) continue;
    const fields = model.structs[type];
    if (!fields) continue;
    const out = {};
    types[type] = { fields: out };
    for (const [json, f] of Object.entries(fields)) {
      const pkg = type.split('.')[0];
      const { wrap, type: named } = shapeOf(pkg, f.go);
      const entry = { type: `${wrap}${named}` };
      if (f.required) entry.required = true;
      if (model.enums[named]) entry.enum = model.enums[named];
      out[json] = entry;
      const fieldPath = `${path}${path ? '.' : ''}${json}${wrap.replaceAll('map.', '.*').replaceAll('[]', '[]')}`;
      paths.push(fieldPath);
      if (model.structs[named]) queue.push({ path: fieldPath, type: named });
    }
  }
  return { types, paths };
}

const jobs = parseModel('jobs', show('service/jobs/model.go'));
const compute = parseModel('compute', show('service/compute/model.go'));
const pipelines = parseModel('pipelines', show('service/pipelines/model.go'));
const model = {
  structs: { ...jobs.structs, ...compute.structs, ...pipelines.structs },
  enums: { ...jobs.enums, ...compute.enums, ...pipelines.enums },
};
const version = /Version = "([^"]+)"/.exec(show('version/version.go'))?.[1] ?? 'unknown';
const commit = git('rev-parse', ref).trim();
const source = { sdk: 'github.com/databricks/databricks-sdk-go', version, commit };

const outputs = {
  'jobs.json': { schema: 'job.schema.json', roots: [['', 'jobs.JobSettings']] },
  'compute.json': { schema: 'cluster.schema.json', roots: [['', 'compute.CreateCluster']] },
  'pipelines.json': { schema: 'pipeline.schema.json', roots: [['', 'pipelines.CreatePipeline']] },
};
const dir = join(root, 'schemas', 'inventory');
mkdirSync(dir, { recursive: true });
const written = [];
for (const [file, { schema, roots }] of Object.entries(outputs)) {
  const { types, paths } = inventory(model, roots);
  const data = { source, schema, root: roots[0][1], paths, types };
  written.push(join(dir, file));
  writeFileSync(join(dir, file), `${JSON.stringify(data, null, 2)}\n`);
  console.log(
    `schemas/inventory/${file}: ${Object.keys(types).length} types, ${paths.length} field paths (SDK ${version})`,
  );
}
// In the repository's format, so a regeneration from the same SDK changes nothing.
execFileSync(join(root, 'node_modules/.bin/biome'), ['format', '--write', ...written], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
