/** Rules for pipeline files that the schema cannot express. */
import { clusterIdAndNameIssues, tagIssues } from './cluster-rules.js';
import { type Issue, isObject } from './issues.js';

/**
 * The tool's own tag is not written by hand (it marks what a config manages); a cluster's policy
 * or pool is given by id or by name, not both.
 */
export function pipelineIssues(value: unknown): Issue[] {
  if (!isObject(value)) return [];
  const clusters = Array.isArray(value.clusters) ? value.clusters : [];
  return [
    ...tagIssues(value.tags, '/tags', 'tag', undefined),
    ...clusters.flatMap((c, i) => (isObject(c) ? clusterIdAndNameIssues(c, `/clusters/${i}`) : [])),
  ];
}
