import '@fastify/session';

declare module 'fastify' {
  interface Session {
    /** The signed-in user's id. */
    userId?: number;
    /** The CSRF secret (@fastify/csrf-protection). */
    _csrf?: string;
    /** A confirmation to show on the next page ("Meeting scheduled"). */
    flash?: string;
  }
}
