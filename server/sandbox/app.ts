import { randomBytes, randomUUID, timingSafeEqual, type KeyObject } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Ajv, type Options as AjvOptions } from 'ajv';
import addFormats from 'ajv-formats';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { loadContract } from '../shared/contract';
import { verifyRequestSignature } from '../shared/httpSignature';
import { checkBic, checkCurrency, checkIban } from './bankDetails';
import { generateDemoCustomers } from './demoData';
import { ApiError, errorReply, notFound, validationFailed, type FieldError } from './errors';
import { ALL_OPERATIONS, FaultSwitch, type Fault } from './faults';
import { DuplicateError, SandboxStore, type CustomerCreate } from './store';
import { checkToken, issueToken, newSigningKey } from './tokens';

export interface SandboxConfig {
  /** SQLite file, or `:memory:`. */
  db: string;
  /** Demo customers created when the database is empty. */
  seed: number;
  appId: string;
  /** Generated and kept in the database when not given. */
  appSecret?: string;
  verificationDelayMs: number;
  tokenTtlSeconds: number;
  /** When set, every /v1 request must carry a valid HTTP Signature made with the matching private key. */
  signaturePublicKey?: KeyObject;
  logger?: FastifyServerOptions['logger'] | FastifyBaseLogger;
  /** How often pending verifications are resolved in the background. */
  sweepIntervalMs?: number;
}

export interface SandboxHandle {
  appId: string;
  appSecret: string;
  store: SandboxStore;
  faults: FaultSwitch;
  stats: { operations: Record<string, number> };
  /** The last requests as received (method, target, headers), newest last, for tests and demos. */
  recent: { method: string; url: string; headers: Record<string, unknown> }[];
  /** Revoking tokens bumps it; kept in the database, read once here rather than on every call. */
  tokenGeneration: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    sandbox: SandboxHandle;
  }
  interface FastifyRequest {
    rawBody?: Buffer;
    fault?: Fault;
  }
  interface FastifyContextConfig {
    operationId?: string;
  }
}

const BODY_LIMIT = 1024 * 1024;
const SAFE_REQUEST_ID = /^[\w.:-]{1,128}$/;
const PROVIDER_ID = /^[a-z0-9][a-z0-9_.-]{0,63}$/i;
const PHONE = /^\+?[0-9 ().-]{3,32}$/;
export const DEFAULT_PROVIDER = 'sandbox';

