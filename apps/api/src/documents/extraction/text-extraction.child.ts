import { MAX_EXTRACT_BYTES, MAX_TEXT_CHARS, type ChildReply } from './extraction-limits';
import { inspectZip, ZipRefused } from './zip-inspection';

/**
 * Runs in its own process (see text-extractor.ts): reads the file from stdin, parses it, sends the
 * text back over IPC and exits. Nothing a hostile file does here can reach the API's heap.
 */
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_EXTRACT_BYTES) throw Object.assign(new Error('too large'), { reason: 'too_large' });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function parse(mimeType: string, bytes: Buffer): Promise<string> {
  if (mimeType === 'text/plain') return bytes.toString('utf8');
  if (mimeType === 'application/pdf') {
    const { extractText, getDocumentProxy } = await import('unpdf');
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    return (await extractText(pdf, { mergePages: true })).text;
  }
  if (mimeType === DOCX) {
    await inspectZip(bytes);
    const mammoth = await import('mammoth');
    return (await mammoth.extractRawText({ buffer: bytes })).value;
  }
  throw new Error(`no parser for ${mimeType}`);
}

async function main(): Promise<void> {
  const mimeType = process.argv[2];
  let reply: ChildReply;
  try {
    const text = (await parse(mimeType, await readStdin())).replaceAll('\u0000', '');
    reply = { status: 'done', text: text.slice(0, MAX_TEXT_CHARS), truncated: text.length > MAX_TEXT_CHARS };
  } catch (error) {
    const reason = error instanceof ZipRefused ? error.reason : ((error as { reason?: 'too_large' }).reason ?? 'corrupt');
    reply = { status: 'failed', reason, message: String((error as Error).message).slice(0, 200) };
  }
  process.send?.(reply, () => process.exit(0));
}

void main();
