import type { FastifyPluginAsync } from 'fastify';
import type { components } from '../../../openapi/customers';
import { schemaRules } from '../../../openapi/rules';
import { checkBic, checkCurrency, checkIban } from '../bankDetails';
import { conflictOnDuplicate, notFound, validationFailed, type FieldError } from '../errors';
import { tidyBody } from '../tidyInput';
import type { SandboxRouteOptions } from './contractRoute';
import { customerSeq, customerSeqUpToDate } from './customerSeq';

type BankAccountCreate = components['schemas']['CustomerBankAccountCreate'];
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

  app.route<{ Params: Pick<AccountPath, 'customer_id'>; Body: BankAccountCreate }>({
    ...route('createCustomerBankAccount'),
    preValidation: tidyBody(schemaRules.CustomerBankAccountCreate, ['bic']),
    handler: async (request, reply) => {
      const seq = customerSeq(store, request.params.customer_id);
      const input = bankDetails(request.body);
      const account = conflictOnDuplicate(
        () => store.createBankAccount(seq, input),
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

/** What the contract cannot say in a schema: IBAN checksum and country length, BIC shape, ISO 4217. */
function bankDetails(body: BankAccountCreate): BankAccountCreate {
  const iban = checkIban(body.iban);
  const bic = body.bic === undefined ? undefined : checkBic(body.bic);
  const currency = checkCurrency(body.currency);
  const problems: FieldError[] = [];
  if (!iban.ok) problems.push({ field: 'iban', ...iban.problem });
  if (bic && !bic.ok) problems.push({ field: 'bic', ...bic.problem });
  if (!currency.ok) problems.push({ field: 'currency', ...currency.problem });
  if (!iban.ok || !currency.ok || (bic && !bic.ok)) throw validationFailed(problems);
  const account: BankAccountCreate = {
    iban: iban.value,
    holder_name: body.holder_name,
    currency: currency.value,
  };
  if (bic) account.bic = bic.value;
  return account;
}
