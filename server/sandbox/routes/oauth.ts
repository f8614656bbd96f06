import type { FastifyPluginAsync } from 'fastify';
import { hasAppCredentials } from '../appCredentials';
import { ApiError } from '../errors';
import { issueToken } from '../tokens';
import type { SandboxRouteOptions } from './contractRoute';

const SCOPE = 'customers';

/** OAuth client_credentials: the app's Basic credentials buy a bearer token. */
export const oauthRoutes: FastifyPluginAsync<SandboxRouteOptions> = async (
  app,
  { config, signingKey, route },
) => {
  app.route({
    ...route('getAccessToken'),
    preValidation: async (request) => {
      if (!request.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) {
        throw new ApiError(
          415,
          'unsupported_media_type',
          'Send grant_type and scope as a form (application/x-www-form-urlencoded).',
        );
      }
      if (!hasAppCredentials(request, config.appId, app.sandbox.appSecret)) {
        throw new ApiError(401, 'invalid_client', 'The app_id or app_secret is wrong.', undefined, {
          'www-authenticate': 'Basic realm="fintecture"',
        });
      }
    },
    handler: async (_request, reply) => {
      const { tokenGeneration } = app.sandbox;
      const ttl = config.tokenTtlSeconds;
      reply.header('cache-control', 'no-store');
      return {
        access_token: issueToken(signingKey, config.appId, SCOPE, ttl, tokenGeneration),
        token_type: 'Bearer',
        expires_in: ttl,
        scope: SCOPE,
      };
    },
  });
};
