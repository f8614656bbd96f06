import fp from 'fastify-plugin';
import { UsersFile } from '../users';

declare module 'fastify' {
  interface FastifyInstance {
    users: UsersFile;
  }
}

/** The dashboard accounts, read from their file as it is now. */
export default fp<{ file: string }>(
  async (app, { file }) => {
    app.decorate('users', new UsersFile(file));
  },
  { name: 'users' },
);
