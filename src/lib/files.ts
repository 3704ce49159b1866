import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Uploaded papers and built packs, on disk outside `static/`. Papers are
 * named by the SHA-256 of their bytes, so the same file uploaded twice is
 * stored once and a name can never be guessed from a title.
 */
export class FileStore {
  constructor(readonly root: string) {
    fs.mkdirSync(path.join(root, 'papers'), { recursive: true });
    fs.mkdirSync(path.join(root, 'packs'), { recursive: true });
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

/** A file from a multipart form, as the app's multipart handler keeps it. */
export interface UploadedFile {
  filename: string;
  bytes: Uint8Array;
  /** Cut short at the size limit. */
  truncated: boolean;
}

/** The file a form sent in its `file` field, when one was chosen (even an empty one). */
export function uploadedFile(body: unknown, field = 'file'): UploadedFile | null {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[field] : undefined;
  if (!value || typeof value !== 'object' || !('bytes' in value)) return null;
  const file = value as UploadedFile;
  return file.filename !== '' || file.bytes.length > 0 ? file : null;
}
