import type { Contract, ContractOperation } from '../../shared/contract';
import { flavorPath, type SandboxFlavor } from '../flavor';
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
  schema: Omit<ContractOperation['schema'], 'response'> & {
    response?: ContractOperation['schema']['response'];
  };
  config: { operationId: string };
}

export type RouteFor = (operationId: string) => ContractRoute;

/** What every route file is registered with. */
export interface SandboxRouteOptions {
  config: SandboxConfig;
  signingKey: string;
  route: RouteFor;
}

/**
 * Looks operations up by operationId, so a handler never restates a path or a
 * schema. The contract's paths and request schemas serve both flavours: in
 * Fintecture's, a path is the one Fintecture documents (`bank_accounts`) with
 * the same validation, and answers are sent as built, since Fintecture's shapes
 * (its error body, a verification's `url`) are not the contract's and a
 * contract's response schema would drop or refuse them.
 */
export function routesOf(contract: Contract, flavor: SandboxFlavor = 'seed'): RouteFor {
  const byId = new Map(contract.operations.map((operation) => [operation.operationId, operation]));
  return (operationId) => {
    const operation = byId.get(operationId);
    if (!operation) throw new Error(`The contract has no operation ${operationId}`);
    const { method, url, schema } = operation;
    const contractRoute = { method, url, schema, config: { operationId } };
    if (flavor === 'seed') return contractRoute;
    return { ...withoutAnswerSchemas(contractRoute), url: flavorPath(flavor, url) };
  };
}

/** The route with the contract's request schemas only: its answers are sent as built. */
export function withoutAnswerSchemas(route: ContractRoute): ContractRoute {
  const schema = { ...route.schema };
  delete schema.response;
  return { ...route, schema };
}
