/**
 * A search worker (see SearchPool): a thread of its own with a read-only
 * connection to the database, answering searches so that a long one does not
 * hold up the server's other requests, and two run at once on two cores.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openReader } from '../../db/client';
import { search, type SearchRequest } from './queries';

const db = openReader((workerData as { databasePath: string }).databasePath);

parentPort?.on('message', ({ id, request }: { id: number; request: SearchRequest }) => {
  try {
    parentPort?.postMessage({ id, result: search(db, request.fts, request.filters, request.scope, request.page) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort?.postMessage({ ready: true });
