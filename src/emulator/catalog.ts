/**
 * What a workspace offers to build clusters from: its node types (VM sizes) and Databricks Runtime
 * versions, served by `clusters/list-node-types` and `clusters/spark-versions` and enforced by
 * `clusters/create|edit` and `instance-pools/create|edit`. Each workspace has its own catalog
 * (`WorkspaceSpec.nodeTypes` / `sparkVersions`, `POST /__emulator/catalog`), so a rehearsal can
 * model a region that lacks a VM size the primary uses.
 */
import type { ApiContext, Router } from './context.js';
import { invalidParameter, type JsonObject } from './http.js';

/** One entry of `list-node-types` (the fields Azure Databricks returns). */
export interface NodeTypeInfo {
  node_type_id: string;
  memory_mb: number;
  num_cores: number;
  num_gpus?: number;
  description: string;
  instance_type_id: string;
  category: string;
  is_deprecated: boolean;
  is_hidden: boolean;
  is_io_cache_enabled: boolean;
  photon_worker_capable: boolean;
  photon_driver_capable: boolean;
  support_port_forwarding: boolean;
  support_ebs_volumes: boolean;
  support_cluster_tags: boolean;
  display_order: number;
  node_instance_type: { instance_type_id: string; local_disks: number; local_disk_size_gb: number };
}

export interface SparkVersionInfo {
  key: string;
  name: string;
}

export interface Catalog {
  nodeTypes: NodeTypeInfo[];
  sparkVersions: SparkVersionInfo[];
}

type Category =
  | 'General Purpose'
  | 'Memory Optimized'
  | 'Compute Optimized'
  | 'Storage Optimized'
  | 'GPU Accelerated';

/** Azure VM sizes Databricks offers: [id, cores, memory GiB, category, local disk GiB, GPUs]. */
const AZURE_NODE_TYPES: [string, number, number, Category, number, number?][] = [
  ['Standard_DS3_v2', 4, 14, 'General Purpose', 28],
  ['Standard_DS4_v2', 8, 28, 'General Purpose', 56],
  ['Standard_DS5_v2', 16, 56, 'General Purpose', 112],
  ['Standard_D3_v2', 4, 14, 'General Purpose', 200],
  ['Standard_D4s_v3', 4, 16, 'General Purpose', 32],
  ['Standard_D8s_v3', 8, 32, 'General Purpose', 64],
  ['Standard_D16s_v3', 16, 64, 'General Purpose', 128],
  ['Standard_D4ds_v5', 4, 16, 'General Purpose', 150],
  ['Standard_D8ds_v5', 8, 32, 'General Purpose', 300],
  ['Standard_D16ds_v5', 16, 64, 'General Purpose', 600],
  ['Standard_D32ds_v5', 32, 128, 'General Purpose', 1200],
  ['Standard_E4ds_v4', 4, 32, 'Memory Optimized', 150],
  ['Standard_E8ds_v4', 8, 64, 'Memory Optimized', 300],
  ['Standard_E16ds_v4', 16, 128, 'Memory Optimized', 600],
  ['Standard_E4ds_v5', 4, 32, 'Memory Optimized', 150],
  ['Standard_E8ds_v5', 8, 64, 'Memory Optimized', 300],
  ['Standard_E16ds_v5', 16, 128, 'Memory Optimized', 600],
  ['Standard_F4s', 4, 8, 'Compute Optimized', 16],
  ['Standard_F8s', 8, 16, 'Compute Optimized', 32],
  ['Standard_F4s_v2', 4, 8, 'Compute Optimized', 32],
  ['Standard_F8s_v2', 8, 16, 'Compute Optimized', 64],
  ['Standard_F16s_v2', 16, 32, 'Compute Optimized', 128],
  ['Standard_L8s_v3', 8, 64, 'Storage Optimized', 80],
  ['Standard_L16s_v3', 16, 128, 'Storage Optimized', 160],
  ['Standard_NC4as_T4_v3', 4, 28, 'GPU Accelerated', 176, 1],
  ['Standard_NC8as_T4_v3', 8, 56, 'GPU Accelerated', 352, 1],
  ['Standard_NC6s_v3', 6, 112, 'GPU Accelerated', 736, 1],
];

