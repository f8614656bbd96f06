import type { KeyObject } from 'node:crypto';
import fp from 'fastify-plugin';
import { verifyRequestSignature } from '../../shared/httpSignature';
import { ApiError } from '../errors';
import { checkToken } from '../tokens';

interface BearerAuthOptions {
  appId: string;
  signingKey: string;
  /** When set, requests must also carry a valid HTTP Signature. */
  signaturePublicKey?: KeyObject | undefined;
}

/** Every route of the context it is registered in needs a valid bearer token (and signature). */
export const bearerAuth = fp<BearerAuthOptions>(
  async (app, { appId, signingKey, signaturePublicKey }) => {
    app.addHook('onRequest', async (request) => {
      const [scheme, token] = (request.headers.authorization ?? '').split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token) {
        throw new ApiError(
          401,
          'missing_token',
          'Send an access token: Authorization: Bearer <token>.',
          undefined,
          { 'www-authenticate': 'Bearer realm="fintecture"' },
        );
      }
      const check = checkToken(signingKey, token, {
        appId,
        generation: app.sandbox.tokenGeneration,
      });
      if (!check.ok) {
        throw new ApiError(
          401,
          check.code,
          check.code === 'token_expired'
            ? 'The access token has expired; get a new one.'
            : 'The access token is not valid.',
          undefined,
          { 'www-authenticate': `Bearer realm="fintecture", error="invalid_token"` },
        );
      }
    });
    if (!signaturePublicKey) return;
    app.addHook('preValidation', async (request) => {
      const result = verifyRequestSignature({
        method: request.method,
        target: request.url,
        headers: request.headers,
        body: request.rawBody ?? Buffer.alloc(0),
        publicKey: signaturePublicKey,
        keyId: appId,
      });
      if (!result.ok) throw new ApiError(401, 'invalid_signature', result.reason);
    });
  },
  { name: 'sandbox-bearer-auth', decorators: { fastify: ['sandbox'] } },
);
