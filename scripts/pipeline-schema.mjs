#!/usr/bin/env node
/**
 * Writes schemas/pipeline.schema.json from the SDK inventory of the Pipelines API
 * (schemas/inventory/pipelines.json, written by scripts/sdk-inventory.mjs from the Go SDK's
 * pipelines.CreatePipeline): every struct becomes a closed object in $defs, every string enum its
 * values. The fields a pipeline file must not carry (the request's own switches and the id the
 * server assigns) are left out, and databricks-dr's own fields are added: `permissions`, `name`
 * required, and in `clusters[]` the policy and pool names that stand for their ids. Run after `npm run inventory`; a test checks the file is current.
 *
 *   node scripts/pipeline-schema.mjs            # write the schema
 *   node scripts/pipeline-schema.mjs --check    # exit 1 when it is out of date
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '..');
const INVENTORY = path.join(ROOT, 'schemas/inventory/pipelines.json');
const OUT = path.join(ROOT, 'schemas/pipeline.schema.json');

/** Fields of the create request that a pipeline file leaves out, with the reason. */
export const LEFT_OUT = {
  'pipelines.CreatePipeline': {
    dry_run: 'a switch of the request (validate only), not a setting of the pipeline',
    allow_duplicate_names:
      'a switch of the request; databricks-dr matches pipelines by name, so names are unique',
    id: 'assigned by the workspace; ids differ per region',
  },
};

const DESCRIPTIONS = {
  name: 'Pipeline name: the key this tool matches the pipeline by in each region.',
  tags: 'Pipeline tags. databricks-dr adds "databricks-dr": <config name> to mark the pipelines it manages.',
  continuous:
    'Run continuously. In a passive region the pipeline is deployed with continuous false; failover restores this value.',
  storage:
    'DBFS or cloud path for checkpoints and tables (Hive metastore pipelines); may differ per region via ${var.X}.',
  target:
    'Hive metastore schema the pipeline publishes to (legacy; use schema with catalog for Unity Catalog).',
  libraries:
    'Notebooks and files of the pipeline. Workspace paths under a notebooks target must be deployed by this repository.',
};

const PERMISSIONS = {
  type: 'array',
  description:
    'databricks-dr: permissions on the pipeline, applied in every region through the Permissions API; authoritative for this pipeline (principals not listed lose their direct permission), except that the deploying identity keeps its own.',
  items: {
    type: 'object',
    properties: {
      user_name: { type: 'string', minLength: 1 },
      group_name: { type: 'string', minLength: 1 },
      service_principal_name: {
        type: 'string',
        minLength: 1,
        description: "The service principal's application id.",
      },
      level: { type: 'string', enum: ['CAN_VIEW', 'CAN_RUN', 'CAN_MANAGE', 'IS_OWNER'] },
    },
    additionalProperties: false,
    required: ['level'],
    oneOf: [
      { required: ['user_name'] },
      { required: ['group_name'] },
      { required: ['service_principal_name'] },
    ],
  },
};

/**
 * databricks-dr's names for ids that differ per workspace, in a pipeline's clusters as in a
 * cluster spec (schemas/cluster.schema.json): resolved to the id in each region at deploy.
 */
const CLUSTER_NAMES = {
  policy_id: {
    policy_name:
      "databricks-dr: the cluster policy's name; resolved to policy_id in each region (ids differ per workspace).",
  },
  instance_pool_id: {
    instance_pool_name:
      "databricks-dr: the instance pool's name; resolved to instance_pool_id in each region.",
  },
  driver_instance_pool_id: {
    driver_instance_pool_name:
      "databricks-dr: the driver's instance pool name; resolved to driver_instance_pool_id in each region.",
  },
};

/** The properties with each name field right after the id it stands for. */
function withClusterNames(properties) {
  const out = {};
  for (const [k, v] of Object.entries(properties)) {
    out[k] = v;
    for (const [name, description] of Object.entries(CLUSTER_NAMES[k] ?? {}))
      out[name] = { type: 'string', minLength: 1, description };
  }
  return out;
}

const defName = (type) => type.replace(/^pipelines\./, '').replace(/^compute\./, 'Compute');

function typeNode(inv, fieldType, enumValues) {
  if (fieldType.startsWith('[]'))
    return { type: 'array', items: typeNode(inv, fieldType.slice(2), enumValues) };
  if (fieldType.startsWith('map.'))
    return { type: 'object', additionalProperties: typeNode(inv, fieldType.slice(4), enumValues) };
  if (inv.types[fieldType]) return { $ref: `#/$defs/${defName(fieldType)}` };
  if (enumValues) return { type: 'string', enum: enumValues };
  switch (fieldType) {
    case 'string':
      return { type: 'string' };
    case 'bool':
      return { type: 'boolean' };
    case 'int':
    case 'int32':
    case 'int64':
      return { type: 'integer' };
    case 'float32':
    case 'float64':
      return { type: 'number' };
    default:
      // any / json.RawMessage / an enum type the SDK gives no values for
      return /^(any|interface\{\}|json\.RawMessage)$/.test(fieldType) ? {} : { type: 'string' };
  }
}

function objectNode(inv, type) {
  const properties = {};
  for (const [name, field] of Object.entries(inv.types[type].fields)) {
    if (LEFT_OUT[type]?.[name]) continue;
    properties[name] = typeNode(inv, field.type, field.enum);
  }
  return { type: 'object', properties, additionalProperties: false };
}

export function pipelineSchema() {
  const inv = JSON.parse(readFileSync(INVENTORY, 'utf8'));
  const $defs = {};
  for (const type of Object.keys(inv.types).sort())
    if (type !== inv.root) $defs[defName(type)] = objectNode(inv, type);
  $defs.PipelineCluster.properties = withClusterNames($defs.PipelineCluster.properties);
  const root = objectNode(inv, inv.root);
  for (const [k, d] of Object.entries(DESCRIPTIONS))
    if (root.properties[k]) root.properties[k] = { ...root.properties[k], description: d };
  root.properties.name = { ...root.properties.name, minLength: 1 };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Lakeflow Declarative Pipeline (pipelines/*.json)',
    description: `Pipelines API create spec (pipelines.CreatePipeline of databricks-sdk-go ${inv.source.version}, commit ${inv.source.commit.slice(0, 12)}), generated by scripts/pipeline-schema.mjs. databricks-dr extensions: permissions, and policy and pool names in clusters.`,
    type: 'object',
    properties: {
      $schema: {
        type: 'string',
        description: 'The JSON Schema of this file (for editors); not sent to Databricks.',
      },
      ...root.properties,
      permissions: PERMISSIONS,
    },
    required: ['name'],
    additionalProperties: false,
    $defs,
  };
}

function formatted() {
  const tmp = path.join(ROOT, 'schemas/.pipeline.schema.tmp.json');
  writeFileSync(tmp, `${JSON.stringify(pipelineSchema(), null, 2)}\n`);
  execFileSync(path.join(ROOT, 'node_modules/.bin/biome'), ['format', '--write', tmp], { stdio: 'ignore' });
  const text = readFileSync(tmp, 'utf8');
  execFileSync('rm', ['-f', tmp]);
  return text;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const text = formatted();
  const now = (() => {
    try {
      return readFileSync(OUT, 'utf8');
    } catch {
      return '';
    }
  })();
  if (process.argv.includes('--check')) {
    if (now !== text) {
      console.error('schemas/pipeline.schema.json is out of date; run node scripts/pipeline-schema.mjs');
      process.exit(1);
    }
  } else if (now !== text) {
    writeFileSync(OUT, text);
    console.log('wrote schemas/pipeline.schema.json');
  }
}
