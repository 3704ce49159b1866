/**
 * Builds native/build/scrutineer_rank.so, the SQLite extension with search's
 * ranking function (native/scrutineer_rank.c), against the SQLite headers
 * better-sqlite3 is built with, with the C compiler its own install needs.
 * Run by `npm start` and `npm test`; it builds only when the source is newer
 * than what was built. Without a compiler it says so and the app ranks with
 * bm25() itself (slower on phrases of common words, same order).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { RANK_EXTENSION } from '../src/db/rank-extension';

const root = path.resolve(import.meta.dirname, '..');
const source = path.join(root, 'native', 'scrutineer_rank.c');
const headers = path.join(
  path.dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')),
  'deps',
  'sqlite3',
);

if (fs.existsSync(RANK_EXTENSION) && fs.statSync(RANK_EXTENSION).mtimeMs >= fs.statSync(source).mtimeMs)
  process.exit(0);
fs.mkdirSync(path.dirname(RANK_EXTENSION), { recursive: true });
const compiler = process.env.CC ?? 'cc';
const shared = process.platform === 'darwin' ? ['-dynamiclib', '-undefined', 'dynamic_lookup'] : ['-shared'];
try {
  execFileSync(compiler, ['-O2', '-fPIC', ...shared, '-I', headers, source, '-o', RANK_EXTENSION, '-lm'], {
    stdio: 'inherit',
  });
  console.log(`Built ${path.relative(root, RANK_EXTENSION)}`);
} catch (error) {
  fs.rmSync(RANK_EXTENSION, { force: true });
  console.warn(
    `Could not build the search ranking extension with ${compiler} (${error instanceof Error ? error.message : String(error)}): search ranks with bm25() instead.`,
  );
}
