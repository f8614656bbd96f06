import { loadContract, type Contract, type HttpMethod } from '../shared/contract';
import { ConfigError } from '../shared/env';

/**
 * The upstream's flavour, and the mapping between it and the dashboard's
 * contract (openapi/customers.yaml plus `cancelled`, `link` and `log_id`).
 *
 * - `seed`: the contract as written. Nothing is mapped and no body is parsed
 *   (the hot path stays a byte copy).
 * - `fintecture`: Fintecture's API as its documentation and SDKs describe it:
 *   `/bank_accounts` in paths (PHP SDK `src/Api/Customers/CustomerBankAccount.php`),
 *   verification statuses `initiated`, `cancelled`, `failed`, `success` with the
 *   customer's link as `url` (docs, "Verify a Customer"), and error bodies
 *   `{status, code, log_id, errors: [{code, title, detail, source}]}` (Python SDK
 *   `api_requestor.py`, PHP `ApiResponse.php`).
 *
 * Applied by the one upstream client (upstream.ts), so every caller — the /api
 * forwarding, stored idempotent answers, the index — sees the dashboard's shapes.
 */
export const API_FLAVORS = ['seed', 'fintecture'] as const;
export type ApiFlavor = (typeof API_FLAVORS)[number];

export function isApiFlavor(value: unknown): value is ApiFlavor {
  return typeof value === 'string' && (API_FLAVORS as readonly string[]).includes(value);
}

/** A flavour named by an environment variable; anything else is a ConfigError naming it. */
export function flavorVar(
  env: Record<string, string | undefined>,
  name: string,
): ApiFlavor | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  if (!isApiFlavor(raw)) {
    throw new ConfigError(`${name} must be one of ${API_FLAVORS.join(', ')}, got "${raw}"`);
  }
  return raw;
}

/** A Fintecture address (sandbox or production): `fintecture.com` or any host under it. */
export function isFintectureHost(url: string): boolean {
  const host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  return host === 'fintecture.com' || host.endsWith('.fintecture.com');
}

/** The flavour of an upstream URL when none is set: Fintecture's own hosts speak Fintecture. */
export function defaultFlavorOf(url: string): ApiFlavor {
  return isFintectureHost(url) ? 'fintecture' : 'seed';
}

/** Fintecture's verification statuses in the dashboard's words; any other passes unchanged. */
const STATUS_TO_DASHBOARD: Readonly<Record<string, string>> = {
  initiated: 'pending',
  success: 'verified',
  failed: 'failed',
  cancelled: 'cancelled',
};

