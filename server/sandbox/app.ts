import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { loadContract } from '../shared/contract';
import { bearerAuth } from './plugins/bearerAuth';
import { bodyParsers } from './plugins/bodyParsers';
import { contractValidation } from './plugins/contractValidation';
import { errorAnswers } from './plugins/errorAnswers';
import { faultInjection } from './plugins/faultInjection';
import { bankAccountRoutes } from './routes/bankAccounts';
import { consentRoutes } from './routes/consent';
import { routesOf, type SandboxRouteOptions } from './routes/contractRoute';
import { controlRoutes } from './routes/control';
import { customerRoutes } from './routes/customers';
import { oauthRoutes } from './routes/oauth';
import { providerRoutes } from './routes/providers';
import { verificationRoutes } from './routes/verifications';
import { openSandbox, type SandboxConfig, type SandboxHandle } from './state';

export type { SandboxConfig, SandboxHandle } from './state';

declare module 'fastify' {
  interface FastifyInstance {
    sandbox: SandboxHandle;
  }
}

const BODY_LIMIT = 1024 * 1024;
const SAFE_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The Customers API emulator: the operations of `openapi/customers.yaml`, plus `/_sandbox` controls. */
export async function buildApp(config: SandboxConfig): Promise<FastifyInstance> {
  const app = Fastify({
    ...(config.logger && typeof config.logger === 'object' && 'child' in config.logger
      ? { loggerInstance: config.logger }
      : {
          logger: config.logger
            ? {
                ...(config.logger === true ? {} : config.logger),
                // A consent link's token is a secret: the log says which page, never the token.
                serializers: {
                  req: (request: { method: string; url: string }) => ({
                    method: request.method,
                    url: withoutConsentToken(request.url),
                  }),
                },
              }
            : false,
        }),
    bodyLimit: BODY_LIMIT,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const state = openSandbox(config);
  app.decorate('sandbox', state.handle);
  app.addHook('onClose', () => state.close());

  const contract = loadContract();
  await app.register(errorAnswers);
  await app.register(bodyParsers);
  await app.register(faultInjection);
  await app.register(contractValidation, { schemas: contract.schemas });

  const options: SandboxRouteOptions = {
    config,
    signingKey: state.signingKey,
    route: routesOf(contract, state.handle.flavor),
  };
  await app.register(oauthRoutes, options);
  await app.register(async (v1) => {
    await v1.register(bearerAuth, {
      appId: config.appId,
      signingKey: state.signingKey,
      signaturePublicKey: config.signaturePublicKey,
    });
    await v1.register(customerRoutes, options);
    await v1.register(bankAccountRoutes, options);
    await v1.register(verificationRoutes, options);
    await v1.register(providerRoutes, options);
  });
  // Where the customer of a Fintecture-style verification confirms; no token but the link's own.
  await app.register(consentRoutes);
  const operationIds = contract.operations.map((operation) => operation.operationId);
  await app.register(controlRoutes, { operationIds });
  return app;
}

/** `/consent/<id>/<token>…` as `/consent/<id>/…`. */
function withoutConsentToken(url: string): string {
  return url.replace(/^(\/consent\/[^/?#]+\/)[^/?#]+/, '$1…');
}
