import type { FastifyPluginAsync } from 'fastify';
import { schemaRules } from '../../../openapi/rules';
import { checkBic, checkCurrency, checkIban } from '../bankDetails';
import { conflictOnDuplicate, notFound } from '../errors';
import { withFieldChecks } from '../fieldChecks';
import type { NewBankAccount } from '../store';
import { tidyBody } from '../tidyInput';
import type { SandboxRouteOptions } from './contractRoute';
import { customerSeq, customerSeqUpToDate } from './customerSeq';

type AccountPath = { customer_id: string; account_id: string };

export const bankAccountRoutes: FastifyPluginAsync<SandboxRouteOptions> = async (
  app,
  { route },
) => {
  const { store } = app.sandbox;

  app.route<{ Params: Pick<AccountPath, 'customer_id'> }>({
    ...route('listAllCustomerBankAccounts'),
    handler: async (request) => ({
      data: store.listBankAccounts(customerSeqUpToDate(store, request.params.customer_id)),
    }),
  });

  // Once validated, the body has the contract's default currency (Ajv's useDefaults) and
  // passed what the contract cannot say: IBAN checksum and country length, BIC shape, ISO 4217.
  app.route<{ Params: Pick<AccountPath, 'customer_id'>; Body: NewBankAccount }>({
    ...route('createCustomerBankAccount'),
    preValidation: tidyBody(schemaRules.CustomerBankAccountCreate, ['bic']),
    ...withFieldChecks<NewBankAccount>({ iban: checkIban, bic: checkBic, currency: checkCurrency }),
    handler: async (request, reply) => {
      const seq = customerSeq(store, request.params.customer_id);
      const account = conflictOnDuplicate(
        () => store.createBankAccount(seq, request.body),
        'bank_account_exists',
        'This customer already has a bank account with this IBAN.',
        { field: 'iban', message: 'This customer already has this IBAN.' },
      );
      return reply.code(201).send(account);
    },
  });

  app.route<{ Params: AccountPath }>({
    ...route('getBankAccountById'),
    handler: async (request) => {
      const { customer_id, account_id } = request.params;
      const account = store.getBankAccount(customerSeqUpToDate(store, customer_id), account_id);
      if (!account) throw notFound('bank_account', account_id);
      return account;
    },
  });
};
