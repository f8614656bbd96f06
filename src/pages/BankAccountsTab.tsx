import { zodResolver } from '@hookform/resolvers/zod';
import {
  Anchor,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBuildingBank, IconPlus } from '@tabler/icons-react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Link, useOutletContext } from 'react-router';
import { meQuery } from '../api/auth';
import {
  bankAccountCreateFromForm,
  bankAccountFormSchema,
  bankAccountsQuery,
  CURRENCIES,
  useCreateBankAccount,
  type BankAccountForm,
} from '../api/bankAccounts';
import { fullName, type Customer } from '../api/customers';
import { ErrorState } from '../components/ErrorState';
import { applyServerErrors } from '../components/formErrors';
import { FormErrorAlert } from '../components/FormErrorAlert';
import { IbanText } from '../components/IbanText';
import { VerifiedBadge } from '../components/StatusBadge';
import { useIdempotencyKey } from '../components/useIdempotencyKey';

const FIELDS = ['iban', 'bic', 'holder_name', 'currency'] as const;
/** Codes are read character by character: monospace in the box, not in its label or error. */
const MONOSPACE_INPUT = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

function AddBankAccountForm({ customer, onDone }: { customer: Customer; onDone: () => void }) {
  const create = useCreateBankAccount(customer.id!);
  const idempotencyKey = useIdempotencyKey();
  const [formError, setFormError] = useState<string>();
  const form = useForm<BankAccountForm>({
    resolver: zodResolver(bankAccountFormSchema),
    mode: 'onTouched',
    reValidateMode: 'onChange',
    defaultValues: { iban: '', bic: '', holder_name: fullName(customer), currency: 'EUR' },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) => {
    setFormError(undefined);
    create.mutate(
      { body: bankAccountCreateFromForm(values), idempotencyKey: idempotencyKey.current() },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            title: 'Bank account added',
            message: `The account of ${values.holder_name} was added.`,
          });
          onDone();
        },
        onError: (error) => setFormError(applyServerErrors(error, FIELDS, form.setError)),
        onSettled: idempotencyKey.settle,
      },
    );
  });
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <FormErrorAlert title="The account was not added" message={formError} />
        <TextInput
          label="IBAN"
          required
          autoComplete="off"
          placeholder="FR76 3000 6000 0112 3456 7890 189"
          styles={MONOSPACE_INPUT}
          {...form.register('iban')}
          error={errors.iban?.message}
        />
        <TextInput
          label="BIC"
          autoComplete="off"
          placeholder="BNPAFRPP"
          styles={MONOSPACE_INPUT}
          {...form.register('bic')}
          error={errors.bic?.message}
        />
        <TextInput
          label="Holder name"
          required
          autoComplete="off"
          {...form.register('holder_name')}
          error={errors.holder_name?.message}
        />
        <Controller
          control={form.control}
          name="currency"
          render={({ field }) => (
            <Select
              label="Currency"
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
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending} disabled={create.isPending}>
            Add bank account
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function BankAccountsTab() {
  const customer = useOutletContext<Customer>();
  const { data: agent } = useSuspenseQuery(meQuery);
  const accounts = useQuery(bankAccountsQuery(customer.id!));
  const [adding, setAdding] = useState(false);
  const rows = accounts.data?.data ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          {accounts.data ? `${rows.length} bank account${rows.length === 1 ? '' : 's'}` : ' '}
        </Text>
        {agent?.role === 'agent' && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
            Add bank account
          </Button>
        )}
      </Group>
      {accounts.isError ? (
        <ErrorState
          error={accounts.error}
          title="The bank accounts could not be loaded"
          onRetry={() => void accounts.refetch()}
        />
      ) : (
        <Paper withBorder radius="md">
          {/* On a phone each account is a card; the table is for wider screens. */}
          <Stack gap={0} hiddenFrom="sm">
            {rows.map((account) => (
              <Stack
                key={account.id}
                gap={6}
                p="sm"
                style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
              >
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={600} size="sm">
                    {account.holder_name}
                  </Text>
                  <VerifiedBadge verified={account.verified} />
                </Group>
                <IbanText iban={account.iban ?? ''} />
                <Group justify="space-between">
                  <Text size="xs" c="dimmed">
                    {[account.bic, account.currency].filter(Boolean).join(' · ')}
                  </Text>
                  <Anchor
                    component={Link}
                    to={`${account.id}`}
                    size="sm"
                    aria-label={`Details of the account of ${account.holder_name}`}
                  >
                    Details
                  </Anchor>
                </Group>
              </Stack>
            ))}
          </Stack>
          <Table.ScrollContainer minWidth={760} visibleFrom="sm">
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">IBAN</Table.Th>
                  <Table.Th scope="col">BIC</Table.Th>
                  <Table.Th scope="col">Holder</Table.Th>
                  <Table.Th scope="col">Currency</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">Details</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {accounts.isPending &&
                  Array.from({ length: 2 }, (_, i) => (
                    <Table.Tr key={i} aria-hidden>
                      {Array.from({ length: 6 }, (__, j) => (
                        <Table.Td key={j}>
                          <Skeleton height={14} width={j === 0 ? 220 : 80} />
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                {rows.map((account) => (
                  <Table.Tr key={account.id}>
                    <Table.Td>
                      <IbanText iban={account.iban ?? ''} />
                    </Table.Td>
                    <Table.Td ff="monospace">{account.bic ?? '—'}</Table.Td>
                    <Table.Td>{account.holder_name}</Table.Td>
                    <Table.Td>{account.currency}</Table.Td>
                    <Table.Td>
                      <VerifiedBadge verified={account.verified} />
                    </Table.Td>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`${account.id}`}
                        size="sm"
                        aria-label={`Details of the account of ${account.holder_name}`}
                      >
                        Details
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {accounts.data && rows.length === 0 && (
            <Stack align="center" gap="xs" p="xl">
              <IconBuildingBank size={32} aria-hidden color="var(--mantine-color-gray-5)" />
              <Text fw={500}>No bank account yet</Text>
            </Stack>
          )}
        </Paper>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add bank account" size="lg">
        {adding && <AddBankAccountForm customer={customer} onDone={() => setAdding(false)} />}
      </Modal>
    </Stack>
  );
}
