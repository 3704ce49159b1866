/**
 * Deletes the database (DATABASE_PATH, or ./data/scrutineer.sqlite) and the
 * papers and packs stored beside it (FILES_PATH), and creates it again with the migrations and the demo committee, building the
 * demo's agenda pack.
 */
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { ConfigError, loadConfig } from '../src/config';
import { closeDatabase, openDatabase } from '../src/db/client';
import { loadDemoData } from '../src/features/demo/commands';
import { FileStore } from '../src/lib/files';
import { PackBuilder } from '../src/features/agenda/pack-jobs';

try {
  const config = loadConfig();
  if (config.databasePath === ':memory:') throw new ConfigError('DATABASE_PATH', 'must be a file to reset');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${config.databasePath}${suffix}`, { force: true });
  // Only the folders the file store owns: FILES_PATH may be shared with something else.
  for (const folder of ['papers', 'packs'])
    fs.rmSync(path.join(config.filesPath, folder), { recursive: true, force: true });
  const db = openDatabase(config.databasePath, { auditKey: config.auditKey });
  const files = new FileStore(config.filesPath);
  await loadDemoData(db, files);
  const packs = new PackBuilder(db, files, pino({ level: 'warn' }));
  packs.resume();
  await packs.idle();
  closeDatabase(db);
  console.log(`Reset ${config.databasePath} with the demo committee.`);
} catch (error) {
  console.error(`Cannot reset the database: ${(error as Error).message}`);
  process.exit(1);
}
