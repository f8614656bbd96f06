import fp from 'fastify-plugin';

/** Graceful shutdown: requests in flight finish, then their keep-alive connections close. */
export default fp(
  async (app) => {
    let closing = false;
    app.addHook('preClose', async () => {
      closing = true;
      app.server.closeIdleConnections();
    });
    app.addHook('onSend', async (_request, reply, payload) => {
      if (closing) reply.header('connection', 'close');
      return payload;
    });
  },
  { name: 'graceful-shutdown' },
);