/** Runtime keys with their display names (spark-versions): the LTS releases, Azure spelling. */
const RUNTIMES: [string, string][] = [
  ['13.3.x-scala2.12', '13.3 LTS (includes Apache Spark 3.4.1, Scala 2.12)'],
  ['13.3.x-photon-scala2.12', '13.3 LTS Photon (includes Apache Spark 3.4.1, Scala 2.12)'],
  ['13.3.x-cpu-ml-scala2.12', '13.3 LTS ML (includes Apache Spark 3.4.1, Scala 2.12)'],
  ['13.3.x-gpu-ml-scala2.12', '13.3 LTS ML (includes Apache Spark 3.4.1, GPU, Scala 2.12)'],
  ['14.3.x-scala2.12', '14.3 LTS (includes Apache Spark 3.5.0, Scala 2.12)'],
  ['14.3.x-photon-scala2.12', '14.3 LTS Photon (includes Apache Spark 3.5.0, Scala 2.12)'],
  ['14.3.x-cpu-ml-scala2.12', '14.3 LTS ML (includes Apache Spark 3.5.0, Scala 2.12)'],
  ['14.3.x-gpu-ml-scala2.12', '14.3 LTS ML (includes Apache Spark 3.5.0, GPU, Scala 2.12)'],
  ['15.4.x-scala2.12', '15.4 LTS (includes Apache Spark 3.5.0, Scala 2.12)'],
  ['15.4.x-photon-scala2.12', '15.4 LTS Photon (includes Apache Spark 3.5.0, Scala 2.12)'],
  ['15.4.x-cpu-ml-scala2.12', '15.4 LTS ML (includes Apache Spark 3.5.0, Scala 2.12)'],
  ['15.4.x-gpu-ml-scala2.12', '15.4 LTS ML (includes Apache Spark 3.5.0, GPU, Scala 2.12)'],
  ['16.4.x-scala2.12', '16.4 LTS (includes Apache Spark 3.5.2, Scala 2.12)'],
  ['16.4.x-scala2.13', '16.4 LTS (includes Apache Spark 3.5.2, Scala 2.13)'],
  ['16.4.x-cpu-ml-scala2.12', '16.4 LTS ML (includes Apache Spark 3.5.2, Scala 2.12)'],
  ['16.4.x-gpu-ml-scala2.12', '16.4 LTS ML (includes Apache Spark 3.5.2, GPU, Scala 2.12)'],
  ['17.3.x-scala2.13', '17.3 LTS (includes Apache Spark 4.0.0, Scala 2.13)'],
];

function nodeType(
  id: string,
  cores: number,
  memoryGb: number,
  category: Category,
  diskGb: number,
  gpus?: number,
): NodeTypeInfo {
  const gpu = category === 'GPU Accelerated';
  return {
    node_type_id: id,
    memory_mb: memoryGb * 1024,
    num_cores: cores,
    ...(gpus ? { num_gpus: gpus } : {}),
    description: id,
    instance_type_id: id,
    category,
    is_deprecated: false,
    is_hidden: false,
    // The disk cache needs local SSDs: the d (local disk) and L series.
    is_io_cache_enabled: /^Standard_(L\d+s|[DE]\d+ds)/.test(id),
    photon_worker_capable: !gpu,
    photon_driver_capable: !gpu,
    support_port_forwarding: true,
    support_ebs_volumes: false,
    support_cluster_tags: true,
    display_order: 0,
    node_instance_type: { instance_type_id: id, local_disks: 1, local_disk_size_gb: diskGb },
  };
}

const KNOWN_NODE_TYPES = new Map(AZURE_NODE_TYPES.map((t) => [t[0], nodeType(...t)]));
const KNOWN_RUNTIMES = new Map(RUNTIMES);

