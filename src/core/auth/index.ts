/**
 * Picks each region's token provider from the config. Entra and Databricks-OIDC providers plug in
 * here; until they exist those types are refused before any request with a message that says so.
 */
import type { RegionConfig } from '../config/types.js';
import { ConfigurationError } from '../errors.js';
import { patFromEnv } from './pat.js';
import type { TokenProvider } from './types.js';

export type { TokenProvider } from './types.js';

export function tokenProviderFor(region: RegionConfig, env: NodeJS.ProcessEnv = process.env): TokenProvider {
  const auth = region.auth;
  switch (auth.type) {
    case 'pat':
      return patFromEnv(auth.token_env, env);
    default:
      throw new ConfigurationError(
        `region ${region.name}: auth type ${auth.type} is not supported by this version yet; use type: pat ` +
          '(token_env names the variable holding a personal access token)',
      );
  }
}