export async function buildApp(config: SandboxConfig): Promise<FastifyInstance> {
  const app = Fastify({
    ...(config.logger && typeof config.logger === 'object' && 'child' in config.logger
      ? { loggerInstance: config.logger }
      : { logger: config.logger ?? false }),
    bodyLimit: BODY_LIMIT,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
    },
  });

  const store = new SandboxStore(config.db);
  app.addHook('onClose', () => store.close());
  if (store.countCustomers() === 0 && config.seed > 0) {
    store.seed(generateDemoCustomers(config.seed), config.verificationDelayMs);
  }
  const appSecret =
    config.appSecret ?? persisted(store, 'app_secret', () => randomBytes(24).toString('base64url'));
  const signingKey = persisted(store, 'token_signing_key', newSigningKey);
  const faults = new FaultSwitch();
  const handle: SandboxHandle = {
    appId: config.appId,
    appSecret,
    store,
    faults,
    stats: { operations: {} },
    recent: [],
    tokenGeneration: Number(store.getMeta('token_generation') ?? '0'),
  };
  app.decorate('sandbox', handle);

  // Verifications resolve on the reads that show them and, for everyone else, in the background.
  store.resolveDueVerifications();
  const sweep = setInterval(() => store.resolveDueVerifications(), config.sweepIntervalMs ?? 1000);
  sweep.unref();
  app.addHook('onClose', () => clearInterval(sweep));

  // Bodies: JSON (kept raw, for the Digest check) and, for the token operation, a form.
  app.removeAllContentTypeParsers();
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    request.rawBody = body as Buffer;
    void parseJson(request, (body as Buffer).toString('utf8'), done);
  });
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (request, body, done) => {
      if (request.routeOptions.config.operationId !== 'getAccessToken') {
        done(
          new ApiError(
            415,
            'unsupported_media_type',
            'This operation takes a JSON body (Content-Type: application/json).',
          ),
          undefined,
        );
        return;
      }
      request.rawBody = Buffer.from(body as string);
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );

  app.setErrorHandler((error, request, reply) => {
    const { status, body, headers } = errorReply(error as Parameters<typeof errorReply>[0]);
    if (status >= 500) request.log.error({ err: error }, 'sandbox failure');
    return reply
      .code(status)
      .headers(headers)
      .send({ ...body, request_id: request.id });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      status: 404,
      code: 'route_not_found',
      message: `${request.method} ${request.url.split('?')[0]} is not an operation of this API.`,
      request_id: request.id,
    }),
  );

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    const operationId = request.routeOptions.config.operationId;
    if (!operationId) return;
    handle.recent.push({
      method: request.method,
      url: request.url,
      headers: { ...request.headers },
    });
    if (handle.recent.length > 100) handle.recent.shift();
    handle.stats.operations[operationId] = (handle.stats.operations[operationId] ?? 0) + 1;
    const fault = faults.take(operationId);
    if (!fault) return;
    request.fault = fault;
    if (fault.latency_ms) await sleep(fault.latency_ms);
    if (fault.status) {
      if (fault.retry_after_s !== undefined)
        reply.header('retry-after', String(fault.retry_after_s));
      throw new ApiError(fault.status, ...faultAnswer(fault.status));
    }
  });
  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.fault?.malformed && typeof payload === 'string' && payload.length > 1) {
      return payload.slice(0, Math.ceil(payload.length / 2));
    }
    return payload;
  });

  const contract = loadContract();
  for (const schema of contract.schemas) app.addSchema(schema);
  app.setValidatorCompiler(contractValidators(contract.schemas));
  const routes = contract.operations;
  const route = (operationId: string) => {
    const operation = routes.find((candidate) => candidate.operationId === operationId);
    if (!operation) throw new Error(`The contract has no operation ${operationId}`);
    return {
      method: operation.method,
      url: operation.url,
      schema: operation.schema,
      config: { operationId },
    };
  };

  // OAuth client_credentials.
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
      const credentials = basicCredentials(request);
      if (
        !credentials ||
        credentials.id !== config.appId ||
        !equalSecrets(credentials.secret, appSecret)
      ) {
        throw new ApiError(401, 'invalid_client', 'The app_id or app_secret is wrong.', undefined, {
          'www-authenticate': 'Basic realm="fintecture"',
        });
      }
    },
    handler: async (_request, reply) => {
      const generation = handle.tokenGeneration;
      reply.header('cache-control', 'no-store');
      return {
        access_token: issueToken(
          signingKey,
          config.appId,
          'customers',
          config.tokenTtlSeconds,
          generation,
        ),
        token_type: 'Bearer',
        expires_in: config.tokenTtlSeconds,
        scope: 'customers',
      };
    },
  });

  // Everything under /v1 needs a bearer token and, in signature mode, a valid signature.
  await app.register(async (v1) => {
    v1.addHook('onRequest', async (request) => {
      const header = request.headers.authorization ?? '';
      const [scheme, token] = header.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token) {
        throw new ApiError(
          401,
          'missing_token',
          'Send an access token: Authorization: Bearer <token>.',
          undefined,
          {
            'www-authenticate': 'Bearer realm="fintecture"',
          },
        );
      }
      const check = checkToken(signingKey, token, {
        appId: config.appId,
        generation: handle.tokenGeneration,
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
    if (config.signaturePublicKey) {
      const publicKey = config.signaturePublicKey;
      v1.addHook('preValidation', async (request) => {
        const result = verifyRequestSignature({
          method: request.method,
          target: request.url,
          headers: request.headers,
          body: request.rawBody ?? Buffer.alloc(0),
          publicKey,
          keyId: config.appId,
        });
        if (!result.ok) throw new ApiError(401, 'invalid_signature', result.reason);
      });
    }

    const customerSeq = (id: string): number => {
      const seq = store.customerSeq(id);
      if (seq === undefined) throw notFound('customer', id);
      return seq;
    };

    v1.route({
      ...route('listAllCustomers'),
      handler: async (request) => {
        const query = request.query as { 'page[number]': number; 'page[size]': number };
        return {
          data: store.listCustomers(query['page[number]'], query['page[size]']),
          meta: { count: store.countCustomers() },
        };
      },
    });

    v1.route({
      ...route('createCustomer'),
      handler: async (request, reply) => {
        const input = cleanCustomer(request.body as CustomerCreate);
        try {
          return await reply.code(201).send(store.createCustomer(input));
        } catch (error) {
          if (error instanceof DuplicateError) {
            throw new ApiError(
              409,
              'external_id_taken',
              `Another customer already has the external id "${input.external_id}".`,
              [
                {
                  field: 'external_id',
                  code: 'duplicate',
                  message: 'Another customer already has this external id.',
                },
              ],
            );
          }
          throw error;
        }
      },
    });

    v1.route({
      ...route('getCustomerById'),
      handler: async (request) => {
        const { customer_id } = request.params as { customer_id: string };
        const customer = store.getCustomer(customer_id);
        if (!customer) throw notFound('customer', customer_id);
        return customer;
      },
    });

    v1.route({
      ...route('listAllCustomerBankAccounts'),
      handler: async (request) => {
        const seq = customerSeq((request.params as { customer_id: string }).customer_id);
        store.resolveDueVerifications(Date.now(), seq);
        return { data: store.listBankAccounts(seq) };
      },
    });

    v1.route({
      ...route('createCustomerBankAccount'),
      handler: async (request, reply) => {
        const seq = customerSeq((request.params as { customer_id: string }).customer_id);
        const input = cleanBankAccount(request.body as BankAccountInput);
        try {
          return await reply.code(201).send(store.createBankAccount(seq, input));
        } catch (error) {
          if (error instanceof DuplicateError) {
            throw new ApiError(
              409,
              'bank_account_exists',
              'This customer already has a bank account with this IBAN.',
              [
                {
                  field: 'iban',
                  code: 'duplicate',
                  message: 'This customer already has this IBAN.',
                },
              ],
            );
          }
          throw error;
        }
      },
    });

    v1.route({
      ...route('getBankAccountById'),
      handler: async (request) => {
        const { customer_id, account_id } = request.params as {
          customer_id: string;
          account_id: string;
        };
        const seq = customerSeq(customer_id);
        store.resolveDueVerifications(Date.now(), seq);
        const account = store.getBankAccount(seq, account_id);
        if (!account) throw notFound('bank_account', account_id);
        return account;
      },
    });

    v1.route({
      ...route('initiateCustomerVerification'),
      // Every field is optional, so an empty request is a valid "verify with the defaults".
      preValidation: async (request) => {
        request.body ??= {};
      },
      handler: async (request, reply) => {
        const { customer_id } = request.params as { customer_id: string };
        const customer = store.getCustomer(customer_id);
        if (!customer) throw notFound('customer', customer_id);
        const input = cleanVerification(
          request.body as VerificationInput,
          `${customer.first_name} ${customer.last_name}`,
        );
        const verification = store.startVerification(
          customerSeq(customer_id),
          input,
          Date.now() + config.verificationDelayMs,
        );
        return reply.code(201).send(verification);
      },
    });

    v1.route({
      ...route('listAllCustomerVerifications'),
      handler: async (request) => {
        const seq = customerSeq((request.params as { customer_id: string }).customer_id);
        store.resolveDueVerifications(Date.now(), seq);
        return { data: store.listVerifications(seq) };
      },
    });

    v1.route({
      ...route('getCustomerVerificationById'),
      handler: async (request) => {
        const { customer_id, verification_id } = request.params as {
          customer_id: string;
          verification_id: string;
        };
        const seq = customerSeq(customer_id);
        store.resolveDueVerifications(Date.now(), seq);
        const verification = store.getVerification(seq, verification_id);
        if (!verification) throw notFound('verification', verification_id);
        return verification;
      },
    });
  });

  const operationIds = contract.operations.map((operation) => operation.operationId);
  await app.register(async (control) => registerControlRoutes(control, handle, operationIds));
  return app;
}

/**
 * The fault switch and friends: only the sandbox has these, behind the app's
 * own Basic credentials, so a test can break the "upstream" on purpose.
 */
async function registerControlRoutes(
  control: FastifyInstance,
  handle: SandboxHandle,
  contractOperationIds: string[],
): Promise<void> {
  control.addHook('onRequest', async (request) => {
    const credentials = basicCredentials(request);
    if (
      !credentials ||
      credentials.id !== handle.appId ||
      !equalSecrets(credentials.secret, handle.appSecret)
    ) {
      throw new ApiError(
        401,
        'invalid_client',
        'The sandbox controls need the app_id and app_secret as Basic credentials.',
        undefined,
        {
          'www-authenticate': 'Basic realm="fintecture-sandbox"',
        },
      );
    }
  });
  const operationIds = [ALL_OPERATIONS, ...contractOperationIds];
  control.get('/_sandbox/faults', async () => ({ data: handle.faults.list() }));
  control.put(
    '/_sandbox/faults',
    {
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            operation: { type: 'string', enum: operationIds, default: ALL_OPERATIONS },
            latency_ms: { type: 'integer', minimum: 0, maximum: 60000 },
            status: { type: 'integer', enum: [429, 500, 502, 503, 504] },
            retry_after_s: { type: 'integer', minimum: 0, maximum: 3600 },
            malformed: { type: 'boolean' },
            times: { type: 'integer', minimum: 1 },
          },
        },
      },
    },
    async (request) => {
      const fault = request.body as Fault;
      handle.faults.set(fault);
      return fault;
    },
  );
  control.delete('/_sandbox/faults', async (request, reply) => {
    const { operation } = request.query as { operation?: string };
    handle.faults.clear(operation);
    return reply.code(204).send();
  });
  control.delete('/_sandbox/tokens', async (_request, reply) => {
    handle.tokenGeneration += 1;
    handle.store.setMeta('token_generation', String(handle.tokenGeneration));
    return reply.code(204).send();
  });
  control.get('/_sandbox/stats', async () => handle.stats);
  control.get('/_sandbox/requests', async () => ({ data: handle.recent }));
  control.delete('/_sandbox/stats', async (_request, reply) => {
    handle.stats.operations = {};
    handle.recent.length = 0;
    return reply.code(204).send();
  });
}

