/** The typed form of `databricks-dr.yml` (DESIGN.md "Config"). */

export type AuthConfig =
  | { type: 'pat'; token_env: string }
  | {
      type: 'azure-client-secret';
      tenant_id: string;
      client_id: string;
      client_secret_env: string;
      authority_host?: string;
      workspace_resource_id?: string;
    }
  | {
      type: 'azure-oidc';
      tenant_id: string;
      client_id: string;
      authority_host?: string;
      workspace_resource_id?: string;
    }
  | { type: 'azure-cli'; authority_host?: string; workspace_resource_id?: string }
  | {
      type: 'azure-pipelines';
      tenant_id: string;
      client_id: string;
      service_connection_id: string;
      authority_host?: string;
      workspace_resource_id?: string;
    }
  | { type: 'azure-msi'; client_id?: string; authority_host?: string; workspace_resource_id?: string }
  | { type: 'databricks-oidc'; client_id: string; audience?: string };

export type AuthType = AuthConfig['type'];

export const AUTH_TYPES: readonly AuthType[] = [
  'pat',
  'azure-client-secret',
  'azure-oidc',
  'azure-cli',
  'azure-pipelines',
  'azure-msi',
  'databricks-oidc',
];

export type Role = 'active' | 'passive';

export interface RegionConfig {
  name: string;
  host: string;
  /** The starting role only: after a failover the state files decide. */
  role: Role;
  auth: AuthConfig;
  variables: Record<string, string>;
}

export interface NotebookMapping {
  source: string;
  target: string;
  delete_orphans: boolean;
}

export interface DrConfig {
  version: 1;
  name: string;
  /** Absolute path of the config file; relative paths in it resolve against its folder. */
  file: string;
  baseDir: string;
  regions: RegionConfig[];
  notebooks: NotebookMapping[];
  jobs: string[];
  clusters: string[];
  /** Lakeflow Declarative Pipeline files (globs). */
  pipelines: string[];
  secret_scopes: string[];
  external_clusters: string[];
  prune: { jobs: boolean; clusters: boolean; pipelines: boolean; secret_scopes: boolean };
  passive: { max_concurrent_runs: number; pause_schedules: boolean; terminate_clusters: boolean };
  validation: { unknown_fields: 'error' | 'warn' };
  /**
   * Objects that existed before this config (written by `import`), per region: owned as if they
   * carried the management tag, without --adopt. Jobs and clusters by name and id (a same-named
   * object with another id is not adopted), scopes by name, notebook folders by target.
   */
  adopt: Record<string, AdoptedObjects>;
  /** failover --drill: the smoke job run in the promoted region. */
  drill?: { job: string; timeout_minutes: number };
  /** deploy settings: `archive: false` uploads every notebook on its own (as --no-archive). */
  deploy?: { archive?: boolean };
  /** The per-region lock of the writing commands (state/lock.ts); absent keys take the defaults. */
  lock?: { wait_seconds?: number; lease_seconds?: number };
}

export interface AdoptedObjects {
  jobs: Record<string, number>;
  clusters: Record<string, string>;
  /** Pipeline name → pipeline_id (absent in configs written before pipelines). */
  pipelines?: Record<string, string>;
  secret_scopes: string[];
  notebooks: string[];
}
