/**
 * Walks the audit trail's hash chain from the first row and names the first
 * row that was changed, removed or inserted out of turn. Exit code 0 when the
 * chain holds, 1 when it is broken.
 */
import { ConfigError, loadConfig } from '../src/config';
import { closeDatabase, openDatabase } from '../src/db/client';
import { verifyAuditChain } from '../src/features/audit/queries';

try {
  const config = loadConfig();
  const db = openDatabase(config.databasePath);
  const result = verifyAuditChain(db);
  closeDatabase(db);
  if (result.ok) {
    console.log(`Audit trail intact: ${result.rows} row${result.rows === 1 ? '' : 's'} verified.`);
  } else {
    console.error(
      `Audit trail broken at row ${result.brokenRowId} (${result.at.toISOString()}): ${result.reason}. Rows before it are intact.`,
    );
    process.exit(1);
  }
} catch (error) {
  console.error(
    `Cannot verify the audit trail: ${error instanceof ConfigError ? error.message : (error as Error).message}`,
  );
  process.exit(1);
}
