/**
 * Manage accounts from the server's command line.
 *
 *   npm run user -- add --email a@b.org --name "Liz Wheaton" --role clerk --committee health [--committee other] [--password-stdin]
 *   npm run user -- list
 *   npm run user -- disable --email a@b.org
 *   npm run user -- enable --email a@b.org
 *   npm run user -- remove-demo
 *
 * The password is asked for without echo, or read from standard input with --password-stdin.
 */
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { ConfigError, loadConfig } from '../src/config';
import { closeDatabase, openDatabase } from '../src/db/client';
import { createUser, removeDemoUsers, setUserDisabled } from '../src/features/users/commands';
import { findUserByEmail, listUsers } from '../src/features/users/queries';
import { systemActor } from '../src/features/audit/commands';

const USAGE = `Usage:
  npm run user -- add --email <email> --name <name> --role <admin|clerk|member> [--committee <slug> ...] [--person-id <id>] [--password-stdin]
  npm run user -- list
  npm run user -- disable --email <email>
  npm run user -- enable --email <email>
  npm run user -- remove-demo`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Asks for a line without echoing what is typed. */
function askHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) fail('No terminal to ask for the password: use --password-stdin.');
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
    let asked = false;
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (!asked) {
        asked = true;
        write(s);
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      committee: { type: 'string', multiple: true },
      'person-id': { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
    strict: true,
  });

  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(`Cannot open the database: ${error.message}`);
    throw error;
  }
  const db = openDatabase(config.databasePath, { auditKey: config.auditKey });
  const actor = systemActor('cli');
  try {
    switch (command) {
      case 'add': {
        if (!values.email || !values.name || !values.role) fail(`add needs --email, --name and --role.\n${USAGE}`);
        const password = values['password-stdin'] ? await readStdin() : await askHidden('Password: ');
        if (!values['password-stdin']) {
          const again = await askHidden('Password again: ');
          if (again !== password) fail('The passwords do not match. Nothing was saved.');
        }
        const result = await createUser(db, actor, {
          email: values.email,
          displayName: values.name,
          role: values.role as 'admin',
          password,
          committeeSlugs: values.committee ?? [],
          personId: values['person-id'] ? Number(values['person-id']) : null,
        });
        if (!result.ok)
          fail(
            `Nothing was saved:\n${Object.values(result.errors)
              .map((e) => `  - ${e}`)
              .join('\n')}`,
          );
        console.log(`Added ${result.value.role} ${result.value.email}.`);
        break;
      }
      case 'list': {
        const all = listUsers(db);
        if (all.length === 0) console.log('No accounts.');
        for (const u of all) {
          const flags = [u.disabled ? 'disabled' : '', u.demo ? 'demo' : ''].filter(Boolean).join(', ');
          console.log(
            `${u.email}\t${u.role}\t${u.displayName}\t${u.role === 'admin' ? 'all committees' : u.committees.join(',') || 'no committee'}${flags ? `\t(${flags})` : ''}`,
          );
        }
        break;
      }
      case 'disable':
      case 'enable': {
        if (!values.email) fail(`${command} needs --email.\n${USAGE}`);
        const user = findUserByEmail(db, values.email);
        if (!user) fail(`There is no account with the email address ${values.email}.`);
        setUserDisabled(db, actor, user.id, command === 'disable');
        console.log(`${command === 'disable' ? 'Disabled' : 'Enabled'} ${user.email}.`);
        break;
      }
      case 'remove-demo': {
        const removed = removeDemoUsers(db, actor);
        console.log(removed.length === 0 ? 'There are no demo accounts.' : `Removed ${removed.join(', ')}.`);
        break;
      }
      default:
        fail(USAGE);
    }
  } finally {
    closeDatabase(db);
  }
}

main().catch((error: unknown) => fail(`Failed: ${(error as Error).message}`));