/**
 * Query strings and paths are text, so they are coerced ("2" is page 2); JSON
 * bodies are not (42 is no first name). All errors are reported at once, so a
 * form can show every field at fault; bodies are small and capped at 1 MB.
 */
function contractValidators(schemas: Record<string, unknown>[]) {
  const make = (options: AjvOptions) => {
    const ajv = new Ajv({ useDefaults: true, allErrors: true, ...options });
    addFormats(ajv);
    for (const schema of schemas) ajv.addSchema(schema);
    return ajv;
  };
  const forBody = make({ coerceTypes: false });
  const forText = make({ coerceTypes: true });
  return ({ schema, httpPart }: { schema: Record<string, unknown>; httpPart?: string }) =>
    (httpPart === 'body' ? forBody : forText).compile(schema);
}

function faultAnswer(status: number): [code: string, message: string] {
  switch (status) {
    case 429:
      return [
        'rate_limited',
        'Too many requests; retry after the delay in Retry-After (sandbox fault).',
      ];
    case 502:
      return ['bad_gateway', 'A provider behind the API failed (sandbox fault).'];
    case 503:
      return ['service_unavailable', 'The API is temporarily unavailable (sandbox fault).'];
    case 504:
      return ['gateway_timeout', 'A provider behind the API timed out (sandbox fault).'];
    default:
      return ['internal_error', 'The API failed (sandbox fault).'];
  }
}

