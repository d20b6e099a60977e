/**
 * preflight: is each region ready to run this config, before anything is written? A deploy that
 * "succeeded" is not yet a secondary that works: a node type or runtime the secondary region does
 * not offer, a policy or warehouse that exists only in the primary, a principal that was never
 * added there — each is found here, with what to fix, instead of on the day of the disaster.
 *
 * The checks live in checks.ts and offered.ts, their rendering in render.ts; this module runs them
 * for one region.
 */
import type { DatabricksClient } from '../client/index.js';
import type { RegionConfig } from '../config/types.js';
import { freshFacts, type VerifiedFacts } from '../state/state.js';
import type { ProjectDefinitions } from '../validate/types.js';
import {
  identityCheck,
  pinnedClustersCheck,
  principalsCheck,
  referencesCheck,
  rightsCheck,
} from './checks.js';
import { offeredValuesChecks } from './offered.js';
import type {
  KnownValues,
  PreflightCheck,
  PreflightOptions,
  PreflightReport,
  RegionPreflight,
} from './types.js';

export { MAX_PINNED_CLUSTERS } from './checks.js';
export { recordChecks, regionReady, renderChecksMarkdown, renderChecksText } from './render.js';
export type { PreflightCheck, PreflightOptions, PreflightReport } from './types.js';

export async function preflightRegion(
  client: DatabricksClient,
  region: RegionConfig,
  project: ProjectDefinitions,
  options: PreflightOptions = {},
): Promise<PreflightReport> {
  const now = options.now ?? new Date();
  const facts = freshFacts(options.state, now);
  const verified: VerifiedFacts = {
    at: facts?.at ?? now.toISOString(),
    admin: false,
    node_types: [],
    runtimes: [],
    principals: [],
  };
  const run: RegionPreflight = {
    client,
    region,
    project,
    options,
    facts,
    verified,
    knownOf: (values: string[] | undefined): KnownValues => ({
      values: new Set(facts ? values : []),
      note: facts ? ` (checked ${facts.at})` : '',
    }),
  };
  const checks: PreflightCheck[] = [];
  const report = { checks, verified };

  // 1 and 2: reachable, authenticated, and with what rights. Nothing more can be asked of a region
  // that does not answer.
  if (!(await identityCheck(run, checks))) return report;
  checks.push(rightsCheck(run));

  // 3–6 are independent: they run at once, and report in this order.
  const sections = await Promise.all([
    offeredValuesChecks(run),
    referencesCheck(run),
    principalsCheck(run),
    pinnedClustersCheck(run),
  ]);
  for (const section of sections) checks.push(...section);
  return report;
}
