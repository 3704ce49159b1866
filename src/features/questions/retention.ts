import type { FastifyPluginAsync } from 'fastify';
import { eraseExpiredAskerEmails } from './commands/privacy';

const EVERY_SIX_HOURS = 6 * 60 * 60_000;

/**
 * Erases askers' email addresses once the committee's months after the
 * meeting have passed: at start, then every six hours while the server runs.
 */
const questionRetention: FastifyPluginAsync = async (app) => {
  let timer: NodeJS.Timeout | null = null;
  const run = () => {
    try {
      const { erased } = eraseExpiredAskerEmails(app.db, app.now());
      if (erased > 0) app.log.info({ erased }, 'erased askers’ email addresses past keeping');
    } catch (err) {
      app.log.error({ err }, 'erasing askers’ email addresses failed; it is tried again later');
    }
  };
  app.addHook('onReady', async () => {
    run();
    timer = setInterval(run, EVERY_SIX_HOURS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
};

export default questionRetention;
