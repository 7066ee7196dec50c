import { hasControlCharacter } from '@habeas/contracts';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { DomainError } from '../common/http/domain-error';
import { writeEncrypted } from './local-file-store';

/** What the allow-list accepts, by MIME type decided from the bytes. */
export const allowedMimeTypes = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'application/rtf',
  'text/plain',
  'image/jpeg',
  'image/png',
  'image/heic',
  'image/heif',
]);

const SNIFF_BYTES = 256 * 1024;

export interface ReceivedUpload {
  fields: Record<string, string>;
  tempPath: string;
  originalName: string;
  mimeType: string;
  sha256: string;
  size: number;
}

/** C0/C1 controls, zero-width marks and bidi overrides (which can disguise an extension). */
function isHiddenOrControl(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/** Strips directories, control characters and odd whitespace; never used as a path, only shown and sent back. */
export function sanitiseFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = Array.from(base.normalize('NFC'))
    .filter((char) => !isHiddenOrControl(char.codePointAt(0)!))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const limited = Array.from(cleaned);
  if (limited.length <= 200) return cleaned || 'file';
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return (
    Array.from(cleaned.slice(0, cleaned.length - extension.length))
      .slice(0, 200 - extension.length)
      .join('') + extension
  );
}

function tooLarge(limit: number): DomainError {
  return new DomainError(413, `file: larger than the limit of ${limit} bytes`);
}

async function detectMime(head: Buffer, nulSeen: boolean, utf8Valid: boolean): Promise<string | undefined> {
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = await fileTypeFromBuffer(head);
  if (detected) return detected.mime === 'application/x-cfb' ? undefined : detected.mime;
  if (head.length > 0 && !nulSeen && utf8Valid) return 'text/plain';
  return undefined;
}

/** A text field of a multipart body, under the API's one string rule (libs/contracts text.ts), as JSON bodies are. */
function keepField(part: { value: unknown; fieldname: string }, fields: Record<string, string>): void {
  if (typeof part.value !== 'string') return;
  if (hasControlCharacter(part.value) || hasControlCharacter(part.fieldname))
    throw new DomainError(400, `${part.fieldname}: control characters are not allowed`);
  fields[part.fieldname] = part.value;
}

/**
 * Reads a multipart upload (one `file` part plus text fields) and streams the file to
 * `tempPath`, hashing it, keeping only the first bytes in memory to decide its type.
 * On any failure the temp file is removed; too large → 413, type not allowed → 415.
 */
export async function receiveUpload(request: FastifyRequest, tempPath: string, maxBytes: number): Promise<ReceivedUpload> {
  if (!request.isMultipart()) throw new DomainError(415, 'Send the file as multipart/form-data');
  const fields: Record<string, string> = {};
  let file: Omit<ReceivedUpload, 'fields' | 'tempPath'> | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        keepField(part, fields);
        continue;
      }
      if (part.fieldname !== 'file' || file) {
        part.file.resume();
        continue;
      }
      file = await streamToDisk(part, tempPath, maxBytes);
    }
  } catch (error) {
    await rm(tempPath, { force: true });
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT') {
      throw code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge(maxBytes) : new DomainError(400, 'Send one file in the field "file"');
    }
    if (error instanceof DomainError) throw error;
    if (code?.startsWith('FST_')) throw new DomainError(400, `Malformed multipart body: ${(error as Error).message}`);
    throw error;
  }
  if (!file) throw new DomainError(400, 'file: is required (multipart field "file")');
  return { ...file, fields, tempPath };
}

/** Several files in one multipart body (any file field), each checked against the same allow-list and size limit. */
export interface ReceivedUploads {
  fields: Record<string, string>;
  files: Array<Omit<ReceivedUpload, 'fields'>>;
}

/**
 * Reads a multipart body with text fields and up to `maxFiles` files; each file streams (encrypted) to a temp
 * path from `newTempPath`. On any failure every temp file is removed; too large → 413, type not allowed → 415.
 */
export async function receiveUploads(
  request: FastifyRequest,
  newTempPath: () => Promise<string>,
  limits: { maxBytes: number; maxFiles: number },
): Promise<ReceivedUploads> {
  if (!request.isMultipart()) throw new DomainError(415, 'Send the form as multipart/form-data');
  const fields: Record<string, string> = {};
  const files: ReceivedUploads['files'] = [];
  let pending: string | undefined;
  try {
    for await (const part of request.parts({ limits: { files: limits.maxFiles, fileSize: limits.maxBytes } })) {
      if (part.type === 'field') {
        keepField(part, fields);
        continue;
      }
      // A file input left empty still sends an empty part without a name.
      if (!part.filename) {
        part.file.resume();
        continue;
      }
      pending = await newTempPath();
      const file = await streamToDisk(part, pending, limits.maxBytes);
      files.push({ ...file, tempPath: pending });
      pending = undefined;
    }
  } catch (error) {
    await Promise.all([...files.map((f) => f.tempPath), ...(pending ? [pending] : [])].map((path) => rm(path, { force: true })));
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(limits.maxBytes);
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') throw new DomainError(413, `At most ${limits.maxFiles} files`);
    if (error instanceof DomainError) throw error;
    if (code?.startsWith('FST_')) throw new DomainError(400, `Malformed multipart body: ${(error as Error).message}`);
    throw error;
  }
  return { fields, files };
}

async function streamToDisk(part: MultipartFile, tempPath: string, maxBytes: number): Promise<Omit<ReceivedUpload, 'fields' | 'tempPath'>> {
  const hash = createHash('sha256');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const head: Buffer[] = [];
  let headSize = 0;
  let size = 0;
  let nulSeen = false;
  let utf8Valid = true;
  const inspect = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      if (headSize < SNIFF_BYTES) {
        head.push(chunk.subarray(0, SNIFF_BYTES - headSize));
        headSize += Math.min(chunk.length, SNIFF_BYTES - headSize);
      }
      // Only plain text needs these checks, and only while it still looks like text.
      if (!nulSeen && chunk.includes(0)) nulSeen = true;
      if (utf8Valid && !nulSeen) {
        try {
          decoder.decode(chunk, { stream: true });
        } catch {
          utf8Valid = false;
        }
      }
      done(null, chunk);
    },
  });
  await writeEncrypted(part.file, inspect, tempPath);
  if (part.file.truncated) throw tooLarge(maxBytes);
  if (utf8Valid && !nulSeen) {
    try {
      decoder.decode();
    } catch {
      utf8Valid = false;
    }
  }
  const mimeType = await detectMime(Buffer.concat(head), nulSeen, utf8Valid);
  if (!mimeType || !allowedMimeTypes.has(mimeType)) {
    throw new DomainError(415, 'file: type not allowed (PDF, DOCX, ODT, RTF, TXT, JPEG, PNG or HEIC)');
  }
  return { originalName: sanitiseFileName(part.filename), mimeType, sha256: hash.digest('hex'), size };
}
