/**
 * A throwaway TLS identity for the emulator's Entra authority: MSAL accepts only `https://`
 * authorities, so the emulator needs a certificate that clients can be told to trust.
 *
 * Why no library: the candidates each cost more than the ~100 lines below. `@peculiar/x509` 2
 * needs a global Reflect polyfill (a second package, installed into every process that imports the
 * emulator), `node-forge` ships no types and signs in pure-JS RSA, `selfsigned` pulls both
 * `@peculiar/x509` and `pkijs`, and shelling out to `openssl` fails on machines without it
 * (Windows laptops, slim CI images). Node already does the hard parts: key generation, the SPKI
 * encoding and ECDSA signing. What is left is a fixed DER layout, and the result is parsed back
 * with `X509Certificate` and checked (signature, IP, host) before it is used, so a mistake here
 * fails loudly at start instead of as a vague TLS error in a client.
 *
 * Shape (the mkcert model, which every TLS stack accepts): a CA certificate (basicConstraints
 * CA:TRUE, keyCertSign) that clients trust, and a server certificate it signs with subjectAltName
 * IP:127.0.0.1, IP:::1 and DNS:localhost, extendedKeyUsage serverAuth. A single self-signed leaf
 * also works with Node's OpenSSL, but stricter verifiers (curl with some builds, Python's ssl,
 * Java) reject a certificate that is both the trust anchor and the end entity.
 */
import {
  createHash,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
  X509Certificate,
} from 'node:crypto';

export interface TlsIdentity {
  /** PEM of the CA to trust (what `ca_file` / NODE_EXTRA_CA_CERTS point at). */
  caCert: string;
  /** PEM of the server certificate followed by the CA (the chain the server presents). */
  cert: string;
  /** PEM (PKCS#8) of the server's private key. */
  key: string;
}

// --- minimal DER encoding (X.690) -------------------------------------------------------------

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
}

const sequence = (...items: Buffer[]) => tlv(0x30, ...items);
const set = (...items: Buffer[]) => tlv(0x31, ...items);
const octetString = (content: Buffer) => tlv(0x04, content);
const bitString = (content: Buffer) => tlv(0x03, Buffer.from([0]), content);
const utf8 = (s: string) => tlv(0x0c, Buffer.from(s, 'utf8'));
const bool = (v: boolean) => tlv(0x01, Buffer.from([v ? 0xff : 0]));
/** Context-specific, constructed: `[n] EXPLICIT`. */
const explicit = (n: number, content: Buffer) => tlv(0xa0 | n, content);

