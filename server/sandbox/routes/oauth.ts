import type { FastifyPluginAsync } from 'fastify';
import { hasAppCredentials } from '../appCredentials';
import { ApiError, validationFailed } from '../errors';
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
    handler: async (request, reply) => {
      // Fintecture's SDKs send the app's id in the form too (PHP SDK `src/Api/Auth/Token.php`,
      // Python `fintecture/api_resources/pis.py`, Ruby `lib/fintecture/api/auth/authentication.rb`):
      // accepted, and it must name the app the Basic credentials prove.
      const form = request.body as Record<string, unknown> | undefined;
      const appId = form?.app_id;
      if (appId !== undefined && appId !== config.appId) {
        throw validationFailed([
          {
            field: 'app_id',
            code: 'invalid_value',
            message: 'app_id must be the application of the Basic credentials.',
          },
        ]);
      }
      request.log.info({ app_id: appId ?? null }, 'access token issued');
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