export function dashboardStatus(status: string): string {
  return Object.hasOwn(STATUS_TO_DASHBOARD, status) ? STATUS_TO_DASHBOARD[status]! : status;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** One verification object in the dashboard's words (in place): its status mapped, its link named `link`. */
function mapVerification(row: Json): void {
  // A JSON:API resource keeps its fields under `attributes`: mapped there, where they are.
  if (isObject(row.attributes)) mapVerification(row.attributes);
  if (typeof row.status === 'string') row.status = dashboardStatus(row.status);
  const meta = isObject(row.meta) ? row.meta : undefined;
  const url = text(row.url) ?? text(row.redirect_url) ?? text(meta?.url);
  if (url !== undefined) {
    if (text(row.link) === undefined) row.link = url;
    delete row.url;
    delete row.redirect_url;
    if (meta && text(meta.url) !== undefined) {
      delete meta.url;
      if (Object.keys(meta).length === 0) delete row.meta;
    }
  }
}

/** A single verification, a `data` object, or each of a `data[]` list. */
export function mapVerificationBody(body: unknown): void {
  if (!isObject(body)) return;
  if (Array.isArray(body.data)) {
    for (const row of body.data) if (isObject(row)) mapVerification(row);
    return;
  }
  if (isObject(body.data)) {
    mapVerification(body.data);
    return;
  }
  mapVerification(body);
}

export interface DashboardFieldError {
  field: string;
  code: string;
  message: string;
}

export interface DashboardError {
  status: number;
  code: string;
  message: string;
  errors: DashboardFieldError[];
  log_id?: string;
  request_id?: string;
}

/** What a status means when the upstream said nothing more. */
export function plainMessage(status: number): string {
  if (status === 400 || status === 422) return 'The Fintecture API refused the request as invalid.';
  if (status === 401) return 'The Fintecture API refused the credentials.';
  if (status === 403) return 'The Fintecture API does not allow this request.';
  if (status === 404) return 'The Fintecture API found no such record.';
  if (status === 409) return 'The Fintecture API refused the request as conflicting with a record.';
  if (status === 429) return 'The Fintecture API received too many requests; retry shortly.';
  if (status >= 500) return `The Fintecture API failed (HTTP ${status}); retry shortly.`;
  return `The Fintecture API refused the request (HTTP ${status}).`;
}

/** A JSON pointer to the field it names: `/email` → email, `/data/attributes/address/city` → address.city. */
export function fieldOfPointer(pointer: string): string | undefined {
  const parts = pointer
    .replace(/^#/, '')
    .split('/')
    .filter((part) => part !== '')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (parts[0] === 'data') parts.shift();
  if (parts[0] === 'attributes') parts.shift();
  return parts.length > 0 ? parts.join('.') : undefined;
}

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The known field a sentence names, when it names one plainly: quoted
 * ("The field 'email' is invalid"), or first, before a colon ("email: must be…").
 * Longer names first, so `address.city` wins over `address`.
 */
export function fieldNamedIn(detail: string, knownFields: readonly string[]): string | undefined {
  const sorted = [...knownFields].sort((a, b) => b.length - a.length);
  for (const field of sorted) {
    const name = escape(field);
    if (new RegExp(`^\\s*${name}\\s*:`).test(detail)) return field;
    if (new RegExp(`['"\`‘’“”]${name}['"\`‘’“”]`).test(detail)) return field;
  }
  return undefined;
}

/**
 * An error body of either shape, in the dashboard's: `{status, code, message,
 * errors: [{field, code, message}], log_id?, request_id?}`. An item naming a
 * field (`field`, `source.pointer`, `source.parameter`, or a known field in its
 * words) becomes a field error; the words of items naming none make the message.
 */
export function dashboardError(
  status: number,
  body: unknown,
  knownFields: readonly string[] = [],
): DashboardError {
  const top = isObject(body) ? body : {};
  const items = Array.isArray(top.errors) ? top.errors.filter(isObject) : [];
  const fieldErrors: DashboardFieldError[] = [];
  const sentences: string[] = [];
  for (const item of items) {
    const words = text(item.message) ?? text(item.detail) ?? text(item.title);
    const source = isObject(item.source) ? item.source : undefined;
    const field =
      text(item.field) ??
      (text(source?.pointer) === undefined
        ? undefined
        : fieldOfPointer(source!.pointer as string)) ??
      text(source?.parameter) ??
      (words === undefined ? undefined : fieldNamedIn(words, knownFields));
    if (field !== undefined) {
      fieldErrors.push({
        field,
        code: text(item.code) ?? 'invalid',
        message: words ?? text(item.title) ?? 'This value is invalid.',
      });
    } else if (words !== undefined && !sentences.includes(words)) {
      sentences.push(words);
    }
  }
  // Every item under its field: the words are shown there, and the message only says what failed.
  const firstWords =
    fieldErrors.length > 0
      ? undefined
      : items
          .map((item) => text(item.detail) ?? text(item.title) ?? text(item.message))
          .find((words) => words !== undefined);
  const message =
    text(top.message) ??
    (sentences.length > 0 ? sentences.join(' ') : undefined) ??
    firstWords ??
    text(top.detail) ??
    text(top.title) ??
    plainMessage(status);
  const code =
    text(top.code) ?? (items.length > 0 ? text(items[0]!.code) : undefined) ?? `http_${status}`;
  const logId = text(top.log_id) ?? text(top.logId);
  const requestId = text(top.request_id);
  return {
    status,
    code,
    message,
    errors: fieldErrors,
    ...(logId === undefined ? {} : { log_id: logId }),
    ...(requestId === undefined ? {} : { request_id: requestId }),
  };
}

const VERIFICATION_OPERATIONS = new Set([
  'initiateCustomerVerification',
  'listAllCustomerVerifications',
  'getCustomerVerificationById',
]);

interface KnownOperation {
  operationId: string;
  method: HttpMethod;
  pattern: RegExp;
  /** The request body's fields (nested ones dotted, e.g. `address.city`). */
  fields: string[];
}

function bodyFields(schema: unknown, schemas: Map<string, Json>, prefix = '', depth = 0): string[] {
  if (!isObject(schema) || depth > 4) return [];
  const ref = typeof schema.$ref === 'string' ? schemas.get(schema.$ref.replace(/#$/, '')) : schema;
  if (!ref || !isObject(ref.properties)) return [];
  return Object.entries(ref.properties).flatMap(([name, inner]) => [
    `${prefix}${name}`,
    ...bodyFields(inner, schemas, `${prefix}${name}.`, depth + 1),
  ]);
}

function knownOperations(contract: Contract): KnownOperation[] {
  const schemas = new Map(contract.schemas.map((schema) => [schema.$id as string, schema]));
  return contract.operations
    .filter((operation) => operation.path.startsWith('/v1/') || operation.path.startsWith('/res/'))
    .map((operation) => ({
      operationId: operation.operationId,
      method: operation.method,
      pattern: new RegExp(
        `^${operation.path.replace(/\{(\w+)\}/g, '[^/?]+').replace(/[.]/g, '\\.')}(?:\\?.*)?$`,
      ),
      fields: bodyFields(operation.schema.body, schemas),
    }));
}

/** What the upstream client needs of a body-carrying answer. */
export interface FlavoredAnswer {
  status: number;
  contentType: string | undefined;
  body: Buffer;
}

/**
 * The mapping for one upstream. `seed` is the identity (`active` false: callers
 * skip it altogether); `fintecture` rewrites paths going out and bodies coming in.
 */
export class FlavorMapping {
  readonly active: boolean;
  private operations: KnownOperation[] | undefined;

  constructor(
    readonly flavor: ApiFlavor,
    private readonly contract: () => Contract = loadContract,
  ) {
    this.active = flavor !== 'seed';
  }

  /** The target as the upstream names it (the dashboard's `bank-accounts` path segment → `bank_accounts`). */
  outgoingTarget(target: string): string {
    if (!this.active) return target;
    const queryAt = target.indexOf('?');
    const path = queryAt < 0 ? target : target.slice(0, queryAt);
    const rest = queryAt < 0 ? '' : target.slice(queryAt);
    return `${path.replace(/\/bank-accounts(?=\/|$)/g, '/bank_accounts')}${rest}`;
  }

  private operationOf(method: HttpMethod, target: string): KnownOperation | undefined {
    this.operations ??= knownOperations(this.contract());
    return this.operations.find(
      (operation) => operation.method === method && operation.pattern.test(target),
    );
  }

  /**
   * The upstream's answer in the dashboard's words. `target` is the dashboard's
   * (before outgoingTarget). A body that is not JSON, or does not parse, is left
   * as it came: the caller answers it as malformed, as for any flavour.
   */
  incoming<T extends FlavoredAnswer>(method: HttpMethod, target: string, answer: T): T {
    if (!this.active) return answer;
    if (answer.status < 400 && answer.status >= 300) return answer;
    if (!(answer.contentType ?? '').includes('json') || answer.body.length === 0) return answer;
    const operation = this.operationOf(method, target);
    const isError = answer.status >= 400;
    if (!isError && !(operation && VERIFICATION_OPERATIONS.has(operation.operationId))) {
      return answer;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(answer.body.toString('utf8'));
    } catch {
      return answer;
    }
    if (isError) {
      const mapped = dashboardError(answer.status, parsed, operation?.fields ?? []);
      return { ...answer, body: Buffer.from(JSON.stringify(mapped)) };
    }
    mapVerificationBody(parsed);
    return { ...answer, body: Buffer.from(JSON.stringify(parsed)) };
  }
}
