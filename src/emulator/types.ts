/**
 * The programmatic contract of the emulated Databricks workspace (`databricks-dr emulator`).
 * Tests, benchmarks and the demo use `startEmulator(options)`; the CLI command is a thin wrapper.
 * The persisted state of a workspace is described in workspace-state.ts.
 */

import type { Logger } from '../core/logger.js';
import type { AssetNames } from './assets-api.js';
import type { RateLimits } from './limits.js';
import type { WorkspaceState } from './workspace-state.js';

export type FaultKind = '429' | '503' | 'reset' | 'lost' | 'applied-503' | 'archive-drop';

/**
 * One fault rule (DESIGN.md "Emulator"). A request matching `method` and `path` (exact path, or a
 * prefix when it ends with `*`) gets the fault with probability `p` (default 1), at most `times`
 * times (default unlimited). `lost` applies the request, then drops the connection unanswered.
 * `applied-503` applies the request, then answers 503 — by default with an empty body, as a front
 * door (Azure Front Door, an application gateway) does when the backend answered too late.
 * `archive-drop` answers a directory import (workspace-archive.ts) with success but leaves out
 * every second file of the archive; on any other request it does nothing.
 * `body` picks a real-world error envelope for 429/503: the standard JSON (default, but empty for
 * `applied-503`), an empty body, or an integer `error_code`. `retry_after` sets the Retry-After
 * seconds of a 429/503 (default 1).
 */
export interface FaultRule {
  fault: FaultKind;
  p?: number;
  method?: string;
  path?: string;
  times?: number;
  body?: 'json' | 'empty' | 'int-code';
  retry_after?: number;
}

export interface FaultSpec {
  seed?: number;
  rules: FaultRule[];
}

export type WorkspaceTier = 'premium' | 'standard';

export interface WorkspaceSpec {
  name: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /**
   * The pricing tier (default premium). On standard, secret scopes must be created with
   * `initial_manage_principal: "users"`, and secret ACLs and the Permissions API are refused.
   */
  tier?: WorkspaceTier;
  /**
   * The node type ids `clusters/list-node-types` offers and `clusters/create|edit` accept
   * (default: a realistic Azure list). Known Azure sizes get their real cores and memory.
   */
  nodeTypes?: string[];
  /** The runtime keys `clusters/spark-versions` offers and clusters accept (default: the LTS runtimes). */
  sparkVersions?: string[];
  /** Users besides the caller (SCIM `userName`, e.g. `alice@example.com`). */
  users?: string[];
  /**
   * Groups besides `admins` and `users`, with their members (user names, service principal
   * application ids or group names).
   */
  groups?: Record<string, string[]>;
  /** Service principals (`applicationId`, and a display name that defaults to it). */
  servicePrincipals?: { applicationId: string; displayName?: string }[];
  /**
   * Objects jobs may point at by name, seeded by name: pipelines, SQL alerts and queries, Lakeview
   * and legacy SQL dashboards, notification destinations (each gets this workspace's own id).
   */
  assets?: AssetNames;
}

/** The catalog of a workspace as ids (admin API `POST /__emulator/catalog` and `catalog()`). */
export interface CatalogIds {
  node_types: string[];
  spark_versions: string[];
}

export interface EmulatorOptions {
  workspaces: WorkspaceSpec[];
  /** The PAT every workspace accepts. Default `dapi-emulator`. */
  token?: string;
  /** Added to every /api request before it is answered. Default 0. */
  latencyMs?: number;
  /** 'default' (the documented limits), 'off', or per-family overrides on top of the defaults. */
  rateLimits?: 'default' | 'off' | RateLimits;
  faults?: FaultSpec;
  /** Persist each workspace's state under DIR/<name>.json so a restarted emulator keeps it. */
  stateDir?: string;
  /** Cluster state machine delays in ms (PENDING→RUNNING, TERMINATING→TERMINATED). Default 50/50. */
  clusterStartMs?: number;
  clusterTerminateMs?: number;
  /** Status for jobs/get, clusters/get, runs/get of a missing id: 400 (real API, default) or 404. */
  notFoundStatus?: 400 | 404;
  /** Job run timing in ms: PENDING for runPendingMs, then RUNNING until runDurationMs. Default 20/100. */
  runPendingMs?: number;
  runDurationMs?: number;
  /** The user every token authenticates as. Default `emulator@example.com`. */
  userName?: string;
  /** Start every workspace in read-only mode (every /api write → 403 PERMISSION_DENIED). */
  readOnly?: boolean;
  logger?: Logger;
  /** Log every request through `logger` (the CLI's --verbose). */
  logRequests?: boolean;
  /**
   * The Entra ID authority and CI token stand-ins served next to the workspaces (on by default;
   * `false` leaves them out, e.g. where nothing authenticates but with PATs).
   */
  entra?: EntraOptions | false;
}

/**
 * The emulator's identity services: an Entra ID authority on its own HTTPS port (MSAL accepts
 * only https authorities), a GitHub Actions ID-token endpoint and an Azure DevOps OIDC endpoint on
 * the same server, and Databricks' `/oidc/v1/token` on every workspace. Defaults in brackets.
 */
