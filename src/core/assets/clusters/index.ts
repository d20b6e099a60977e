/**
 * All-purpose clusters: matched by `cluster_name` among the clusters this config owns (custom tag
 * `databricks-dr: <name>`), edited only when the spec really differs (an edit restarts a running
 * cluster), always pinned, and terminated in a passive region.
 */
import { type ClusterDetails, type ClusterSpec, createAtMostOnce } from '../../client/index.js';
import { ownedBy, ownerOf, ownsCluster, withManagementTag } from '../../ownership.js';
import {
  applyChanges,
  type PlannedChange,
  planned,
  reportStage,
  type StageReport,
} from '../../plan/apply.js';
import type { AssetKind } from '../../plan/types.js';
import { adoptionError, countUnchanged, noteUnmanaged, type RegionContext } from '../../session/context.js';
import { aclToWrite, type PermissionEntry, writePermissions } from '../permissions/index.js';
import { describeMissing, type MissingReference, resolveClusterSpec } from '../references/index.js';
import { differingFields } from '../shared/compare.js';
import {
  CLUSTER_COMPARE,
  clusterSettingsOf,
  comparableClusters,
  withManagedClusterTag,
} from '../shared/normalize.js';

/** States an edit is accepted in; others are waited out. */
const STABLE = new Set(['RUNNING', 'TERMINATED', 'ERROR', 'UNKNOWN']);
const RUNNING_LIKE = new Set(['PENDING', 'RUNNING', 'RESTARTING', 'RESIZING']);

/** A cluster in one of these states holds compute: a passive region terminates it. */
export function isRunningLike(state: unknown): boolean {
  return RUNNING_LIKE.has(String(state));
}

export async function listClusters(ctx: RegionContext): Promise<ClusterDetails[]> {
  return ctx.client.clusters.listAll({ clusterSources: ['API', 'UI'] });
}

/** Cluster name → id in a region: this config's clusters and its external ones. */
export type ClusterIds = Map<string, string>;

/**
 * A region's clusters stage: this config's clusters deployed (`--only` with clusters), or only
 * their ids read (`--only jobs`). Reports the ids the jobs resolve cluster names with (`<new cluster …>` in a plan
 * for one not created yet), as far as it got when an error stopped it.
 */
export async function clusterStage(
  ctx: RegionContext,
  kinds: readonly AssetKind[],
  listed: Promise<ClusterDetails[]> = listClusters(ctx),
): Promise<StageReport & { clusterIds: ClusterIds }> {
  const clusterIds: ClusterIds = new Map();
  const report = await reportStage({ recorded: false }, async () => {
    const clusters = await listed;
    resolveExternalClusters(ctx, clusters, clusterIds);
    if (kinds.includes('cluster')) await deployClusters(ctx, clusters, clusterIds);
    else resolveManagedClusters(ctx, clusters, clusterIds);
  });
  return { ...report, clusterIds };
}

/** Adds the external clusters the jobs may reference (by name, any owner) to `ids`. */
function resolveExternalClusters(ctx: RegionContext, all: ClusterDetails[], ids: ClusterIds): void {
  for (const name of ctx.config.external_clusters) {
    const matches = all.filter((c) => c.cluster_name === name);
    if (matches.length === 1) ids.set(name, matches[0].cluster_id);
    else if (matches.length > 1)
      ctx.result.errors.push(
        `external cluster "${name}" is ambiguous in region ${ctx.region.name}: ${matches.length} clusters have that name; rename all but one`,
      );
  }
}