function persisted(store: SandboxStore, key: string, create: () => string): string {
  const existing = store.getMeta(key);
  if (existing !== undefined) return existing;
  const value = create();
  store.setMeta(key, value);
  return value;
}

function basicCredentials(request: FastifyRequest): { id: string; secret: string } | undefined {
  const [scheme, encoded] = (request.headers.authorization ?? '').split(' ');
  if (scheme?.toLowerCase() !== 'basic' || !encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

function equalSecrets(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Trims what people type and refuses blanks the schema cannot see (a name of spaces). */
function cleanCustomer(body: CustomerCreate): CustomerCreate {
  const problems: FieldError[] = [];
  const required = (field: 'first_name' | 'last_name' | 'email') => {
    const value = body[field].trim();
    if (value === '')
      problems.push({ field, code: 'required', message: `${field} must not be empty.` });
    return value;
  };
  const optional = (value: string | undefined) => {
    const trimmed = value?.trim();
    return trimmed === '' ? undefined : trimmed;
  };
  const customer: CustomerCreate = {
    first_name: required('first_name'),
    last_name: required('last_name'),
    email: required('email'),
  };
  const company = optional(body.company_name);
  const phone = optional(body.phone);
  const externalId = optional(body.external_id);
  if (company !== undefined) customer.company_name = company;
  if (phone !== undefined) {
    if (!PHONE.test(phone) || (phone.match(/\d/g)?.length ?? 0) < 6) {
      problems.push({
        field: 'phone',
        code: 'invalid_format',
        message:
          'A phone number has digits, spaces and an optional leading +, e.g. +33 6 12 34 56 78.',
      });
    }
    customer.phone = phone;
  }
  if (externalId !== undefined) customer.external_id = externalId;
  if (problems.length > 0) throw validationFailed(problems);
  return customer;
}

interface BankAccountInput {
  iban: string;
  bic?: string;
  holder_name: string;
  currency: string;
}

function cleanBankAccount(body: BankAccountInput): BankAccountInput {
  const problems: FieldError[] = [];
  const iban = checkIban(body.iban);
  if (!iban.ok) problems.push({ field: 'iban', ...iban.problem });
  const bicInput = body.bic?.trim() ?? '';
  const bic = bicInput === '' ? undefined : checkBic(bicInput);
  if (bic && !bic.ok) problems.push({ field: 'bic', ...bic.problem });
  const holderName = body.holder_name.trim();
  if (holderName === '') {
    problems.push({
      field: 'holder_name',
      code: 'required',
      message: 'holder_name must not be empty.',
    });
  }
  const currency = checkCurrency(body.currency);
  if (!currency.ok) problems.push({ field: 'currency', ...currency.problem });
  if (problems.length > 0 || !iban.ok || !currency.ok || (bic && !bic.ok)) {
    throw validationFailed(problems);
  }
  const account: BankAccountInput = {
    iban: iban.value,
    holder_name: holderName,
    currency: currency.value,
  };
  if (bic) account.bic = bic.value;
  return account;
}

interface VerificationInput {
  provider_id?: string;
  expected_name?: string;
}

function cleanVerification(body: VerificationInput | undefined, fullName: string) {
  const problems: FieldError[] = [];
  const providerId = body?.provider_id?.trim() || DEFAULT_PROVIDER;
  if (!PROVIDER_ID.test(providerId)) {
    problems.push({
      field: 'provider_id',
      code: 'invalid_format',
      message:
        'A provider id has letters, digits, dots, dashes and underscores, e.g. "bnp-paribas".',
    });
  }
  const expectedName = body?.expected_name === undefined ? fullName : body.expected_name.trim();
  if (expectedName === '') {
    problems.push({
      field: 'expected_name',
      code: 'required',
      message: "expected_name must not be empty; leave it out to use the customer's name.",
    });
  }
  if (problems.length > 0) throw validationFailed(problems);
  return { provider_id: providerId, expected_name: expectedName };
}
