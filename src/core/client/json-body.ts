/**
 * A JSON body with one large base64 field, encoded straight into bytes. `JSON.stringify` of an
 * object holding a base64 string makes two strings the size of the content and a third copy in
 * bytes; for a directory import (up to ~9 MB of ZIP, ~12 MB of base64) those were the largest
 * allocations of a deploy, and at 10,000 notebooks in two regions they drove peak RSS up
 * (bench scenario 1). Here only slices of the base64 exist as strings, each short-lived.
 */

/** A multiple of 3, so that no slice but the last carries base64 padding. */
const SLICE = 3 * 16 * 1024;

export function jsonWithBase64(fields: Record<string, unknown>, key: string, bytes: Uint8Array): Buffer {
  const leading = JSON.stringify(fields).slice(0, -1);
  const head = Buffer.from(`${leading}${leading === '{' ? '' : ','}${JSON.stringify(key)}:"`, 'utf8');
  const tail = Buffer.from('"}', 'utf8');
  const encodedLength = 4 * Math.ceil(bytes.length / 3);
  const out = Buffer.allocUnsafe(head.length + encodedLength + tail.length);
  let at = head.copy(out, 0);
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < source.length; i += SLICE)
    at += out.write(source.subarray(i, i + SLICE).toString('base64'), at, 'latin1');
  tail.copy(out, at);
  return out;
}
