import { Anchor, Group, Select, Text, TextInput } from '@mantine/core';
import { IconBuildingBank, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Controller } from 'react-hook-form';
import { Link, useOutletContext } from 'react-router';
import {
  bankAccountCreateFromForm,
  bankAccountFormSchema,
  bankAccountsQuery,
  CURRENCIES,
  useCreateBankAccount,
  type BankAccount,
} from '../api/bankAccounts';
import { fullName, type Customer } from '../api/customers';
import { CustomerResourceTab } from '../components/CustomerResourceTab';
import { CreateForm } from '../components/CreateForm';
import type { DialogEnd } from '../components/CreateDialog';
import { AccountIban } from '../components/AccountIban';
import { ListEmpty, type ListColumn } from '../components/ResponsiveList';
import { VerifiedBadge } from '../components/StatusBadge';
import { useCreateForm } from '../components/useCreateForm';
import { t } from '../lib/i18n';

/** Codes are read character by character: monospace in the box, not in its label or error. */
const MONOSPACE_INPUT = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

function AddBankAccountForm({ customer, end }: { customer: Customer; end: DialogEnd }) {
  const createForm = useCreateForm({
    schema: bankAccountFormSchema,
    defaultValues: { iban: '', bic: '', holder_name: fullName(customer), currency: 'EUR' },
    mutation: useCreateBankAccount(customer.id!),
    toBody: bankAccountCreateFromForm,
    notice: (_account, values) => ({
      color: 'teal',
      title: t('Bank account added'),
      message: t('The account of {holder} was added.', { holder: values.holder_name }),
    }),
    onCreated: end.done,
  });
  const { form, field } = createForm;
  const { errors } = form.formState;
  return (
    <CreateForm
      state={createForm}
      errorTitle={t('The account was not added')}
      submitLabel={t('Add bank account')}
      cancel={{ onClick: end.cancel }}
    >
      <TextInput
        label="IBAN"
        required
        autoComplete="off"
        placeholder="FR76 3000 6000 0112 3456 7890 189"
        data-autofocus
        styles={MONOSPACE_INPUT}
        {...field('iban')}
      />
      <TextInput
        label="BIC"
        autoComplete="off"
        placeholder="BNPAFRPP"
        styles={MONOSPACE_INPUT}
        {...field('bic')}
      />
      <TextInput label={t('Holder name')} required autoComplete="off" {...field('holder_name')} />
      <Controller
        control={form.control}
        name="currency"
        render={({ field }) => (
          <Select
            label={t('Currency')}
            required
            data={[...CURRENCIES]}
            value={field.value}
            onChange={(value) => field.onChange(value ?? 'EUR')}
            onBlur={field.onBlur}
            allowDeselect={false}
            error={errors.currency?.message}
          />
        )}
      />
    </CreateForm>
  );
}

function DetailsLink({ account }: { account: BankAccount }) {
  return (
    <Anchor
      component={Link}
      to={`${account.id}`}
      size="sm"
      aria-label={t('Details of the account of {holder}', { holder: account.holder_name })}
    >
      {t('Details')}
    </Anchor>
  );
}

const columns = (): ListColumn<BankAccount>[] => [
  { header: 'IBAN', cell: (a) => <AccountIban account={a} />, skeletonWidth: 220 },
  { header: 'BIC', cell: (a) => a.bic ?? '—', cellProps: { ff: 'monospace' }, skeletonWidth: 80 },
  { header: t('Holder'), cell: (a) => a.holder_name, skeletonWidth: 80 },
  { header: t('Currency'), cell: (a) => a.currency, skeletonWidth: 80 },
  { header: t('Status'), cell: (a) => <VerifiedBadge verified={a.verified} />, skeletonWidth: 80 },
  {
    header: <span className="visually-hidden">{t('Details')}</span>,
    cell: (a) => <DetailsLink account={a} />,
    skeletonWidth: 80,
  },
];

function BankAccountCard({ account }: { account: BankAccount }) {
  return (
    <>
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600} size="sm">
          {account.holder_name}
        </Text>
        <VerifiedBadge verified={account.verified} />
      </Group>
      <AccountIban account={account} />
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {[account.bic, account.currency].filter(Boolean).join(' · ')}
        </Text>
        <DetailsLink account={account} />
      </Group>
    </>
  );
}

export function BankAccountsTab() {
  const customer = useOutletContext<Customer>();
  const accounts = useQuery(bankAccountsQuery(customer.id!));
  return (
    <CustomerResourceTab
      query={accounts}
      summary={(rows) =>
        t('{count, plural, one {# bank account} other {# bank accounts}}', { count: rows.length })
      }
      create={{
        label: t('Add bank account'),
        icon: IconPlus,
        form: (end) => <AddBankAccountForm customer={customer} end={end} />,
      }}
      errorTitle={t('The bank accounts could not be loaded')}
      columns={columns()}
      card={(account) => <BankAccountCard account={account} />}
      empty={<ListEmpty icon={IconBuildingBank} title={t('No bank account yet')} />}
    />
  );
}
