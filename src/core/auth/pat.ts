/**
 * Personal access tokens (DESIGN.md auth `type: pat`). The config names an environment variable;
 * the token is read from it once, when the region is set up, so a missing variable stops the run
 * before anything is written.
 */
import { ConfigurationError } from '../errors.js';
import type { TokenProvider } from './types.js';

export const DEFAULT_TOKEN_ENV = 'DATABRICKS_TOKEN';

/** A provider for a token already in hand (tests, the emulator, tokens from another source). */
export function patProvider(token: string, source = 'a personal access token'): TokenProvider {
  return {
    kind: 'pat',
    source,
    token: () => Promise.resolve(token),
  };
}

/**
 * Reads a PAT from `envName`. Surrounding whitespace is dropped because secrets pasted into CI
 * settings often carry a trailing newline, which the API would reject as an invalid token.
 */
export function patFromEnv(
  envName: string = DEFAULT_TOKEN_ENV,
  env: NodeJS.ProcessEnv = process.env,
): TokenProvider {
  const raw = env[envName];
  if (raw === undefined || raw.trim() === '') {
    throw new ConfigurationError(
      `Environment variable ${envName} is ${raw === undefined ? 'not set' : 'empty'}: it must hold the ` +
        `Databricks personal access token for this region (set it from a secret in the workflow).`,
    );
  }
  const token = raw.trim();
  if (/\s/.test(token)) {
    // Naming the variable, never echoing its value: the value is a secret even when malformed.
    throw new ConfigurationError(
      `Environment variable ${envName} contains whitespace inside the token: it must hold exactly one ` +
        `Databricks personal access token.`,
    );
  }
  return patProvider(token, `environment variable ${envName}`);
}
