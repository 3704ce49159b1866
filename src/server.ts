import { buildApp } from './app';
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

  const app = await buildApp(config);
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
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));

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
}

void main();
