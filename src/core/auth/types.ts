/**
 * The seam between the HTTP client and the ways a region authenticates (DESIGN.md "Auth"). The
 * client asks for a token before every attempt, so providers whose tokens expire (Entra, Databricks
 * OIDC) can refresh without the client knowing.
 */
export interface TokenProvider {
  readonly kind: 'pat' | 'entra' | 'databricks-oidc';
  /**
   * Where the credential comes from, in words a user recognises ("environment variable
   * DATABRICKS_TOKEN"). Error messages name it so a wrong or expired token can be traced to its
   * source. Never the credential itself.
   */
  readonly source?: string;
  /** The bearer token. An empty string sends no Authorization header (the API answers 401). */
  token(): Promise<string>;
  /**
   * Extra headers for every request (e.g. the Azure service-principal management token). Values
   * are secrets: the client never logs or reports them.
   */
  headers?(): Promise<Record<string, string>>;
}

/** How `tokenProviderFor` builds providers; every field is optional. */
export interface AuthOptions {
  /**
   * Hides a secret from every later log line (the engine passes `reporter.mask`). Providers call
   * it on every token, ID token (client assertion) and client secret before anything could print
   * it: when a secret is read, and when a token arrives, before it is cached or returned.
   */
  mask?: (secret: string) => void;
  /**
   * Extra CA certificates (PEM) to trust, on top of the process's own, for the Entra authority,
   * the CI ID-token endpoints and the Databricks OIDC exchange. For in-process use with an
   * emulator or a private cloud; a separate process can use NODE_EXTRA_CA_CERTS instead.
   */
  ca?: string | readonly string[];
  /** Refresh a token this long before it expires (capped at half its lifetime). Default 5 min. */
  refreshMarginMs?: number;
  /** The clock for token expiry, in epoch ms. Default Date.now. */
  now?: () => number;
  /** Per-request timeout of the ID-token and OIDC-exchange calls, in ms. Default 30 000. */
  timeoutMs?: number;
  /** Told (as a warning) when a refresh failed and the still-valid old token was used instead. */
  warn?: (message: string) => void;
}
