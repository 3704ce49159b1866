import type { Db } from '../../../db/client';
import type { Validated } from '../../../lib/validation';
import type { Actor } from '../../audit/commands';
import { applyImport, type ImportSummary } from '../import/apply';
import { parseMinutesText } from '../import/parse';

/**
 * Imports minutes written as plain text into a meeting, as a draft: the same
 * reading and saving the minutes screen's import and `npm run import` do.
 */
export function importMinutesText(
  db: Db,
  actor: Actor,
  meetingId: number,
  text: string,
  now: Date,
): Validated<ImportSummary> {
  return applyImport(db, actor, meetingId, parseMinutesText(text), text, now);
}
