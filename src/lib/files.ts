import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Uploaded papers and built packs, on disk outside `static/`. Papers are
 * named by the SHA-256 of their bytes, so the same file uploaded twice is
 * stored once and a name can never be guessed from a title.
 */
export class FileStore {
  constructor(readonly root: string) {
    fs.mkdirSync(path.join(root, 'papers'), { recursive: true });
    fs.mkdirSync(path.join(root, 'packs'), { recursive: true });
    fs.mkdirSync(path.join(root, 'uploads'), { recursive: true });
  }

  /**
   * Writes an upload to a temporary file as it arrives, hashing it on the
   * way: it is never held in memory whole. The caller keeps it as a paper
   * (`keepPaper`) or lets it be removed (`discard`) when the request ends.
   */
  async stage(stream: Readable & { truncated?: boolean }, filename: string): Promise<UploadedFile> {
    const file = path.join(this.root, 'uploads', `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const count = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    // Opened here, so the file exists before the body is read: a body cut short fails the pipeline
    // early, and the file it made is still the one removed (never created after the removal).
    const out = fs.createWriteStream(file, { fd: fs.openSync(file, 'wx', 0o600) });
    try {
      await pipeline(stream, count, out);
    } catch (error) {
      fs.rmSync(file, { force: true });
      throw error;
    }
    return { filename, path: file, size, sha256: hash.digest('hex'), truncated: Boolean(stream.truncated) };
  }

  /** Keeps a staged upload as a paper, named by its hash (the same file uploaded twice is stored once). */
  keepPaper(upload: UploadedFile): string {
    const target = this.paperPath(upload.sha256);
    if (fs.existsSync(target)) fs.rmSync(upload.path, { force: true });
    else fs.renameSync(upload.path, target);
    return upload.sha256;
  }

  /** Removes a staged upload that was not kept. */
  discard(upload: UploadedFile): void {
    fs.rmSync(upload.path, { force: true });
  }

  /** Stores a paper's bytes; returns their hash. */
  putPaper(bytes: Uint8Array): string {
    const hash = createHash('sha256').update(bytes).digest('hex');
    const file = this.paperPath(hash);
    if (!fs.existsSync(file)) {
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, bytes);
      fs.renameSync(tmp, file);
    }
    return hash;
  }

  paperPath(hash: string): string {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`Not a file hash: ${hash}`);
    return path.join(this.root, 'papers', `${hash}.pdf`);
  }

  readPaper(hash: string): Uint8Array {
    return fs.readFileSync(this.paperPath(hash));
  }

  /** Writes a pack under a name of our making ("meeting-2-v1.pdf"). */
  putPack(name: string, bytes: Uint8Array): void {
    const file = this.packPath(name);
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file);
  }

  packPath(name: string): string {
    if (!/^[a-z0-9-]+\.pdf$/.test(name)) throw new Error(`Not a pack name: ${name}`);
    return path.join(this.root, 'packs', name);
  }
}

/** A file from a multipart form, as the uploads plugin stages it: on disk, hashed, not in memory. */
export interface UploadedFile {
  filename: string;
  /** The staged file, removed when the request ends unless kept. */
  path: string;
  size: number;
  /** SHA-256 of its bytes, hex. */
  sha256: string;
  /** Cut short at the size limit. */
  truncated: boolean;
}

/** The file a form sent in its `file` field, when one was chosen (even an empty one). */
export function uploadedFile(body: unknown, field = 'file'): UploadedFile | null {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[field] : undefined;
  if (!value || typeof value !== 'object' || !('sha256' in value)) return null;
  const file = value as UploadedFile;
  return file.filename !== '' || file.size > 0 ? file : null;
}

/** An upload's bytes, read from where it was staged (only once the request is known to be allowed). */
export function uploadBytes(file: UploadedFile): Uint8Array {
  return new Uint8Array(fs.readFileSync(file.path));
}
