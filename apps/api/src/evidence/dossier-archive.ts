import { createHash } from 'node:crypto';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { ZipFile } from 'yazl';

export interface ArchivedFile {
  path: string;
  size: number;
  sha256: string;
}

/**
 * A dossier ZIP written as a stream: every file is hashed on its way in, `manifest.json` (with those hashes)
 * and `SHA256SUMS` (for `sha256sum -c`) close it. Nothing is held in memory beyond one chunk.
 */
export class DossierArchive {
  private readonly zip = new ZipFile();
  private readonly files: ArchivedFile[] = [];
  readonly output: Readable;

  /** `at` becomes every entry's modification time, so the archive says when it was made. */
  constructor(private readonly at: Date) {
    this.output = this.zip.outputStream.pipe(new PassThrough());
  }

  addBuffer(path: string, bytes: Buffer): ArchivedFile {
    const file = { path, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    this.zip.addBuffer(bytes, path, { mtime: this.at });
    this.files.push(file);
    return file;
  }

  /** Adds a stream of known size and checks it hashes to `expectedSha256` (the hash recorded at upload). */
  addStream(path: string, stream: Readable, size: number, expectedSha256: string): Promise<ArchivedFile> {
    const hash = createHash('sha256');
    let seen = 0;
    return new Promise((resolve, reject) => {
      const hashing = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk);
          seen += chunk.length;
          callback(null, chunk);
        },
        flush: (callback) => {
          const sha256 = hash.digest('hex');
          if (sha256 !== expectedSha256 || seen !== size) {
            const error = new Error(`${path} does not match the hash recorded when it was uploaded`);
            callback(error);
            reject(error);
            return;
          }
          const file = { path, size, sha256 };
          this.files.push(file);
          callback();
          resolve(file);
        },
      });
      stream.on('error', reject);
      this.zip.addReadStream(stream.pipe(hashing), path, { size, mtime: this.at });
    });
  }

  /** Writes the manifest (every file so far, plus `details`) and SHA256SUMS, then ends the archive. */
  close(details: Record<string, unknown>): ArchivedFile[] {
    const files = [...this.files];
    const manifest = this.addBuffer('manifest.json', Buffer.from(JSON.stringify({ ...details, files }, null, 2) + '\n'));
    const sums = [...files, manifest].map((file) => `${file.sha256}  ${file.path}`).join('\n') + '\n';
    this.addBuffer('SHA256SUMS', Buffer.from(sums));
    this.zip.end();
    return files;
  }
}
