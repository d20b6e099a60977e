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