export interface EntraOptions {
  /** The one tenant the authority serves [00000000-0000-0000-0000-000000000000]. */
  tenantId?: string;
  /** The app registration it knows [dr-deployer]. */
  clientId?: string;
  /** That app's client secret [emulator-secret]. */
  clientSecret?: string;
  /** Port of the HTTPS authority [0: a free one]. */
  port?: number;
  /** Lifetime (s) of access tokens from the authority and from each workspace's /oidc/v1/token [3599]. */
  tokenLifetimeSeconds?: number;
  /** Lifetime (s) of the ID tokens the GitHub and Azure DevOps stand-ins issue [300]. */
  idTokenLifetimeSeconds?: number;
  /** `sub` of the GitHub stand-in's ID tokens [repo:example-org/example-repo:environment:production]. */
  githubSubject?: string;
  /**
   * The subjects the app's federated credentials (and the Databricks federation policy) accept;
   * absent: any. Entra answers a mismatch with AADSTS700213, Databricks with 401 invalid_client.
   */
  federatedSubjects?: string[];
  /** What the GitHub stand-in requires as ACTIONS_ID_TOKEN_REQUEST_TOKEN [random]. */
  idTokenRequestToken?: string;
  /** What the Azure DevOps stand-in requires as SYSTEM_ACCESSTOKEN [random]. */
  systemAccessToken?: string;
  /** The service principal (application id) the Databricks federation policy admits [clientId]. */
  databricksClientId?: string;
  /**
   * Audiences the Databricks federation policy accepts besides each workspace's own token
   * endpoint URL (go-sdk's default) [the emulator's account id].
   */
  databricksAudiences?: string[];
}

/** One request the authority server answered. */
export interface AuthorityRequestLogEntry {
  method: string;
  /** Path without the query string. */
  path: string;
  status: number;
  /** For token requests: how the client authenticated. */
  grant?: 'client_secret' | 'client_assertion';
  /** The AADSTS code (e.g. 'AADSTS7000215') or OAuth error of a refused request. */
  error?: string;
}

/** The running identity services (see EntraOptions). */
export interface EntraAuthority {
  /** https://127.0.0.1:PORT — the `authority_host` to configure. */
  readonly authorityHost: string;
  /** A PEM file with the CA that signed the authority's certificate (for NODE_EXTRA_CA_CERTS). */
  readonly caFile: string;
  /** The same CA as PEM text, for in-process clients. */
  readonly caCert: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** ACTIONS_ID_TOKEN_REQUEST_URL of the GitHub stand-in (clients append `&audience=…`). */
  readonly idTokenRequestUrl: string;
  /** ACTIONS_ID_TOKEN_REQUEST_TOKEN it requires. */
  readonly idTokenRequestToken: string;
  /** SYSTEM_OIDCREQUESTURI of the Azure DevOps stand-in. */
  readonly oidcRequestUri: string;
  /** SYSTEM_ACCESSTOKEN it requires. */
  readonly systemAccessToken: string;
  /** The application id the workspaces' Databricks federation policy admits. */
  readonly databricksClientId: string;
  /** Changes the lifetime of access tokens issued from now on (e.g. short ones to test refresh). */
  setTokenLifetime(seconds: number): void;
  /** An ID token as the GitHub stand-in would issue it. */
  issueIdToken(audience: string, subject?: string): string;
  requests(): AuthorityRequestLogEntry[];
  clearRequests(): void;
  /**
   * The environment a child process needs to authenticate here the way it would on a runner:
   * AZURE_AUTHORITY_HOST, NODE_EXTRA_CA_CERTS, ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN,
   * SYSTEM_OIDCREQUESTURI, SYSTEM_ACCESSTOKEN.
   */
  env(): Record<string, string>;
}

export interface RequestLogEntry {
  method: string;
  /** Path without the query string. */
  path: string;
  status: number;
  /** True for a request that changes state (every POST/PUT/PATCH/DELETE under /api). */
  mutation: boolean;
  ms: number;
  /** Set when a fault rule answered the request. */
  fault?: FaultKind;
  /** Workspace API writes with a JSON body: the workspace path written (import, mkdirs, delete). */
  object?: string;
}

export interface EmulatedWorkspace {
  readonly name: string;
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly token: string;
  /** A deep copy of the workspace's state (the same document GET /__emulator/state returns). */
  state(): WorkspaceState;
  requests(): RequestLogEntry[];
  clearRequests(): void;
  setFaults(spec: FaultSpec | undefined): void;
  setReadOnly(enabled: boolean): void;
  /** While down, every /api request has its connection dropped unanswered (an unreachable region). */
  setOutage(down: boolean): void;
  /** Switches the pricing tier (takes effect with the next request). */
  setTier(tier: WorkspaceTier): void;
  /** Replaces the node types and/or runtimes the workspace offers (absent: unchanged). */
  setCatalog(catalog: { nodeTypes?: string[]; sparkVersions?: string[] }): void;
  /** The node type ids and runtime keys the workspace offers now. */
  catalog(): CatalogIds;
  addToken(token: string, kind: 'pat' | 'entra'): void;
  /** Stops serving (the port is released); state is kept in memory and on disk. */
  stop(): Promise<void>;
  /** Serves again on the same port with the same state. */
  restart(): Promise<void>;
}

export interface Emulator {
  readonly workspaces: EmulatedWorkspace[];
  workspace(name: string): EmulatedWorkspace;
  stop(): Promise<void>;
  /** The identity services; absent when started with `entra: false`. */
  readonly entra?: EntraAuthority;
  /** Shorthands for `entra.authorityHost`, `entra.caFile` and the credentials it accepts. */
  readonly authorityHost?: string;
  readonly caFile?: string;
  readonly tenantId?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
}
