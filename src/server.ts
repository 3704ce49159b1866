import { StartupError, buildApp } from './app';
import { demoAccounts } from './features/users/queries';
import { demoFixture } from './features/demo/fixture';
import { ConfigError, loadConfig, localUrl, type Config } from './config';

/**
 * Starts Scrutineer: reads the configuration (a bad value stops the start
 * with one line naming the variable), builds the app, listens, and closes
 * cleanly on SIGTERM and SIGINT: the server first, then the database.
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Scrutineer cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }

  let app: Awaited<ReturnType<typeof buildApp>>;
  try {
    app = await buildApp(config);
  } catch (error) {
    if (error instanceof StartupError) {
      console.error(`Scrutineer cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  // on, not once: a second signal while closing (npm and tsx both pass one on) must not cut the shutdown short.
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      console.error(`Scrutineer cannot start: port ${config.port} is already in use (set PORT to use another).`);
    } else {
      console.error(`Scrutineer cannot start: ${(error as Error).message}`);
    }
    await app.close();
    process.exit(1);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`Scrutineer is running at ${config.publicUrl ?? localUrl(config.host, port)}`);
  const demo = demoAccounts(app.db).filter((d) => !d.disabled);
  if (demo.length > 0) {
    console.log('Demo accounts (sign in at /login; remove them before real use with "npm run user -- remove-demo"):');
    for (const account of demo) {
      const password = demoFixture.users.find((u) => u.email === account.email)?.password ?? '(changed)';
      console.log(`  ${account.role.padEnd(6)} ${account.email}  password: ${password}`);
    }
  }
}

void main();
