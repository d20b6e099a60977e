/** What validation returns, and what the deploy engine takes from it. */
import type { DrConfig } from '../config/types.js';
import type { Diagnostic } from '../errors.js';
import type { NotebookEntry } from './notebooks.js';
import type { DefinitionKind } from './schemas.js';

export type { DefinitionKind, NotebookEntry };

/** One job, cluster or secret scope definition, as each region receives it. */
export interface Definition {
  kind: Exclude<DefinitionKind, 'config'>;
  /** Absolute path of the file. */
  file: string;
  /** The file as diagnostics show it (relative to the current directory or the config's folder). */
  path: string;
  /**
   * The name the object is matched by (job `name`, cluster `cluster_name`, scope `scope`) in the
   * first region of the config; `byRegion[r]` holds each region's own (names may use ${region.name}).
   */
  name: string;
  /**
   * The definition per region name: `${var.X}` / `${region.*}` substituted, whole references typed
   * (`"${var.workers}"` → 4), `$schema` removed. Otherwise as written: a Jobs 2.0 single-task job
   * stays in that form, and `existing_cluster_name` is still a name (the deploy engine converts).
   */
  byRegion: Record<string, Record<string, unknown>>;
}

/** Everything the config deploys, validated. Present when the config itself loaded. */
export interface ProjectDefinitions {
  config: DrConfig;
  /** Region names in config order. */
  regions: string[];
  jobs: Definition[];
  clusters: Definition[];
  /** Lakeflow Declarative Pipelines (pipelines/*.json). */
  pipelines: Definition[];
  scopes: Definition[];
  /** Every file under each `notebooks[].source`, with the workspace path it deploys to. */
  notebooks: NotebookEntry[];
}

export interface ValidationReport {
  /** Every problem found, sorted by file, line and column. Errors and warnings. */
  diagnostics: Diagnostic[];
  /** Files checked: the config, the definitions and the notebook files. */
  files: number;
  config?: DrConfig;
  /**
   * The validated definitions per region (validateProject only, when the config loaded). Use it
   * only when `hasErrors(report)` is false.
   */
  project?: ProjectDefinitions;
}

export interface ValidateProjectOptions {
  /** Environment for `DATABRICKS_DR_HOST_<REGION>` overrides (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Directory that diagnostics' paths are relative to (default process.cwd()). */
  cwd?: string;
}

export interface ValidateFilesOptions {
  /** The kind of every file; default: from its folder (jobs/, clusters/, secret-scopes/) or content. */
  kind?: DefinitionKind;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export function hasErrors(report: Pick<ValidationReport, 'diagnostics'>): boolean {
  return report.diagnostics.some((d) => d.severity === 'error');
}