/** Plans and applies this config's clusters; `ids` gets each one's id (a placeholder until created). */
async function deployClusters(ctx: RegionContext, all: ClusterDetails[], ids: ClusterIds): Promise<void> {
  const owned = all.filter((c) => ownsCluster(ctx.config, ctx.region.name, c));
  const changes: PlannedChange[] = [];
  let unchanged = 0;
  const desiredNames = new Set<string>();
  for (const def of ctx.project.clusters) {
    const written = def.byRegion[ctx.region.name];
    const name = String(written.cluster_name ?? def.name);
    desiredNames.add(name);
    const target = desiredCluster(ctx, name, written, all, owned);
    if (!target) continue;
    if (!target.existing) {
      changes.push(planCreate(ctx, name, target, ids));
      ids.set(name, `<new cluster ${name}>`);
      continue;
    }
    const existing = { ...target, existing: target.existing };
    if (await planExisting(ctx, name, existing, changes, ids)) unchanged++;
  }
  countUnchanged(ctx, 'cluster', unchanged);
  planDroppedClusters(ctx, owned, desiredNames, changes);
  for (const name of Object.keys(ctx.state.clusters))
    if (!desiredNames.has(name)) delete ctx.state.clusters[name];

  await applyChanges(ctx, 'cluster', changes, { concurrency: 4 });
}

/** A cluster of the repo: its spec for this region and the one it is in the workspace, if any. */
interface DesiredCluster {
  spec: ClusterSpec;
  permissions: PermissionEntry[] | undefined;
  existing: ClusterDetails | undefined;
}

/**
 * Resolves a cluster's spec for the region and finds the cluster it is (owned, or to be adopted).
 * Undefined, with an error recorded, when it cannot be deployed.
 */
function desiredCluster(
  ctx: RegionContext,
  name: string,
  written: Record<string, unknown>,
  all: ClusterDetails[],
  owned: ClusterDetails[],
): DesiredCluster | undefined {
  const { permissions: rawPermissions, ...file } = written;
  const permissions = rawPermissions as PermissionEntry[] | undefined;
  const missing: MissingReference[] = [];
  const spec = resolveClusterSpec(
    withManagedClusterTag(file, ctx.config.name),
    ctx.catalog,
    missing,
  ) as ClusterSpec;
  if (missing.length > 0) {
    ctx.result.errors.push(`cluster "${name}": ${describeMissing(missing, ctx.region.name)}`);
    return undefined;
  }
  const mine = owned.filter((c) => c.cluster_name === name);
  if (mine.length > 1) {
    ctx.result.errors.push(
      `cluster "${name}" is ambiguous in region ${ctx.region.name}: ${mine.length} clusters owned by ${ctx.config.name} ` +
        `have that name (${mine.map((c) => c.cluster_id).join(', ')}); delete the extra ones`,
    );
    return undefined;
  }
  if (mine[0]) return { spec, permissions, existing: mine[0] };
  const others = all.filter((c) => c.cluster_name === name);
  const problem = adoptionError(ctx, 'cluster', name, others.length, {
    owners: others.map((c) => ownerOf(c.custom_tags)),
  });
  if (problem) {
    ctx.result.errors.push(problem);
    return undefined;
  }
  return { spec, permissions, existing: others[0] };
}

/** Whether this region keeps its clusters terminated (passive, `passive.terminate_clusters`). */
const keptTerminated = (ctx: RegionContext) =>
  ctx.role === 'passive' && ctx.config.passive.terminate_clusters;

function planCreate(
  ctx: RegionContext,
  name: string,
  { spec, permissions }: DesiredCluster,
  ids: ClusterIds,
): PlannedChange {
  const api = ctx.client.clusters;
  const passive = keptTerminated(ctx);
  return planned(
    'cluster',
    name,
    'create',
    async () => {
      const id = await createOnce(ctx, name, spec);
      ids.set(name, id);
      ctx.state.clusters[name] = { cluster_id: id };
      await api.pin(id);
      if (permissions) {
        const acl = await aclToWrite(ctx, 'clusters', id, permissions);
        if (acl) await writePermissions(ctx.client, 'clusters', id, acl);
      }
      if (passive) await api.terminate(id);
    },
    { passive },
  );
}

/**
 * An existing cluster: its spec and permissions updated where they differ, pinned, terminated in a
 * passive region. True when nothing is to be written.
 */
