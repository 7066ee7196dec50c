import type { FastifyRequest } from 'fastify';
import { DomainError } from '../common/http/domain-error';
import type { UploadedStatement } from './bank-statements.service';

/** Statements are text of a few hundred kilobytes; anything far larger is not one. */
const MAX_STATEMENT_BYTES = 10 * 1024 * 1024;

/** Reads the one `file` part of a multipart upload into memory, refusing oversized or missing files. */
export async function receiveStatement(request: FastifyRequest): Promise<UploadedStatement> {
  if (!request.isMultipart()) throw new DomainError(415, 'Send the statement as multipart/form-data with the field "file"');
  let found: UploadedStatement | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      if (part.fieldname !== 'file' || found) {
        part.file.resume();
        continue;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > MAX_STATEMENT_BYTES) throw new DomainError(413, `file: a statement may be at most ${MAX_STATEMENT_BYTES / 1024 / 1024} MB`);
        chunks.push(chunk);
      }
      found = { fileName: part.filename || 'statement.txt', bytes: Buffer.concat(chunks) };
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new DomainError(413, 'file: the statement is too large');
    if (code?.startsWith('FST_')) throw new DomainError(400, `Malformed multipart body: ${(error as Error).message}`);
    throw error;
  }
  if (!found || found.bytes.length === 0) throw new DomainError(400, 'file: is required (multipart field "file")');
  return found;
}
