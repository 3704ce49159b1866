/**
 * Walks the audit trail's sealed chain from the first row and names the first
 * row that was changed, removed or inserted out of turn, or says the trail was
 * cut short. Exit code 0 when it holds, 1 when it is broken.
 *
 * It needs the audit key the trail was sealed with: AUDIT_KEY, or the file
 * audit.key beside the database. See the README for what it proves.
 */
import { ConfigError, loadConfig } from '../src/config';
import { closeDatabase, openDatabase } from '../src/db/client';
import { verifyAuditChain } from '../src/features/audit/queries';

try {
  const config = loadConfig();
  const db = openDatabase(config.databasePath, { auditKey: config.auditKey });
  const result = verifyAuditChain(db);
  closeDatabase(db);
  if (result.ok) {
    console.log(`Audit trail intact: ${result.rows} row${result.rows === 1 ? '' : 's'} verified.`);
    if (result.head) {
      console.log(`Head: row ${result.head.lastId}, ${result.head.lastHash}`);
      console.log(
        'Keep that line somewhere else: a later run showing the same row and seal proves nothing was cut since.',
      );
    }
    if (result.keyedFrom !== null && result.keyedFrom > 1) {
      console.log(`Rows 1 to ${result.keyedFrom - 1} predate the audit key: they are hash-chained, not sealed.`);
    }
  } else if (result.brokenRowId !== null) {
    console.error(
      `Audit trail broken at row ${result.brokenRowId} (${result.at?.toISOString() ?? 'unknown time'}): ${result.reason}. Rows before it are intact.`,
    );
    if (result.brokenRowId === result.keyedFrom) {
      console.error(
        'If no row from there on verifies, check that AUDIT_KEY (or audit.key) is the key the trail was sealed with.',
      );
    }
    process.exit(1);
  } else {
    console.error(`Audit trail broken: ${result.reason}.`);
    process.exit(1);
  }
} catch (error) {
  console.error(
    `Cannot verify the audit trail: ${error instanceof ConfigError ? error.message : (error as Error).message}`,
  );
  process.exit(1);
}
