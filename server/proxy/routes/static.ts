import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { problem } from '../problem';

/**
 * The dashboard: hashed assets cached for a year, index.html never, and
 * index.html for any client route; unknown API paths get JSON. Not
 * encapsulated, because the not-found answer is the whole app's.
 */
export default fp<{ distDir: string }>(
  async (app, { distDir }) => {
    const indexFile = join(distDir, 'index.html');
    const assetsDir = join(distDir, 'assets');
    if (existsSync(indexFile)) {
      await app.register(fastifyStatic, {
        root: distDir,
        wildcard: false,
        index: false,
        setHeaders: (res, path) => {
          res.header(
            'cache-control',
            path.includes(assetsDir) ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      });
    }
    app.setNotFoundHandler(async (request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      const clientRoute =
        (request.method === 'GET' || request.method === 'HEAD') &&
        !/^\/(api|auth|bo)(\/|$)/.test(path) &&
        !path.startsWith('/assets/') &&
        (request.headers.accept ?? '').includes('text/html');
      if (clientRoute && existsSync(indexFile)) {
        return reply.header('cache-control', 'no-cache').sendFile('index.html', distDir);
      }
      return problem(reply, 404, 'not_found', `${request.method} ${path} does not exist.`);
    });
  },
  { name: 'dashboard-files' },
);
