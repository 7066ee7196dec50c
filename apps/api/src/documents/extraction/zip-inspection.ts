import { createInflateRaw } from 'node:zlib';

/** What a ZIP-based document (DOCX, ODT) may hold before anything is inflated for real. */
export interface ZipLimits {
  maxEntries: number;
  /** Sum of every entry's uncompressed size. */
  maxTotalBytes: number;
  /** Uncompressed / compressed, per entry; ordinary office files stay far below. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 2000, maxTotalBytes: 64 * 1024 * 1024, maxRatio: 200 };

export class ZipRefused extends Error {
  constructor(
    readonly reason: 'bomb' | 'corrupt',
    message: string,
  ) {
    super(message);
  }
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function centralDirectory(zip: Buffer): ZipEntry[] {
  const searchFrom = Math.max(0, zip.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = zip.length - 22; i >= searchFrom; i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipRefused('corrupt', 'no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipRefused('bomb', 'ZIP64 archives are not extracted');
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL) throw new ZipRefused('corrupt', 'broken central directory');
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    entries.push({
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      uncompressedSize: zip.readUInt32LE(offset + 24),
      localHeaderOffset: zip.readUInt32LE(offset + 42),
      name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Inflates into nothing, counting: a header that under-states the size is caught before any parser trusts it. */
function inflatedSize(data: Buffer, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw();
    let size = 0;
    inflater.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        inflater.destroy();
        reject(new ZipRefused('bomb', `an entry inflates beyond its declared ${limit} bytes`));
      }
    });
    inflater.on('end', () => resolve(size));
    inflater.on('error', () => reject(new ZipRefused('corrupt', 'an entry does not inflate')));
    inflater.end(data);
  });
}

/**
 * Checks a ZIP's entry count, declared sizes and ratios from its central directory, then proves the
 * declared sizes by inflating each entry into a counter (constant memory). Throws ZipRefused.
 */
export async function inspectZip(zip: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<void> {
  const entries = centralDirectory(zip);
  if (entries.length > limits.maxEntries) throw new ZipRefused('bomb', `${entries.length} entries`);
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes) throw new ZipRefused('bomb', `more than ${limits.maxTotalBytes} bytes uncompressed`);
    if (entry.uncompressedSize > 1024 * 1024 && entry.uncompressedSize > entry.compressedSize * limits.maxRatio) {
      throw new ZipRefused('bomb', `${entry.name} compresses more than ${limits.maxRatio}:1`);
    }
  }
  for (const entry of entries) {
    const at = entry.localHeaderOffset;
    if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL) throw new ZipRefused('corrupt', `no local header for ${entry.name}`);
    const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    const data = zip.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) throw new ZipRefused('corrupt', `${entry.name} stored with two sizes`);
    } else if (entry.method === 8) {
      const size = await inflatedSize(data, entry.uncompressedSize);
      if (size !== entry.uncompressedSize) throw new ZipRefused('corrupt', `${entry.name} is not the size it declares`);
    } else {
      throw new ZipRefused('corrupt', `${entry.name} uses compression method ${entry.method}`);
    }
  }
}
