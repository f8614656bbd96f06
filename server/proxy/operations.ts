import { loadContract, type Contract, type HttpMethod } from '../shared/contract';
import { ConfigError } from '../shared/env';
import { OPERATION_POLICY, type OperationPolicy } from './policy';

/**
 * The allow-list: the /v1 operations of the contract, each with its policy,
 * matched against the raw request path. Ids are a safe character set, so
 * encoded slashes, dots, NULs and double slashes can never match.
 */
export interface AllowedOperation {
  operationId: string;
  method: HttpMethod;
  pattern: RegExp;
  policy: OperationPolicy;
  /** The contract declares a request body: one must come, as JSON. */
  takesBody: boolean;
}

export const SAFE_ID = '[A-Za-z0-9_-]{1,64}';

/** A contract and a policy that disagree: the proxy must not start. */
export class PolicyError extends ConfigError {
  override name = 'PolicyError';
}

export function allowedOperations(
  contract: Contract = loadContract(),
  policies: Readonly<Record<string, OperationPolicy>> = OPERATION_POLICY,
): AllowedOperation[] {
  const forwarded = contract.operations.filter(
    (operation) => operation.path.startsWith('/v1/') || operation.path.startsWith('/res/v1/'),
  );
  const known = new Set(forwarded.map((operation) => operation.operationId));
  const stale = Object.keys(policies).filter((operationId) => !known.has(operationId));
  if (stale.length > 0) {
    throw new PolicyError(
      `The operation policy names operations the contract lacks: ${stale.join(', ')}`,
    );
  }
  return forwarded.map((operation) => {
    const policy = policies[operation.operationId];
    if (!policy) {
      throw new PolicyError(
        `${operation.method} ${operation.path} (${operation.operationId}) has no entry in the proxy's operation policy (server/proxy/policy.ts); add one to forward it.`,
      );
    }
    const declared = Object.keys(
      (operation.schema.querystring?.properties as Record<string, unknown> | undefined) ?? {},
    );
    const undeclared = (policy.query ?? []).filter((name) => !declared.includes(name));
    if (undeclared.length > 0) {
      throw new PolicyError(
        `The policy of ${operation.operationId} passes query parameters the contract does not declare: ${undeclared.join(', ')}`,
      );
    }
    return {
      operationId: operation.operationId,
      method: operation.method,
      pattern: new RegExp(
        `^${operation.path.replace(/\{(\w+)\}/g, (_whole, name: string) => `(?<${name}>${SAFE_ID})`)}$`,
      ),
      policy,
      takesBody: operation.schema.body !== undefined,
    };
  });
}

export type Match =
  | { kind: 'operation'; operation: AllowedOperation; params: Record<string, string> }
  | { kind: 'method_not_allowed'; allow: HttpMethod[] }
  | { kind: 'not_found' };

export function matchOperation(
  operations: readonly AllowedOperation[],
  method: string,
  path: string,
): Match {
  const allow: HttpMethod[] = [];
  for (const operation of operations) {
    const found = operation.pattern.exec(path);
    if (!found) continue;
    if (operation.method === method) {
      return { kind: 'operation', operation, params: { ...found.groups } };
    }
    allow.push(operation.method);
  }
  return allow.length > 0 ? { kind: 'method_not_allowed', allow } : { kind: 'not_found' };
}
