import type { FastifyRequest } from 'fastify';
import { hasControlCharacter } from '@habeas/contracts';
import { DomainError } from '../common/http/domain-error';

export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;

/** The fields and the optional `photo` of a solidarity post (multipart, or a JSON body without a photo). */
export async function readSolidarityForm(request: FastifyRequest, body: unknown): Promise<{ fields: Record<string, string>; photo: Buffer | null }> {
  if (!request.isMultipart()) {
    const fields = body && typeof body === 'object' ? Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) : {};
    return { fields: fields as Record<string, string>, photo: null };
  }
  const fields: Record<string, string> = {};
  let photo: Buffer | null = null;
  try {
    for await (const part of request.parts({ limits: { files: 1, fileSize: PHOTO_MAX_BYTES } })) {
      if (part.type === 'field') {
        if (typeof part.value !== 'string') continue;
        if (hasControlCharacter(part.value)) throw new DomainError(400, `${part.fieldname}: control characters are not allowed`);
        fields[part.fieldname] = part.value;
      } else if (part.fieldname === 'photo' && part.filename) {
        photo = await part.toBuffer();
        if (photo.length === 0) photo = null;
      } else part.file.resume();
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new DomainError(413, `photo: larger than ${PHOTO_MAX_BYTES} bytes`);
    if (error instanceof DomainError) throw error;
    if (code?.startsWith('FST_')) throw new DomainError(400, `Malformed multipart body: ${(error as Error).message}`);
    throw error;
  }
  return { fields, photo };
}
