import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * Reads an OpenAPI contract (`openapi/customers.yaml` unless told otherwise)
 * and turns each operation into Fastify route schemas, so validation and
 * serialisation come from the contract itself and never from a second,
 * hand-written copy of it.
 */
type Json = Record<string, unknown>;

/** The operation keys an OpenAPI path item may hold; its other keys (summary, parameters…) are not operations. */
const OPENAPI_METHODS = {
  get: 'GET',
  put: 'PUT',
  post: 'POST',
  delete: 'DELETE',
  options: 'OPTIONS',
  head: 'HEAD',
  patch: 'PATCH',
  trace: 'TRACE',
} as const;
export type HttpMethod = (typeof OPENAPI_METHODS)[keyof typeof OPENAPI_METHODS];

function isOpenApiMethod(key: string): key is keyof typeof OPENAPI_METHODS {
  return Object.hasOwn(OPENAPI_METHODS, key);
}

export interface ContractOperation {
  operationId: string;
  method: HttpMethod;
  /** The OpenAPI path, e.g. `/v1/customers/{customer_id}`. */
  path: string;
  /** The same path in Fastify's syntax, e.g. `/v1/customers/:customer_id`. */
  url: string;
  schema: {
    querystring?: Json;
    params?: Json;
    body?: Json;
    response: Record<string, Json>;
  };
}

export interface Contract {
  /** Component schemas with `$id` set, to be added with `app.addSchema`. */
  schemas: Json[];
  operations: ContractOperation[];
}

/**
 * The contract's extension for a property's `pattern` in words, shown to people
 * whose value does not match it. A validator in strict mode must be told of it.
 */
export const PATTERN_MESSAGE = 'x-pattern-message';

export const CONTRACT_FILE = new URL('../../openapi/customers.yaml', import.meta.url);
/** The back-office server's own API: sign-in, the session, roles. */
export const BACKOFFICE_CONTRACT_FILE = new URL('../../openapi/backoffice.yaml', import.meta.url);

export function loadContract(file: URL | string = CONTRACT_FILE): Contract {
  const doc = parse(readFileSync(file, 'utf8')) as Json;
  const components = doc.components as Json;
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve);
    if (value === null || typeof value !== 'object') return value;
    const ref = (value as Json).$ref;
    if (typeof ref === 'string') {
      const [, kind, name] = /^#\/components\/(\w+)\/(\w+)$/.exec(ref) ?? [];
      if (kind === 'schemas') return { $ref: `${name}#` };
      const target = kind && name ? (components[kind] as Json | undefined)?.[name] : undefined;
      if (target === undefined) throw new Error(`Unresolvable $ref ${ref} in the contract`);
      return resolve(target);
    }
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, resolve(inner)]));
  };

  const schemas = Object.entries(components.schemas as Json).map(([name, schema]) => ({
    $id: name,
    ...(resolve(schema) as Json),
  }));

  const operations: ContractOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths as Json)) {
    for (const [method, rawOperation] of Object.entries(item as Json)) {
      if (!isOpenApiMethod(method)) continue;
      const operation = resolve(rawOperation) as Json;
      const parameters = (operation.parameters ?? []) as Json[];
      const group = (where: string): Json | undefined => {
        const list = parameters.filter((parameter) => parameter.in === where);
        if (list.length === 0) return undefined;
        return {
          type: 'object',
          properties: Object.fromEntries(list.map((p) => [p.name as string, p.schema])),
          required: list.filter((p) => p.required).map((p) => p.name as string),
        };
      };
      const content = (operation.requestBody as Json | undefined)?.content as Json | undefined;
      const bodySchema = content && (Object.values(content)[0] as Json).schema;
      const response: Record<string, Json> = {};
      for (const [status, answer] of Object.entries(operation.responses as Json)) {
        const schema = (
          ((answer as Json).content as Json | undefined)?.['application/json'] as Json | undefined
        )?.schema as Json | undefined;
        if (schema) response[status.toLowerCase()] = schema;
      }
      const schema: ContractOperation['schema'] = { response };
      const querystring = group('query');
      const params = group('path');
      if (querystring) schema.querystring = querystring;
      if (params) schema.params = params;
      if (bodySchema) schema.body = bodySchema as Json;
      operations.push({
        operationId: operation.operationId as string,
        method: OPENAPI_METHODS[method],
        path,
        url: path.replace(/\{(\w+)\}/g, ':$1'),
        schema,
      });
    }
  }
  return { schemas, operations };
}
