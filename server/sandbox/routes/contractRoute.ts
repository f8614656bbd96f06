import type { Contract, ContractOperation } from '../../shared/contract';
import type { SandboxConfig } from '../state';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The contract's operationId, on the routes that implement one. */
    operationId?: string;
  }
}

/** The parts of a route the contract decides: method, path and schemas. */
export interface ContractRoute {
  method: ContractOperation['method'];
  url: string;
  schema: ContractOperation['schema'];
  config: { operationId: string };
}

export type RouteFor = (operationId: string) => ContractRoute;

/** What every route file is registered with. */
export interface SandboxRouteOptions {
  config: SandboxConfig;
  signingKey: string;
  route: RouteFor;
}

/** Looks operations up by operationId, so a handler never restates a path or a schema. */
export function routesOf(contract: Contract): RouteFor {
  const byId = new Map(contract.operations.map((operation) => [operation.operationId, operation]));
  return (operationId) => {
    const operation = byId.get(operationId);
    if (!operation) throw new Error(`The contract has no operation ${operationId}`);
    const { method, url, schema } = operation;
    return { method, url, schema, config: { operationId } };
  };
}
