import sharp from 'sharp';
import { DomainError } from '../common/http/domain-error';

const ACCEPTED = new Set(['jpeg', 'png', 'webp']);

/**
 * Re-encodes a supporter's photo as a new JPEG from its pixels only: turned upright by its EXIF orientation first,
 * then written without any metadata (EXIF with GPS and camera serials, XMP, IPTC, ICC, embedded thumbnails) —
 * sharp copies none unless asked. Scaled to at most 1600 px.
 */
export async function cleanPhoto(input: Buffer): Promise<Buffer> {
  const image = sharp(input, { failOn: 'error', limitInputPixels: 50_000_000 });
  const format = await image.metadata().then(
    (meta) => meta.format,
    () => undefined,
  );
  if (!format || !ACCEPTED.has(format)) throw new DomainError(415, 'photo: send a JPEG, PNG or WebP image');
  try {
    return await image.rotate().resize({ width: 1600, height: 1600, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 82 }).toBuffer();
  } catch {
    throw new DomainError(415, 'photo: the image could not be read');
  }
}
