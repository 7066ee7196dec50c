import assert from 'node:assert/strict';
import sharp from 'sharp';

/** Strings a phone writes into a photo, which must never reach the public: camera make and serial, owner, XMP creator. */
export const phonePhotoSecrets = ['SecretCam', 'Serial-4711', 'Ivanov', 'GPS', 'Exif'];

/** A JPEG carrying what a phone writes: camera make and serial, GPS position, an XMP packet. */
export async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'SecretCam', Model: 'Serial-4711-XZ', Copyright: 'Officer Ivanov' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 45/1 21/1', GPSLongitudeRef: 'E', GPSLongitude: '37/1 37/1 4/1' },
    })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description creator="Ivanov-XMP"/></rdf:RDF></x:xmpmeta>',
    )
    .toBuffer();
}

/** Fails unless `served` is a JPEG with none of the metadata `phonePhoto()` wrote. */
export async function assertNoPhoneMetadata(served: Buffer): Promise<void> {
  const meta = await sharp(served).metadata();
  assert.equal(meta.format, 'jpeg');
  assert.equal(meta.exif, undefined, 'no EXIF (so no GPS, no camera serial, no thumbnail)');
  assert.equal(meta.xmp, undefined, 'no XMP');
  assert.equal(meta.iptc, undefined, 'no IPTC');
  assert.equal(meta.icc, undefined, 'no ICC profile');
  for (const secret of phonePhotoSecrets) assert.ok(!served.includes(secret), `${secret} is gone`);
}
