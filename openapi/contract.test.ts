import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContract } from '../server/shared/contract';

describe('the OpenAPI contract', () => {
  it('has generated types that are up to date (run `npm run gen:api`)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gen-api-'));
    try {
      const out = join(dir, 'customers.d.ts');
      execFileSync('npx', ['openapi-typescript', 'openapi/customers.yaml', '-o', out], {
        stdio: 'pipe',
      });
      expect(readFileSync(out, 'utf8')).toBe(readFileSync('openapi/customers.d.ts', 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has the eight Customers operations and the token operation, each with its error answers', () => {
    const { operations } = loadContract();
    expect(operations.map((op) => `${op.method} ${op.path}`).sort()).toEqual([
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
