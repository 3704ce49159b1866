/**
 * Import existing minutes from plain text.
 *
 *   npm run import -- minutes <file> --meeting <id>            read, then save into the meeting's minutes
 *   npm run import -- minutes <file> [--meeting <id>] --dry-run print what was read as JSON; save nothing
 *
 * The file: plain text (.txt), a Word document (.docx) or a PDF.
 *
 * The dry run needs no meeting: any council can check the importer on its own
 * minutes. With --meeting it also says who each name is in the directory and
 * what the import would replace.
 *
 * Exit status: 0 imported (or read), 1 could not be imported, 2 wrong usage.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config';
import { closeDatabase, openDatabase } from '../src/db/client';
import { systemActor } from '../src/features/audit/commands';
import { meetings } from '../src/db/schema';
import { dryRunReport } from '../src/features/minutes/import/parse';
import { parseMinutesUpload } from '../src/features/minutes/import/read';
import { applyImport, planImport } from '../src/features/minutes/import/apply';
import { eq } from 'drizzle-orm';

const USAGE = `Usage:
  npm run import -- minutes <file> --meeting <id>
  npm run import -- minutes <file> [--meeting <id>] --dry-run

The file of minutes may be plain text (.txt), a Word document (.docx) or a PDF.`;

function usage(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      meeting: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const [what, file, ...extra] = positionals;
  if (what !== 'minutes') usage(what ? `Cannot import “${what}”: only minutes.` : 'Say what to import: minutes.');
  if (!file) usage('Name the file of minutes to import.');
  if (extra.length > 0) usage(`Unexpected: ${extra.join(' ')}`);
  const meetingId =
    values.meeting === undefined
      ? null
      : /^\d{1,9}$/.test(values.meeting)
        ? Number(values.meeting)
        : usage('--meeting takes the number of a meeting, as in /meetings/2.');
  if (meetingId === null && !values['dry-run'])
    usage('Say which meeting the minutes are of, with --meeting <id> (or use --dry-run to only read them).');

  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    console.error(
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
    process.exit(1);
  }
  const { text, ...parsed } = await parseMinutesUpload(bytes);

  if (values['dry-run'] && meetingId === null) {
    console.log(JSON.stringify(dryRunReport(parsed), null, 2));
    return;
  }

  const config = loadConfig();
  const db = openDatabase(config.databasePath, { auditKey: config.auditKey });
  try {
    if (meetingId === null || !db.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meetingId)).get()) {
      console.error(`There is no meeting ${meetingId} in ${config.databasePath}.`);
      process.exitCode = 1;
      return;
    }
    if (values['dry-run']) {
      const plan = planImport(db, meetingId, parsed);
      console.log(
        JSON.stringify(
          {
            ...dryRunReport(parsed),
            plan: {
              attendance: plan.attendance.map((a) => ({
                written: a.written,
                status: a.status,
                person: a.person,
                substituteFor: a.substituteFor,
                isMember: a.isMember,
              })),
              items: plan.items.map((i) => ({ number: i.number, title: i.title, agendaItem: i.target })),
              declarations: plan.declarations.map((d) => ({ name: d.name, person: d.person, recorded: d.recorded })),
              replaces: plan.replaces,
              warnings: plan.warnings,
              blockers: plan.blockers,
            },
          },
          null,
          2,
        ),
      );
      return;
    }
    for (const problem of parsed.problems) console.error(`Could not read: ${problem}`);
    const result = applyImport(db, systemActor('import'), meetingId, parsed, text, new Date());
    if (!result.ok) {
      console.error(`Not imported: ${Object.values(result.errors).join(' ')}`);
      process.exitCode = 1;
      return;
    }
    const s = result.value;
    for (const warning of s.warnings) console.error(`Check: ${warning}`);
    console.log(
      `Imported into meeting ${meetingId}: ${s.items} items, ${s.attendees} attendees, ${s.declarations} declarations, ${s.resolutions} resolutions, ${s.actions} actions` +
        (s.newPeople > 0 ? `; ${s.newPeople} people added to the directory` : '') +
        '. The minutes are a draft: check them on the minutes screen, then publish.',
    );
  } finally {
    closeDatabase(db);
  }
}

try {
  await main();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) usage((error as Error).message);
  throw error;
}
