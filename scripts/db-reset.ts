/**
 * Deletes the database (DATABASE_PATH, or ./data/scrutineer.sqlite) and
 * creates it again with the migrations and the demo committee.
 */
import fs from 'node:fs';
import { ConfigError, loadConfig } from '../src/config';
import { closeDatabase, openDatabase } from '../src/db/client';
import { loadDemoData } from '../src/features/demo/commands';

try {
  const config = loadConfig();
  if (config.databasePath === ':memory:') throw new ConfigError('DATABASE_PATH', 'must be a file to reset');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${config.databasePath}${suffix}`, { force: true });
  const db = openDatabase(config.databasePath);
  loadDemoData(db);
  closeDatabase(db);
  console.log(`Reset ${config.databasePath} with the demo committee.`);
} catch (error) {
  console.error(`Cannot reset the database: ${(error as Error).message}`);
  process.exit(1);
}