async function planExisting(
  ctx: RegionContext,
  name: string,
  { spec, permissions, existing }: DesiredCluster & { existing: ClusterDetails },
  changes: PlannedChange[],
  ids: ClusterIds,
): Promise<boolean> {
  const api = ctx.client.clusters;
  const passive = keptTerminated(ctx);
  const id = existing.cluster_id;
  ids.set(name, id);
  ctx.state.clusters[name] = { cluster_id: id };
  // An adopted cluster (import) is compared as if it carried the tag: taking it over writes nothing.
  const settings = clusterSettingsOf(existing);
  const [d, a] = comparableClusters(
    spec,
    ownsCluster(ctx.config, ctx.region.name, existing)
      ? { ...settings, custom_tags: withManagementTag(settings.custom_tags, ctx.config.name) }
      : settings,
  );
  const fields = differingFields(d, a, CLUSTER_COMPARE);
  const specChanged = fields.length > 0;
  const acl = permissions ? await aclToWrite(ctx, 'clusters', id, permissions) : undefined;
  if (acl) fields.push('permissions');
  const running = isRunningLike(existing.state);
  if (fields.length > 0) {
    const update = async () => {
      if (specChanged) {
        await waitForStable(ctx, id);
        await api.edit(id, spec);
      }
      if (acl) await writePermissions(ctx.client, 'clusters', id, acl);
      if (!existing.is_pinned) await api.pin(id);
      if (passive) {
        const now = await api.get(id);
        if (isRunningLike(now.state)) await api.terminate(id);
      }
    };
    changes.push(planned('cluster', name, 'update', update, { fields, id }));
    return false;
  }
  if (!existing.is_pinned) changes.push(planned('cluster', name, 'pin', () => api.pin(id), { id }));
  if (passive && running)
    changes.push(planned('cluster', name, 'terminate', () => api.terminate(id), { id }));
  return existing.is_pinned === true && !(passive && running);
}

/** Owned clusters the repo no longer names: deleted when pruned, else reported. */
function planDroppedClusters(
  ctx: RegionContext,
  owned: ClusterDetails[],
  desiredNames: Set<string>,
  changes: PlannedChange[],
): void {
  for (const c of owned) {
    if (desiredNames.has(String(c.cluster_name))) continue;
    if (ctx.config.prune.clusters) {
      changes.push(
        planned(
          'cluster',
          String(c.cluster_name),
          'delete',
          () => ctx.client.clusters.permanentDelete(c.cluster_id),
          {
            id: c.cluster_id,
          },
        ),
      );
    } else {
      noteUnmanaged(ctx, 'cluster', String(c.cluster_name), 'prune.clusters');
    }
  }
}

/**
 * Creates a cluster at most once (createAtMostOnce): after an answer that leaves the outcome
 * unknown, the cluster is looked up by name and owner tag, which the create request carries.
 */
function createOnce(ctx: RegionContext, name: string, spec: ClusterSpec): Promise<string> {
  return createAtMostOnce({
    create: async () => (await ctx.client.clusters.create(spec)).cluster_id,
    lookUp: async () =>
      (await listClusters(ctx)).find(
        (c) => c.cluster_name === name && ownedBy(c.custom_tags, ctx.config.name),
      )?.cluster_id,
  });
}

/** Waits until a cluster can be edited (not starting, restarting, resizing or terminating). */
async function waitForStable(ctx: RegionContext, id: string, timeoutMs = 30 * 60_000): Promise<void> {
  const start = Date.now();
  let delay = 200;
  for (;;) {
    const c = await ctx.client.clusters.get(id);
    if (STABLE.has(String(c.state))) return;
    if (Date.now() - start > timeoutMs)
      throw new Error(
        `cluster ${id} in region ${ctx.region.name} stayed ${c.state} for ${Math.round(timeoutMs / 60000)} min`,
      );
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 10_000);
  }
}

/** Cluster ids by name when the clusters stage does not run (`--only jobs`): read, never write. */
function resolveManagedClusters(ctx: RegionContext, all: ClusterDetails[], ids: ClusterIds): void {
  for (const def of ctx.project.clusters) {
    const name = String(def.byRegion[ctx.region.name].cluster_name ?? def.name);
    const mine = all.filter((c) => c.cluster_name === name && ownsCluster(ctx.config, ctx.region.name, c));
    if (mine.length === 1) ids.set(name, mine[0].cluster_id);
  }
}
