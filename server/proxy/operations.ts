import { loadContract } from '../shared/contract';

/**
 * The allow-list: exactly the Customers operations of the contract, matched
 * against the raw request path. Ids are a safe character set, so encoded
 * slashes, dots, NULs and double slashes can never match.
 */
export interface AllowedOperation {
  operationId: string;
  method: 'GET' | 'POST';
  pattern: RegExp;
  /** Query parameters passed on (others are dropped). */
  query: string[];
}

export interface MatchedOperation {
  operationId: string;
  method: 'GET' | 'POST';
  params: Record<string, string>;
}

export const SAFE_ID = '[A-Za-z0-9_-]{1,64}';

export function allowedOperations(): AllowedOperation[] {
  return loadContract()
    .operations.filter((operation) => operation.path.startsWith('/v1/'))
    .map((operation) => ({
      operationId: operation.operationId,
      method: operation.method,
      pattern: new RegExp(
        `^${operation.path.replace(/\{(\w+)\}/g, (_whole, name: string) => `(?<${name}>${SAFE_ID})`)}$`,
      ),
      query: Object.keys(
        (operation.schema.querystring?.properties as Record<string, unknown> | undefined) ?? {},
      ),
    }));
}

export type Match =
  | { kind: 'operation'; operation: AllowedOperation; params: Record<string, string> }
  | { kind: 'method_not_allowed'; allow: string[] }
  | { kind: 'not_found' };

export function matchOperation(
  operations: AllowedOperation[],
  method: string,
  path: string,
): Match {
  const allow: string[] = [];
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
