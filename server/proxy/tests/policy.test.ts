import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { schemaRules } from '../../../openapi/rules';
import { CONTRACT_FILE, loadContract } from '../../shared/contract';
import { allowedOperations, matchOperation, PolicyError } from '../operations';
import { OPERATION_POLICY, roleAllows } from '../policy';

const dir = mkdtempSync(join(tmpdir(), 'proxy-policy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the Customers contract with a PUT added to one customer, as a later contract might. */
function contractWithReplaceCustomer() {
  const doc = parse(readFileSync(CONTRACT_FILE, 'utf8')) as {
    paths: Record<string, Record<string, unknown>>;
  };
  doc.paths['/v1/customers/{customer_id}']!.put = {
    operationId: 'replaceCustomer',
    parameters: [{ $ref: '#/components/parameters/CustomerIdPath' }],
    requestBody: {
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/CustomerCreate' } } },
    },
    responses: { '200': { description: 'Replaced' } },
  };
  const file = join(dir, 'customers-with-put.yaml');
  writeFileSync(file, stringify(doc));
  return loadContract(file);
}

describe('the operation policy', () => {
  it('covers every forwarded operation of the contract', () => {
    const operations = allowedOperations();
    expect(operations.map((operation) => operation.operationId).sort()).toEqual(
      Object.keys(OPERATION_POLICY).sort(),
    );
  });

  it('refuses to start when the contract has an operation the policy does not name', () => {
    const contract = contractWithReplaceCustomer();
    expect(() => allowedOperations(contract)).toThrow(PolicyError);
    expect(() => allowedOperations(contract)).toThrow(
      'PUT /v1/customers/{customer_id} (replaceCustomer) has no entry',
    );
  });

  it('refuses a policy entry for an operation the contract lacks, or a query parameter it does not declare', () => {
    expect(() =>
      allowedOperations(loadContract(), { ...OPERATION_POLICY, deleteCustomer: { role: 'agent' } }),
    ).toThrow('deleteCustomer');
    expect(() =>
      allowedOperations(loadContract(), {
        ...OPERATION_POLICY,
        listAllCustomers: { role: 'viewer', query: ['page[number]', 'debug'] },
      }),
    ).toThrow('debug');
  });

  it('keeps the method the contract declares: a PUT stays a PUT, and POST there is 405', () => {
    const operations = allowedOperations(contractWithReplaceCustomer(), {
      ...OPERATION_POLICY,
      replaceCustomer: { role: 'agent' },
    });
    const put = matchOperation(operations, 'PUT', '/v1/customers/abc');
    expect(put).toMatchObject({
      kind: 'operation',
      operation: { operationId: 'replaceCustomer', method: 'PUT', takesBody: true },
      params: { customer_id: 'abc' },
    });
    expect(matchOperation(operations, 'POST', '/v1/customers/abc')).toEqual({
      kind: 'method_not_allowed',
      allow: ['GET', 'PUT'],
    });
    expect(matchOperation(operations, 'GET', '/oauth/accesstoken')).toEqual({ kind: 'not_found' });
  });

  it('lets a viewer read only, and an agent read and create', () => {
    expect(schemaRules.Role.enum).toEqual(['viewer', 'agent']);
    expect(roleAllows('viewer', 'viewer')).toBe(true);
    expect(roleAllows('viewer', 'agent')).toBe(false);
    expect(roleAllows('agent', 'viewer')).toBe(true);
    expect(roleAllows('agent', 'agent')).toBe(true);
    const viewerMay = allowedOperations()
      .filter((operation) => roleAllows('viewer', operation.policy.role))
      .map((operation) => operation.method);
    expect(new Set(viewerMay)).toEqual(new Set(['GET']));
    const creates = allowedOperations().filter((operation) => operation.policy.create);
    expect(creates.map((operation) => operation.operationId).sort()).toEqual([
      'createCustomer',
      'createCustomerBankAccount',
      'initiateCustomerVerification',
    ]);
  });
});
