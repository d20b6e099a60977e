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