/** A node type given by id: from the table, or synthesized (cores from the size digits). */
function nodeTypeFor(id: string): NodeTypeInfo {
  const known = KNOWN_NODE_TYPES.get(id);
  if (known) return structuredClone(known);
  const cores = Number(/^Standard_[A-Za-z]+(\d+)/.exec(id)?.[1] ?? 4) || 4;
  return nodeType(id, cores, cores * 4, 'General Purpose', cores * 8);
}

/** A runtime given by key: its real name, or one derived from the key. */
function runtimeFor(key: string): SparkVersionInfo {
  const known = KNOWN_RUNTIMES.get(key);
  if (known) return { key, name: known };
  const m = /^(\d+\.\d+)\.x-(?:(photon|cpu-ml|gpu-ml)-)?scala(\d+\.\d+)$/.exec(key);
  if (!m) return { key, name: key };
  const flavour = m[2] === 'photon' ? ' Photon' : m[2] ? ' ML' : '';
  return { key, name: `${m[1]}${flavour} (includes Apache Spark, Scala ${m[3]})` };
}

export const DEFAULT_NODE_TYPES: readonly string[] = AZURE_NODE_TYPES.map((t) => t[0]);
export const DEFAULT_SPARK_VERSIONS: readonly string[] = RUNTIMES.map((r) => r[0]);

/** Validates a list of catalog ids (options, CLI, admin API); returns an error or undefined. */
export function catalogListError(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.trim() !== ''))
    return `${field} must be an array of non-empty strings`;
  if (new Set(value).size !== value.length) return `${field} lists an entry twice`;
  return undefined;
}

export function buildCatalog(nodeTypes?: readonly string[], sparkVersions?: readonly string[]): Catalog {
  return {
    nodeTypes: (nodeTypes ?? DEFAULT_NODE_TYPES).map(nodeTypeFor),
    sparkVersions: (sparkVersions ?? DEFAULT_SPARK_VERSIONS).map(runtimeFor),
  };
}

/** The ids of a catalog, as the admin API and `WorkspaceSpec` take them. */
export function catalogIds(catalog: Catalog): { node_types: string[]; spark_versions: string[] } {
  return {
    node_types: catalog.nodeTypes.map((n) => n.node_type_id),
    spark_versions: catalog.sparkVersions.map((v) => v.key),
  };
}

/**
 * The real service's 400 for a VM size the workspace's region does not offer, listing those it
 * does ("Node type m4.large is not supported. Supported node types: Standard_DS3_v2, …", tf #220).
 */
export function checkNodeType(ctx: ApiContext, id: unknown): void {
  if (typeof id !== 'string') return;
  const offered = ctx.workspace.catalog.nodeTypes;
  if (offered.some((n) => n.node_type_id === id)) return;
  throw invalidParameter(
    `Node type ${id} is not supported. Supported node types: ${offered.map((n) => n.node_type_id).join(', ')}`,
  );
}

/** "Invalid spark version 13.0.x-scala2.11." (databricks-sdk-java #54, dbx #782). */
export function checkSparkVersion(ctx: ApiContext, key: unknown): void {
  if (typeof key !== 'string') return;
  if (ctx.workspace.catalog.sparkVersions.some((v) => v.key === key)) return;
  throw invalidParameter(`Invalid spark version ${key}.`);
}

/** The catalog checks of an all-purpose cluster spec (create/edit). */
export function checkClusterCatalog(ctx: ApiContext, spec: JsonObject): void {
  checkSparkVersion(ctx, spec.spark_version);
  checkNodeType(ctx, spec.node_type_id);
  checkNodeType(ctx, spec.driver_node_type_id);
}

function listNodeTypes(_req: unknown, ctx: ApiContext): unknown {
  return { node_types: structuredClone(ctx.workspace.catalog.nodeTypes) };
}

function sparkVersions(_req: unknown, ctx: ApiContext): unknown {
  return { versions: ctx.workspace.catalog.sparkVersions.map((v) => ({ ...v })) };
}

export function registerCatalog(router: Router): void {
  router.addVersions('GET', ['2.0', '2.1'], 'clusters/list-node-types', listNodeTypes);
  router.addVersions('GET', ['2.0', '2.1'], 'clusters/spark-versions', sparkVersions);
}
