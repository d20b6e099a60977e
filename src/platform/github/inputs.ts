/**
 * Action inputs: every name in one place, read the way the runner passes them (INPUT_<NAME>,
 * upper-cased, hyphens kept) and validated before anything runs. The runner applies action.yml
 * defaults; the same defaults live here too, so `node dist/<action>/index.js` run by hand behaves
 * the same.
 */
import * as core from '@actions/core';
import { UsageError } from '../../core/errors.js';

export const Inputs = {
  Command: 'command',
  Config: 'config',
  Regions: 'regions',
  Only: 'only',
  Adopt: 'adopt',
  DryRun: 'dry-run',
  Files: 'files',
  Kind: 'kind',
  GitHubToken: 'github-token',
  To: 'to',
  StartClusters: 'start-clusters',
  StartPipelines: 'start-pipelines',
  CancelRuns: 'cancel-runs',
  FailOnDrift: 'fail-on-drift',
  Deep: 'deep',
  SkipPreflight: 'skip-preflight',
  Drill: 'drill',
  Archive: 'archive',
} as const;

export const Outputs = {
  Result: 'result',
  JobIds: 'job-ids',
  ClusterIds: 'cluster-ids',
  PipelineIds: 'pipeline-ids',
  ActiveRegion: 'active-region',
  Drift: 'drift',
} as const;

export function getString(name: string, fallback = ''): string {
  return core.getInput(name).trim() || fallback;
}

/** A list input: one item per line or comma-separated. */
export function getList(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function getBoolean(name: string, fallback = false): boolean {
  const raw = core.getInput(name).trim();
  if (raw === '') return fallback;
  if (/^(true|True|TRUE)$/.test(raw)) return true;
  if (/^(false|False|FALSE)$/.test(raw)) return false;
  throw new UsageError(`input ${name} must be true or false, got "${raw}"`);
}

export function getChoice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
  const raw = getString(name, fallback);
  if (!(choices as readonly string[]).includes(raw)) {
    throw new UsageError(`input ${name} must be one of ${choices.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}
