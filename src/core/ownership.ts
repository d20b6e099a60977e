/**
 * How the tool marks what it owns in a workspace: jobs carry the tag, clusters the custom tag
 * `databricks-dr: <config name>` (DESIGN.md "What the tool owns").
 */
export const MANAGEMENT_TAG = 'databricks-dr';

export function ownedBy(tags: unknown, configName: string): boolean {
  return (
    typeof tags === 'object' &&
    tags !== null &&
    (tags as Record<string, unknown>)[MANAGEMENT_TAG] === configName
  );
}

export function withManagementTag(tags: unknown, configName: string): Record<string, string> {
  return { ...((tags as Record<string, string> | undefined) ?? {}), [MANAGEMENT_TAG]: configName };
}

/** The config named by an object's management tag, if it has one. */
export function ownerOf(tags: unknown): string | undefined {
  const v =
    typeof tags === 'object' && tags !== null ? (tags as Record<string, unknown>)[MANAGEMENT_TAG] : undefined;
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * Whether the config's `adopt:` list (written by import) names exactly this object in this region:
 * the same name with the same id. Adopted objects are owned as if they carried the tag; the next
 * write for a real change adds the tag. A same-named object with another id is not adopted.
 */
export function adoptedBy(
  config: {
    adopt?: Record<
      string,
      { jobs: Record<string, number>; clusters: Record<string, string>; pipelines?: Record<string, string> }
    >;
  },
  region: string,
  kind: 'jobs' | 'clusters' | 'pipelines',
  name: string | undefined,
  id: string | number,
): boolean {
  if (name === undefined) return false;
  const listed = config.adopt?.[region]?.[kind];
  if (!listed) return false;
  const match = Object.entries(listed).find(([n]) =>
    kind === 'jobs' ? n.toLowerCase() === name.toLowerCase() : n === name,
  );
  return match !== undefined && String(match[1]) === String(id);
}

/**
 * Whether a job belongs to this config in this region: tagged for it, or named with its id in the
 * config's `adopt:` list (import), which counts as owned until a deploy adds the tag.
 */
export function ownsJob(
  config: Parameters<typeof adoptedBy>[0] & { name: string },
  region: string,
  job: { job_id: number; settings?: { tags?: unknown; name?: unknown } },
): boolean {
  const name = typeof job.settings?.name === 'string' ? job.settings.name : undefined;
  return ownedBy(job.settings?.tags, config.name) || adoptedBy(config, region, 'jobs', name, job.job_id);
}

/**
 * Whether an all-purpose cluster belongs to this config in this region: tagged for it, or named
 * with its id in the config's `adopt:` list (import), which counts as owned until a deploy adds
 * the tag.
 */
export function ownsCluster(
  config: Parameters<typeof adoptedBy>[0] & { name: string },
  region: string,
  cluster: { cluster_id: string; cluster_name?: string; custom_tags?: unknown },
): boolean {
  return (
    ownedBy(cluster.custom_tags, config.name) ||
    adoptedBy(config, region, 'clusters', cluster.cluster_name, cluster.cluster_id)
  );
}
