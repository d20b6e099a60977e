/**
 * A minimal ZIP writer (PKWARE APPNOTE 4.3: local headers, central directory, end record) for the
 * directory imports of archive.ts. Entries are deflated (node:zlib) unless that does not
 * make them smaller; names are UTF-8. No ZIP64: an archive is bounded far below 4 GB (10 MB).
 */
import { deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Path inside the archive, `/`-separated, no leading slash. */
  name: string;
  data: Buffer;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309), as ZIP records it. zlib.crc32 needs Node 22.2, and engines allow 22.0. */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** 1980-01-01, the earliest DOS date: entries carry no meaningful time (and archives stay reproducible). */
const DOS_DATE = (1 << 5) | 1;
const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_RECORD = 22;

/** One entry as it will be written: compressed once, so its size is known before the archive is built. */
export interface PackedEntry {
  name: Buffer;
  crc: number;
  method: 0 | 8;
  size: number;
  data: Buffer;
}

/**
 * zlib's output buffer sized to the input (64 KB at most, the default): with the default, every
 * small notebook kept a 64 KB buffer alive until the next GC, and at 10,000 notebooks that alone
 * lifted peak RSS by ~150 MB (bench scenario 7). Data that does not shrink just spans two chunks.
 */
function outputChunk(size: number): number {
  return Math.max(64, Math.min(size + 64, 64 * 1024));
}

export function packEntry(entry: ZipEntry): PackedEntry {
  const deflated = deflateRawSync(entry.data, { chunkSize: outputChunk(entry.data.length) });
  const smaller = deflated.length < entry.data.length;
  return {
    name: Buffer.from(entry.name, 'utf8'),
    crc: crc32(entry.data),
    method: smaller ? 8 : 0,
    size: entry.data.length,
    data: smaller ? deflated : entry.data,
  };
}

/** The bytes `entry` adds to an archive (local header, central header, data). */
export function packedSize(entry: PackedEntry): number {
  return LOCAL_HEADER + CENTRAL_HEADER + 2 * entry.name.length + entry.data.length;
}

/** The bytes of an archive holding no entry (the end record). */
export const EMPTY_ZIP_SIZE = END_RECORD;

export function buildZip(entries: readonly PackedEntry[]): Buffer {
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = Buffer.alloc(LOCAL_HEADER);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(e.name.length, 26);
    const central = Buffer.alloc(CENTRAL_HEADER);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(e.name.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, e.name, e.data);
    centrals.push(central, e.name);
    offset += LOCAL_HEADER + e.name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(END_RECORD);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
