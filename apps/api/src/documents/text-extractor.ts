import type { Readable } from 'node:stream';

/** Text is only extracted from files up to this size; bigger ones are marked failed. */
export const MAX_EXTRACT_BYTES = 30 * 1024 * 1024;

export type Extraction = { status: 'done'; text: string } | { status: 'unsupported' };

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > MAX_EXTRACT_BYTES) {
      stream.destroy();
      throw new Error(`file larger than ${MAX_EXTRACT_BYTES} bytes, text not extracted`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Plain text of a PDF, DOCX or text file, for full-text search; other types are 'unsupported'. */
export async function extractText(mimeType: string, open: () => Promise<Readable>): Promise<Extraction> {
  if (mimeType === 'text/plain') {
    return { status: 'done', text: (await readAll(await open())).toString('utf8') };
  }
  if (mimeType === 'application/pdf') {
    const { extractText: pdfText, getDocumentProxy } = await import('unpdf');
    const pdf = await getDocumentProxy(new Uint8Array(await readAll(await open())));
    const { text } = await pdfText(pdf, { mergePages: true });
    return { status: 'done', text };
  }
  if (mimeType === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') {
    const mammoth = await import('mammoth');
    const result = await mammoth.extractRawText({ buffer: await readAll(await open()) });
    return { status: 'done', text: result.value };
  }
  return { status: 'unsupported' };
}
