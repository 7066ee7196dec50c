import { crc32, createDeflate, createDeflateRaw, deflateRawSync } from 'node:zlib';

const MB = 1024 * 1024;

/** Deflates `total` bytes made of `unit` repeated, holding only one megabyte of input and the output in memory. */
async function deflateRepeated(unit: string, total: number, raw: boolean): Promise<{ bytes: Buffer; crc: number; size: number }> {
  const block = Buffer.from(unit.repeat(Math.ceil(MB / unit.length)).slice(0, Math.floor(MB / unit.length) * unit.length));
  const deflater = raw ? createDeflateRaw({ level: 9 }) : createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => deflater.on('end', resolve));
  let crc = 0;
  let size = 0;
  while (size < total) {
    crc = crc32(block, crc);
    size += block.length;
    if (!deflater.write(block)) await new Promise((resolve) => deflater.once('drain', resolve));
  }
  deflater.end();
  await done;
  return { bytes: Buffer.concat(out), crc, size };
}

interface ZipPart {
  name: string;
  bytes: Buffer;
  crc: number;
  size: number;
}

/** A ZIP (deflate) built by hand, so a test can state any size it likes in the headers. */
export function zipOf(parts: ZipPart[], declare: (part: ZipPart) => number = (part) => part.size): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.bytes.length, 18);
    local.writeUInt32LE(declare(part), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(part.crc >>> 0, 16);
    central.writeUInt32LE(part.bytes.length, 20);
    central.writeUInt32LE(declare(part), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.bytes);
    centrals.push(central, name);
    offset += 30 + name.length + part.bytes.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function small(name: string, text: string): ZipPart {
  const bytes = Buffer.from(text);
  return { name, bytes: deflateRawSync(bytes), crc: crc32(bytes), size: bytes.length };
}

/** The parts of a DOCX around a `word/document.xml` that inflates to `inflated` bytes of paragraphs. */
export async function docxBombParts(inflated: number): Promise<ZipPart[]> {
  const body = await deflateRepeated('<w:p><w:r><w:t>habeas corpus</w:t></w:r></w:p>', inflated, true);
  return [
    small(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    small(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    { name: 'word/document.xml', ...body },
  ];
}

/** A small DOCX whose text inflates to `inflated` bytes (the review's 450 KB → hundreds of MB). */
export async function makeDocxBomb(inflated: number): Promise<Buffer> {
  return zipOf(await docxBombParts(inflated));
}

/** A one-page PDF whose content stream inflates to `inflated` bytes of text-drawing operators. */
export async function makePdfBomb(inflated: number): Promise<Buffer> {
  const stream = await deflateRepeated('BT /F1 12 Tf 72 712 Td (habeas corpus) Tj ET\n', inflated, false);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let length = chunks[0].length;
  objects.forEach((object, index) => {
    offsets.push(length);
    const piece =
      object === null
        ? Buffer.concat([
            Buffer.from(`${index + 1} 0 obj\n<< /Length ${stream.bytes.length} /Filter /FlateDecode >>\nstream\n`),
            stream.bytes,
            Buffer.from('\nendstream\nendobj\n'),
          ])
        : Buffer.from(`${index + 1} 0 obj\n${object}\nendobj\n`);
    chunks.push(piece);
    length += piece.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(chunks);
}
