/**
 * Reads a ZIP archive (PKWARE APPNOTE 4.3) for directory imports: the end record, the central
 * directory, then each entry's data, stored or deflated. Anything else (ZIP64, encryption, other
 * methods, a bad CRC) is refused as a malformed archive rather than guessed at.
 */
import { crc32, inflateRawSync } from 'node:zlib';

export interface ZipFile {
  name: string;
  data: Buffer;
}

export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

function endRecord(buf: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) if (buf.readUInt32LE(i) === 0x06054b50) return i;
  throw new ZipFormatError('not a ZIP archive (no end of central directory record)');
}

export function readZip(buf: Buffer): ZipFile[] {
  if (buf.length < 22) throw new ZipFormatError('not a ZIP archive (too short)');
  const end = endRecord(buf);
  const count = buf.readUInt16LE(end + 10);
  let pos = buf.readUInt32LE(end + 16);
  const files: ZipFile[] = [];
  for (let i = 0; i < count; i++) {
    if (pos + 46 > buf.length || buf.readUInt32LE(pos) !== 0x02014b50)
      throw new ZipFormatError('damaged central directory');
    const flags = buf.readUInt16LE(pos + 8);
    const method = buf.readUInt16LE(pos + 10);
    const crc = buf.readUInt32LE(pos + 16);
    const packed = buf.readUInt32LE(pos + 20);
    const size = buf.readUInt32LE(pos + 24);
    const nameLength = buf.readUInt16LE(pos + 28);
    const extraLength = buf.readUInt16LE(pos + 30);
    const commentLength = buf.readUInt16LE(pos + 32);
    const local = buf.readUInt32LE(pos + 42);
    const name = buf.subarray(pos + 46, pos + 46 + nameLength).toString('utf8');
    pos += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) throw new ZipFormatError(`${name}: encrypted entries are not supported`);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50)
      throw new ZipFormatError(`${name}: damaged local header`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + packed);
    let data: Buffer;
    if (method === 0) data = Buffer.from(raw);
    else if (method === 8) {
      try {
        data = inflateRawSync(raw);
      } catch {
        throw new ZipFormatError(`${name}: damaged deflate data`);
      }
    } else throw new ZipFormatError(`${name}: compression method ${method} is not supported`);
    if (data.length !== size || crc32(data) !== crc) throw new ZipFormatError(`${name}: CRC mismatch`);
    files.push({ name, data });
  }
  return files;
}
