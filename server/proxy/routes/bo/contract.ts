import { Ajv } from 'ajv';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifySchemaValidationError,
} from 'fastify';
import { BACKOFFICE_CONTRACT_FILE, loadContract } from '../../../shared/contract';
import { problem } from '../../problem';

/** The /bo operations of openapi/backoffice.yaml: their query, path and answer schemas. */
const contract = loadContract(BACKOFFICE_CONTRACT_FILE);

export function routeSchema(operationId: string) {
  const operation = contract.operations.find((each) => each.operationId === operationId);
  if (!operation) throw new Error(`${operationId} is not an operation of the back-office contract`);
  return operation.schema;
}

/**
 * The contract's schemas in this context, and a validator for query strings
 * (numbers and booleans come as text; an array of two strings, from a repeated
 * parameter, is still refused where one string is expected).
 */
export function useContract(app: FastifyInstance): void {
  for (const schema of contract.schemas) app.addSchema(schema);
  const queryAjv = new Ajv({ coerceTypes: true, useDefaults: true });
  for (const schema of contract.schemas) queryAjv.addSchema(schema);
  app.setValidatorCompiler(({ schema }) => queryAjv.compile(schema));
}

/** "page[size] must be <= 100" from what the validator found (the first thing only). */
function sentence(errors: FastifySchemaValidationError[]): string {
  const first = errors[0];
  if (!first) return 'The request is not valid.';
  const missing = (first.params as { missingProperty?: string }).missingProperty;
  if (missing !== undefined) return `${missing} is required.`;
  const name = first.instancePath.replace(/^\//, '').replace(/~1/g, '/');
  const allowed = (first.params as { allowedValues?: unknown[] }).allowedValues;
  if (allowed) return `${name} must be one of ${allowed.join(', ')}.`;
  return `${name || 'The request'} ${first.message ?? 'is not valid'}.`;
}

/** A request the contract refused (routes set `attachValidation`): a 400 that names the parameter. */
export function refuseInvalid(request: FastifyRequest, reply: FastifyReply) {
  const error = request.validationError;
  if (!error) return undefined;
  return problem(
    reply,
    400,
    'validation_failed',
    sentence(error.validation as FastifySchemaValidationError[]),
  );
}
