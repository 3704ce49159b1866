import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where scripts/build-native.ts puts the SQLite extension with search's
 * ranking function, scrutineer_rank() (native/scrutineer_rank.c).
 */
export const RANK_EXTENSION = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../native/build',
  process.platform === 'darwin' ? 'scrutineer_rank.dylib' : 'scrutineer_rank.so',
);
