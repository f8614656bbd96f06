import { Anchor, Button, Code, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlayerPlay, IconShieldCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useOutletContext } from 'react-router';
import { useCanCreate } from '../api/auth';
import { fullName, type Customer } from '../api/customers';
import {
  useStartVerification,
  verificationFormSchema,
  verificationsQuery,
  type Verification,
} from '../api/verifications';
import { CreateDialog } from '../components/CreateDialog';
import { ErrorState } from '../components/ErrorState';
import { FormErrorAlert } from '../components/FormErrorAlert';
import { ListEmpty, ResponsiveList, type ListColumn } from '../components/ResponsiveList';
import { StatusBadge } from '../components/StatusBadge';
import { useCreateForm } from '../components/useCreateForm';
import { formatDateTime, formatPercent } from '../lib/format';

function StartVerificationForm({ customer, onDone }: { customer: Customer; onDone: () => void }) {
  const { field, formError, pending, onSubmit } = useCreateForm({
    schema: verificationFormSchema,
    defaultValues: { provider_id: 'sandbox', expected_name: fullName(customer) },
    mutation: useStartVerification(customer.id!),
    toBody: (values) => values,
    notice: () => ({
      color: 'blue',
      title: 'Verification started',
      message: 'It is pending; this page updates when it resolves.',
    }),
    onCreated: onDone,
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <FormErrorAlert title="The verification was not started" message={formError} />
        <TextInput
          label="Provider"
          description="The bank (AIS provider) to verify through, e.g. bnp-paribas"
          required
          autoComplete="off"
          {...field('provider_id')}
        />
        <TextInput
          label="Expected name"
          description="The name to find among the account holders"
          required
          autoComplete="off"
          {...field('expected_name')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={pending} disabled={pending}>
            Start verification
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function VerificationLink({ verification }: { verification: Verification }) {
  return (
    <Anchor component={Link} to={`${verification.id}`} size="sm">
      <Code>{verification.id?.slice(0, 8)}</Code>
    </Anchor>
  );
}

const COLUMNS: ListColumn<Verification>[] = [
  { header: 'Status', cell: (v) => <StatusBadge status={v.status} /> },
  { header: 'Match score', cell: (v) => formatPercent(v.match_score) },
  { header: 'Provider', cell: (v) => v.provider_id },
  {
    header: 'Verified at',
    cell: (v) => formatDateTime(v.verified_at),
    cellProps: { style: { whiteSpace: 'nowrap' } },
  },
  { header: 'ID', cell: (v) => <VerificationLink verification={v} /> },
];

function VerificationCard({ verification }: { verification: Verification }) {
  return (
    <>
      <Group justify="space-between" wrap="nowrap">
        <StatusBadge status={verification.status} />
        <Text size="sm">Match {formatPercent(verification.match_score)}</Text>
      </Group>
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {verification.provider_id}
          {verification.verified_at ? ` · ${formatDateTime(verification.verified_at)}` : ''}
        </Text>
        <VerificationLink verification={verification} />
      </Group>
    </>
  );
}

export function VerificationsTab() {
  const customer = useOutletContext<Customer>();
  const canCreate = useCanCreate();
  const verifications = useQuery(verificationsQuery(customer.id!));
  const rows = verifications.data?.data ?? [];
  const pending = rows.filter((verification) => verification.status === 'pending').length;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text c="dimmed" size="sm" aria-live="polite">
          {verifications.data
            ? `${rows.length} verification${rows.length === 1 ? '' : 's'}${pending ? `, ${pending} pending (updating by itself)` : ''}`
            : ' '}
        </Text>
        {canCreate && (
          <CreateDialog label="Start verification" icon={IconPlayerPlay}>
            {(close) => <StartVerificationForm customer={customer} onDone={close} />}
          </CreateDialog>
        )}
      </Group>
      {verifications.isError && !verifications.data ? (
        <ErrorState query={verifications} title="The verifications could not be loaded" />
      ) : (
        <ResponsiveList
          rows={rows}
          columns={COLUMNS}
          card={(verification) => <VerificationCard verification={verification} />}
          loading={verifications.isPending}
          empty={<ListEmpty icon={IconShieldCheck} title="No verification yet" />}
        />
      )}
    </Stack>
  );
}
