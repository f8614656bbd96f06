import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '../scripts/gen-api';
import { loadContract } from '../server/shared/contract';
import { schemaRules } from './rules';

describe('the OpenAPI contract', () => {
  it('has generated types and rules that are up to date (run `npm run gen:api`)', async () => {
    const generated = await generate();
    expect(Object.keys(generated).sort()).toEqual([
      'backoffice.d.ts',
      'customers.d.ts',
      'rules.ts',
    ]);
    for (const [file, content] of Object.entries(generated)) {
      expect(readFileSync(new URL(file, import.meta.url), 'utf8'), file).toBe(content);
    }
  });

  it('states the rules both sides check, so neither types them again', () => {
    const customer = schemaRules.CustomerCreate.properties;
    expect(customer.first_name).toMatchObject({ minLength: 1, maxLength: 100 });
    expect(new RegExp(customer.phone.pattern).test('+33 6 12 34 56 78')).toBe(true);
    expect(new RegExp(customer.phone.pattern).test('12-34')).toBe(false);
    expect(schemaRules.Role.enum).toEqual(['viewer', 'agent']);
  });

  it('has the eight Customers operations, the providers read and the token operation, each with its error answers', () => {
    const { operations } = loadContract();
    expect(operations.map((op) => `${op.method} ${op.path}`).sort()).toEqual([
      'GET /res/v1/providers',
      'GET /v1/customers',
      'GET /v1/customers/{customer_id}',
      'GET /v1/customers/{customer_id}/bank-accounts',
      'GET /v1/customers/{customer_id}/bank-accounts/{account_id}',
      'GET /v1/customers/{customer_id}/verification/{verification_id}',
      'GET /v1/customers/{customer_id}/verifications',
      'POST /oauth/accesstoken',
      'POST /v1/customers',
      'POST /v1/customers/{customer_id}/bank-accounts',
      'POST /v1/customers/{customer_id}/verification',
    ]);
    for (const op of operations) {
      expect(Object.keys(op.schema.response), op.operationId).toEqual(
        expect.arrayContaining(['401', '429', '5xx']),
      );
    }
  });
});
