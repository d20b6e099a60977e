/** Rules for pipeline files that the schema cannot express. */
import { tagIssues } from './cluster-rules.js';
import { type Issue, isObject } from './issues.js';

/** The tool's own tag is not written by hand (it marks what a config manages). */
export function pipelineIssues(value: unknown): Issue[] {
  if (!isObject(value)) return [];
  return tagIssues(value.tags, '/tags', 'tag', undefined);
}
