import { Ajv } from 'ajv';
import type { FastifyPluginAsync } from 'fastify';
import type { components } from '../../../openapi/backoffice';
import { BACKOFFICE_CONTRACT_FILE, loadContract } from '../../shared/contract';
import { problem } from '../problem';
import { decoy, verifyPassword } from '../users';
import { signInLimiter, type SignInLimits } from './signInLimits';

type SignInRequest = components['schemas']['SignInRequest'];

/** Sign-in, sign-out and "who am I", with the schemas of openapi/backoffice.yaml. */
const auth: FastifyPluginAsync<{ limits: SignInLimits }> = async (app, { limits }) => {
  const contract = loadContract(BACKOFFICE_CONTRACT_FILE);
  for (const schema of contract.schemas) app.addSchema(schema);
  // Without Fastify's type coercion, which would let an array of one string pass as a string.
  const ajv = new Ajv({ coerceTypes: false });
  for (const schema of contract.schemas) ajv.addSchema(schema);
  app.setValidatorCompiler(({ schema }) => ajv.compile(schema));
  const schemaOf = (operationId: string) =>
    contract.operations.find((operation) => operation.operationId === operationId)!.schema;
  const { refuseOverLimit, countFailure } = await signInLimiter(app, limits);

  app.post<{ Body: SignInRequest }>(
    '/auth/login',
    { schema: schemaOf('signIn'), attachValidation: true, preHandler: refuseOverLimit },
    async (request, reply) => {
      if (request.validationError) {
        return problem(reply, 400, 'validation_failed', 'Enter your username and password.');
      }
      const { username, password } = request.body;
      const account = app.users.find(username);
      const valid = await verifyPassword(password, account?.password_hash ?? (await decoy()));
      if (!account || !valid) {
        await countFailure(request);
        request.log.info(
          { audit: { event: 'sign_in', agent: username, outcome: 'refused' } },
          'audit',
        );
        return problem(reply, 401, 'invalid_credentials', 'The username or password is wrong.');
      }
      // A new session id at sign-in, so an id planted before cannot be ridden.
      const agent = { username: account.username, role: account.role };
      app.sessions.start(request, reply, agent);
      request.log.info(
        { audit: { event: 'sign_in', agent: account.username, outcome: 'signed_in' } },
        'audit',
      );
      return reply.header('cache-control', 'no-store').send(agent);
    },
  );

  app.post('/auth/logout', { schema: schemaOf('signOut') }, async (request, reply) => {
    const agent = app.sessions.end(request, reply);
    if (agent) {
      request.log.info(
        { audit: { event: 'sign_out', agent: agent.username, outcome: 'signed_out' } },
        'audit',
      );
    }
    return reply.code(204).header('cache-control', 'no-store').send();
  });

  app.get('/auth/me', { schema: schemaOf('currentAgent') }, async (request, reply) => {
    const agent = app.signedInAgent(request, reply);
    if (!agent) return problem(reply, 401, 'unauthenticated', 'Sign in to continue.');
    return reply.header('cache-control', 'no-store').send(agent);
  });
};
export default auth;