function integer(value: Buffer | number): Buffer {
  let bytes = typeof value === 'number' ? Buffer.from([value]) : value;
  // Strip redundant leading zeros, then keep the value positive (top bit clear).
  while (bytes.length > 1 && bytes[0] === 0 && bytes[1] < 0x80) bytes = bytes.subarray(1);
  if (bytes[0] >= 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return tlv(0x02, bytes);
}

function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const bytes: number[] = [parts[0] * 40 + parts[1]];
  for (const part of parts.slice(2)) {
    const chunk: number[] = [part & 0x7f];
    for (let v = Math.floor(part / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift(0x80 | (v & 0x7f));
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

/** UTCTime (YYMMDDHHMMSSZ): valid for years up to 2049, far beyond any emulator run. */
function utcTime(date: Date): Buffer {
  const s = date.toISOString().replace(/[-:T]/g, '').slice(2, 14);
  return tlv(0x17, Buffer.from(`${s}Z`, 'ascii'));
}

const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
};

const name = (cn: string) =>
  sequence(
    set(sequence(oid(OID.organization), utf8('databricks-dr emulator'))),
    set(sequence(oid(OID.commonName), utf8(cn))),
  );

const extension = (id: string, critical: boolean, value: Buffer) =>
  critical ? sequence(oid(id), bool(true), octetString(value)) : sequence(oid(id), octetString(value));

/** keyUsage bits, as a DER BIT STRING with unused trailing bits declared. */
function keyUsage(bits: { digitalSignature?: boolean; keyCertSign?: boolean; cRLSign?: boolean }): Buffer {
  // Bit 0 = digitalSignature (0x80), bit 5 = keyCertSign (0x04), bit 6 = cRLSign (0x02).
  let byte = 0;
  if (bits.digitalSignature) byte |= 0x80;
  if (bits.keyCertSign) byte |= 0x04;
  if (bits.cRLSign) byte |= 0x02;
  let unused = 0;
  while (unused < 7 && (byte & (1 << unused)) === 0) unused++;
  return tlv(0x03, Buffer.from([unused, byte]));
}

/** The SHA-1 of the public key bits, as RFC 5280 §4.2.1.2 (1) suggests for key identifiers. */
function keyId(publicKey: KeyObject): Buffer {
  return createHash('sha1')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest();
}

function toPem(der: Buffer): string {
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN CERTIFICATE-----\n${b64.replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
}

interface CertSpec {
  subject: string;
  issuer: string;
  publicKey: KeyObject;
  signingKey: KeyObject;
  extensions: Buffer[];
  notBefore: Date;
  notAfter: Date;
}

function certificate(spec: CertSpec): Buffer {
  const algorithm = sequence(oid(OID.ecdsaWithSha256));
  const tbs = sequence(
    explicit(0, integer(2)), // v3
    integer(Buffer.concat([Buffer.from([0x01]), randomBytes(15)])),
    algorithm,
    name(spec.issuer),
    sequence(utcTime(spec.notBefore), utcTime(spec.notAfter)),
    name(spec.subject),
    spec.publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, sequence(...spec.extensions)),
  );
  const signature = sign('sha256', tbs, spec.signingKey); // DER ECDSA-Sig-Value for EC keys
  return sequence(tbs, algorithm, bitString(signature));
}

/**
 * Generates a fresh CA and a server certificate for 127.0.0.1 / ::1 / localhost, valid from an
 * hour ago (clock skew) for `days` days. P-256 keys: generated in a millisecond, accepted by
 * every TLS stack at OpenSSL's default security level.
 */
export function generateTlsIdentity(days = 30): TlsIdentity {
  const ca = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const server = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const notBefore = new Date(Date.now() - 3_600_000);
  const notAfter = new Date(Date.now() + days * 86_400_000);
  const caId = keyId(ca.publicKey);
  const serverId = keyId(server.publicKey);
  const caName = `databricks-dr emulator CA ${randomBytes(4).toString('hex')}`;

  const caDer = certificate({
    subject: caName,
    issuer: caName,
    publicKey: ca.publicKey,
    signingKey: ca.privateKey,
    notBefore,
    notAfter,
    extensions: [
      extension(OID.basicConstraints, true, sequence(bool(true))),
      extension(OID.keyUsage, true, keyUsage({ digitalSignature: true, keyCertSign: true, cRLSign: true })),
      extension(OID.subjectKeyIdentifier, false, octetString(caId)),
    ],
  });

  const altNames = sequence(
    tlv(0x87, Buffer.from([127, 0, 0, 1])), // iPAddress [7]
    tlv(0x87, Buffer.from([...Array(15).fill(0), 1])), // ::1
    tlv(0x82, Buffer.from('localhost', 'ascii')), // dNSName [2]
  );
  const serverDer = certificate({
    subject: 'localhost',
    issuer: caName,
    publicKey: server.publicKey,
    signingKey: ca.privateKey,
    notBefore,
    notAfter,
    extensions: [
      extension(OID.basicConstraints, true, sequence()),
      extension(OID.keyUsage, true, keyUsage({ digitalSignature: true })),
      extension(OID.extKeyUsage, false, sequence(oid(OID.serverAuth))),
      extension(OID.subjectAltName, false, altNames),
      extension(OID.subjectKeyIdentifier, false, octetString(serverId)),
      // keyIdentifier [0] IMPLICIT OCTET STRING
      extension(OID.authorityKeyIdentifier, false, sequence(tlv(0x80, caId))),
    ],
  });

  const caCert = toPem(caDer);
  const serverCert = toPem(serverDer);
  // Parse back and check what clients will check, so an encoding slip fails here, clearly.
  const caX509 = new X509Certificate(caCert);
  const serverX509 = new X509Certificate(serverCert);
  if (
    !caX509.ca ||
    !caX509.verify(ca.publicKey) ||
    !serverX509.verify(ca.publicKey) ||
    !serverX509.checkIssued(caX509) ||
    serverX509.checkIP('127.0.0.1') === undefined ||
    serverX509.checkHost('localhost') === undefined
  ) {
    throw new Error('emulator: the generated TLS certificate failed its own checks');
  }
  const key = server.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { caCert, cert: serverCert + caCert, key };
}
