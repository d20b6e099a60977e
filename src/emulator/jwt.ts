/**
 * ES256 JSON Web Tokens for the emulator's identity services. Every token the emulator hands out
 * (Entra access tokens, GitHub and Azure DevOps ID tokens, Databricks OAuth tokens) is a JWT signed
 * with one key per emulator, so a workspace can check a token it has never seen (and its expiry)
 * without a shared table, and clients that decode claims (MSAL reads `exp`; our error messages read
 * `sub`/`aud`) see the real shape.
 */
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign, verify } from 'node:crypto';

export type Claims = Record<string, unknown>;

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export class JwtSigner {
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  /** Key id, in every token header and in the JWKS. */
  readonly kid: string;

  constructor() {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
    this.kid = createHash('sha256')
      .update(this.publicKey.export({ type: 'spki', format: 'der' }))
      .digest('base64url')
      .slice(0, 16);
  }

  /** `claims` plus `iat`/`nbf` (now) and a unique `jti`, so two tokens issued in one second differ. */
  sign(claims: Claims, nowMs: number = Date.now()): string {
    const now = Math.floor(nowMs / 1000);
    const header = { alg: 'ES256', typ: 'JWT', kid: this.kid };
    const body = { iat: now, nbf: now, jti: randomBytes(12).toString('base64url'), ...claims };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(body))}`;
    const signature = sign('sha256', Buffer.from(input), { key: this.privateKey, dsaEncoding: 'ieee-p1363' });
    return `${input}.${b64url(signature)}`;
  }

  /** The claims of a token this signer issued, or undefined (foreign, tampered or malformed). */
  verify(token: string): Claims | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    let ok = false;
    try {
      ok = verify(
        'sha256',
        Buffer.from(`${parts[0]}.${parts[1]}`),
        { key: this.publicKey, dsaEncoding: 'ieee-p1363' },
        Buffer.from(parts[2], 'base64url'),
      );
    } catch {
      return undefined;
    }
    return ok ? decodeClaims(token) : undefined;
  }

  /** The public key as a JWKS document (what `jwks_uri` serves). */
  jwks(): { keys: Record<string, unknown>[] } {
    const jwk = this.publicKey.export({ format: 'jwk' });
    return { keys: [{ ...jwk, kid: this.kid, use: 'sig', alg: 'ES256' }] };
  }
}

/** The payload of a compact JWT without checking anything; undefined when it is not one. */
export function decodeClaims(token: string): Claims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims)
      ? (claims as Claims)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Seconds until `exp` (negative once expired); undefined when the token has no numeric `exp`. */
export function secondsLeft(claims: Claims, nowMs: number = Date.now()): number | undefined {
  return typeof claims.exp === 'number' ? claims.exp - nowMs / 1000 : undefined;
}
