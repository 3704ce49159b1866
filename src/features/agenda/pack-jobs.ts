import { eq, inArray } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client';
import type { FileStore } from '../../lib/files';
import { documents, agendaVersions } from '../../db/schema';
import { buildPacks, layoutPack } from './pack';
import { packInputFor } from './pack-input';

/**
 * Builds agenda packs in the background, one at a time, so publishing
 * answers at once and the clerk watches progress instead of a frozen page.
 * Progress and the outcome are kept on the version's row; builds left
 * unfinished when the server stopped are picked up again at start.
 */
export class PackBuilder {
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;

  constructor(
    private readonly db: Db,
    private readonly files: FileStore,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Queues a version's packs for building. */
  enqueue(versionId: number): void {
    this.pending++;
    this.queue = this.queue
      .then(() => this.build(versionId))
      .catch((error: unknown) => this.log.error({ err: error, versionId }, 'agenda pack build failed'))
      .finally(() => {
        this.pending--;
      });
  }

  /** Resolves when every queued build has finished. */
  async idle(): Promise<void> {
    while (this.pending > 0) await this.queue;
  }

  /** Queues every version whose pack was never finished. */
  resume(): number {
    const unfinished = this.db
      .select({ id: agendaVersions.id })
      .from(agendaVersions)
      .where(inArray(agendaVersions.packStatus, ['pending', 'building']))
      .all();
    for (const v of unfinished) this.enqueue(v.id);
    return unfinished.length;
  }

  private set(versionId: number, values: Partial<typeof agendaVersions.$inferInsert>): void {
    this.db.update(agendaVersions).set(values).where(eq(agendaVersions.id, versionId)).run();
  }

  private async build(versionId: number): Promise<void> {
    const version = this.db.select().from(agendaVersions).where(eq(agendaVersions.id, versionId)).get();
    if (!version) return;
    this.set(versionId, { packStatus: 'building', packProgress: 0, packError: null });
    try {
      const input = packInputFor(this.db, version.meetingId, version.snapshot, version.version);
      const layout = layoutPack(input);
      if (version.packFrontPages !== null && layout.frontPages !== version.packFrontPages) {
        throw new Error('The front sheet came out a different length from when the agenda was published');
      }
      const ids = version.snapshot.items.flatMap((i) => i.papers.map((p) => p.documentId));
      const hashes = new Map(
        (ids.length === 0
          ? []
          : this.db
              .select({ id: documents.id, hash: documents.fileHash, title: documents.title })
              .from(documents)
              .where(inArray(documents.id, ids))
              .all()
        ).map((d) => [d.id, d]),
      );
      let lastReported = -1;
      const built = await buildPacks(
        input,
        layout,
        (documentId) => {
          const doc = hashes.get(documentId);
          if (!doc?.hash) throw new Error(`The paper “${doc?.title ?? documentId}” has no file`);
          return this.files.readPaper(doc.hash);
        },
        (percent) => {
          if (percent - lastReported >= 10 || percent === 100) {
            lastReported = percent;
            this.set(versionId, { packProgress: percent });
          }
        },
      );
      const name = `meeting-${version.meetingId}-v${version.version}`;
      this.files.putPack(`${name}.pdf`, built.publicPack);
      this.files.putPack(`${name}-full.pdf`, built.fullPack);
      this.set(versionId, {
        packStatus: 'ready',
        packProgress: 100,
        packFile: `${name}.pdf`,
        packBytes: built.publicPack.length,
        packPages: layout.publicPages,
        fullPackFile: `${name}-full.pdf`,
        fullPackBytes: built.fullPack.length,
      });
    } catch (error) {
      this.set(versionId, { packStatus: 'failed', packError: (error as Error).message.slice(0, 500) });
      throw error;
    }
  }
}
