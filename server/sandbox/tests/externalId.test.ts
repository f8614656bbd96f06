import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSandbox } from '../testing';

type Sandbox = Awaited<ReturnType<typeof testSandbox>>;
type List = { data: { id: string; external_id?: string }[]; meta: { count: number } };

describe.each(['seed', 'fintecture'] as const)(
  'GET /v1/customers?external_id= (%s flavour)',
  (flavor) => {
    let sandbox: Sandbox;
    let wanted: string;
    beforeAll(async () => {
      sandbox = await testSandbox({ flavor });
      await sandbox.createCustomer({ external_id: 'CRM-1' });
      wanted = (await sandbox.createCustomer({ external_id: 'CRM-2', first_name: 'Anne' })).id;
      await sandbox.createCustomer({ external_id: 'CRM-20' });
      await sandbox.createCustomer();
    });
    afterAll(async () => sandbox.app.close());
    const list = async (query: string) => {
      const reply = await sandbox.call('GET', `/v1/customers?${query}`);
      expect(reply.statusCode, query).toBe(200);
      return reply.json<List>();
    };

    it('finds the one customer with exactly this external id', async () => {
      const found = await list('external_id=CRM-2');
      expect(found.meta.count).toBe(1);
      expect(found.data).toEqual([
        expect.objectContaining({ id: wanted, first_name: 'Anne', external_id: 'CRM-2' }),
      ]);
    });

    it('finds nobody for an id nobody has, nor for a prefix or another case', async () => {
      for (const id of ['CRM-3', 'CRM', 'crm-2', 'CRM-2 ']) {
        expect(await list(`external_id=${encodeURIComponent(id)}`)).toEqual({
          data: [],
          meta: { count: 0 },
        });
      }
    });

    it('pages as any list: the customer on page 1, none on page 2, count unchanged', async () => {
      expect((await list('external_id=CRM-2&page[number]=1&page[size]=1')).data).toHaveLength(1);
      expect(await list('external_id=CRM-2&page[number]=2&page[size]=1')).toEqual({
        data: [],
        meta: { count: 1 },
      });
    });

    it('still lists everyone without it', async () => {
      expect((await list('page[size]=100')).meta.count).toBe(4);
    });

    it('refuses an empty or too long external id, naming the parameter', async () => {
      for (const id of ['', 'x'.repeat(65)]) {
        const reply = await sandbox.call('GET', `/v1/customers?external_id=${id}`);
        expect(reply.statusCode).toBe(400);
        expect(JSON.stringify(reply.json())).toContain('external_id');
      }
    });
  },
);
