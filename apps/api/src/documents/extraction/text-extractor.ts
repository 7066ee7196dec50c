import type { TextIssue } from '@habeas/contracts';
import { fork } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type ChildReply, DEFAULT_EXTRACTION_LIMITS, type ExtractionLimits, MAX_EXTRACT_BYTES } from './extraction-limits';

export type Extraction =
  | { status: 'done'; text: string; issue: 'truncated' | null }
  | { status: 'unsupported' }
  | { status: 'failed'; issue: Exclude<TextIssue, 'truncated'>; message: string };

const PARSED = new Set(['text/plain', 'application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
const CHILD = join(__dirname, 'text-extraction.child.js');
const MEMORY_POLL_MS = 50;

/** Resident set of a process from /proc (Linux); undefined elsewhere, where only the heap cap holds. */
async function residentBytes(pid: number): Promise<number | undefined> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined);
  const kb = status && /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : undefined;
}

/**
 * Plain text of a PDF, DOCX or text file, for full-text search. The parsing runs in a child process
 * (never in the API's heap) with a V8 heap cap, a resident-memory cap enforced by polling, and a time
 * limit; DOCX archives are inspected before anything inflates. Never throws for a hostile file: it
 * answers 'failed' with the reason.
 */
export async function extractText(mimeType: string, open: () => Promise<Readable>, limits: ExtractionLimits = DEFAULT_EXTRACTION_LIMITS): Promise<Extraction> {
  if (!PARSED.has(mimeType)) return { status: 'unsupported' };
  const source = await open();
  const heapMb = Math.max(32, Math.floor(limits.memoryBytes / 1024 / 1024 / 2));
  const child = fork(CHILD, [mimeType], {
    execArgv: [`--max-old-space-size=${heapMb}`],
    stdio: ['pipe', 'ignore', 'ignore', 'ipc'],
    serialization: 'advanced',
  });
  let verdict: Extraction | undefined;
  const stop = (result: Extraction) => {
    verdict ??= result;
    child.kill('SIGKILL');
  };
  const timer = setTimeout(() => stop({ status: 'failed', issue: 'timeout', message: `no answer in ${limits.timeoutMs} ms` }), limits.timeoutMs);
  const poll = setInterval(() => {
    void residentBytes(child.pid ?? 0).then((rss) => {
      if (rss !== undefined && rss > limits.memoryBytes) stop({ status: 'failed', issue: 'memory', message: `parser used ${rss} bytes` });
    });
  }, MEMORY_POLL_MS);
  child.on('message', (reply: ChildReply) => {
    verdict ??=
      reply.status === 'done'
        ? { status: 'done', text: reply.text, issue: reply.truncated ? 'truncated' : null }
        : { status: 'failed', issue: reply.reason, message: reply.message };
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await feed(source, child.stdin!).catch((error: Error) => {
    // A parser that stopped reading (killed, failed) breaks the pipe; its exit decides the verdict.
    if (error instanceof TooLarge) stop({ status: 'failed', issue: 'too_large', message: error.message });
  });
  await exited;
  clearTimeout(timer);
  clearInterval(poll);
  // A child that died on its own (heap cap reached, crash) without a reply ran out of memory or broke.
  return verdict ?? { status: 'failed', issue: child.signalCode || child.exitCode ? 'memory' : 'corrupt', message: 'parser exited without an answer' };
}

class TooLarge extends Error {}

/** Streams the file to the parser's stdin, refusing more than MAX_EXTRACT_BYTES. */
async function feed(source: Readable, stdin: Writable): Promise<void> {
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(size > MAX_EXTRACT_BYTES ? new TooLarge(`over ${MAX_EXTRACT_BYTES} bytes`) : null, chunk);
    },
  });
  await pipeline(source, counter, stdin);
}
