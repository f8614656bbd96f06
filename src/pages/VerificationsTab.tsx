import { zodResolver } from '@hookform/resolvers/zod';
import {
  Anchor,
  Button,
  Group,
  Modal,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Code,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconShieldCheck, IconPlayerPlay } from '@tabler/icons-react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useOutletContext } from 'react-router';
import { meQuery } from '../api/auth';
import { fullName, type Customer } from '../api/customers';
import {
  useStartVerification,
  verificationFormSchema,
  verificationsQuery,
  type VerificationForm,
} from '../api/verifications';
import { ErrorState } from '../components/ErrorState';
import { applyServerErrors } from '../components/formErrors';
import { FormErrorAlert } from '../components/FormErrorAlert';
import { StatusBadge } from '../components/StatusBadge';
import { useIdempotencyKey } from '../components/useIdempotencyKey';
import { formatDateTime, formatPercent } from '../lib/format';

const FIELDS = ['provider_id', 'expected_name'] as const;

function StartVerificationForm({ customer, onDone }: { customer: Customer; onDone: () => void }) {
  const start = useStartVerification(customer.id!);
  const idempotencyKey = useIdempotencyKey();
  const [formError, setFormError] = useState<string>();
  const form = useForm<VerificationForm>({
    resolver: zodResolver(verificationFormSchema),
    mode: 'onTouched',
    reValidateMode: 'onChange',
    defaultValues: { provider_id: 'sandbox', expected_name: fullName(customer) },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) => {
    setFormError(undefined);
    start.mutate(
      { body: values, idempotencyKey: idempotencyKey.current() },
      {
        onSuccess: () => {
          notifications.show({
            color: 'blue',
            title: 'Verification started',
            message: 'It is pending; this page updates when it resolves.',
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
        <FormErrorAlert title="The verification was not started" message={formError} />
        <TextInput
          label="Provider"
          description="The bank (AIS provider) to verify through, e.g. bnp-paribas"
          required
          autoComplete="off"
          {...form.register('provider_id')}
          error={errors.provider_id?.message}
        />
        <TextInput
          label="Expected name"
          description="The name to find among the account holders"
          required
          autoComplete="off"
          {...form.register('expected_name')}
          error={errors.expected_name?.message}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={start.isPending} disabled={start.isPending}>
            Start verification
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function VerificationsTab() {
  const customer = useOutletContext<Customer>();
  const { data: agent } = useSuspenseQuery(meQuery);
  const verifications = useQuery(verificationsQuery(customer.id!));
  const [starting, setStarting] = useState(false);
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
        {agent?.role === 'agent' && (
          <Button
            leftSection={<IconPlayerPlay size={16} aria-hidden />}
            onClick={() => setStarting(true)}
          >
            Start verification
          </Button>
        )}
      </Group>
      {verifications.isError && !verifications.data ? (
        <ErrorState
          error={verifications.error}
          title="The verifications could not be loaded"
          onRetry={() => void verifications.refetch()}
        />
      ) : (
        <Paper withBorder radius="md">
          {/* On a phone each verification is a card; the table is for wider screens. */}
          <Stack gap={0} hiddenFrom="sm">
            {rows.map((verification) => (
              <Stack
                key={verification.id}
                gap={6}
                p="sm"
                style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
              >
                <Group justify="space-between" wrap="nowrap">
                  <StatusBadge status={verification.status} />
                  <Text size="sm">Match {formatPercent(verification.match_score)}</Text>
                </Group>
                <Group justify="space-between">
                  <Text size="xs" c="dimmed">
                    {verification.provider_id}
                    {verification.verified_at
                      ? ` · ${formatDateTime(verification.verified_at)}`
                      : ''}
                  </Text>
                  <Anchor component={Link} to={`${verification.id}`} size="sm">
                    <Code>{verification.id?.slice(0, 8)}</Code>
                  </Anchor>
                </Group>
              </Stack>
            ))}
          </Stack>
          <Table.ScrollContainer minWidth={760} visibleFrom="sm">
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Match score</Table.Th>
                  <Table.Th scope="col">Provider</Table.Th>
                  <Table.Th scope="col">Verified at</Table.Th>
                  <Table.Th scope="col">ID</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {verifications.isPending &&
                  Array.from({ length: 2 }, (_, i) => (
                    <Table.Tr key={i} aria-hidden>
                      {Array.from({ length: 5 }, (__, j) => (
                        <Table.Td key={j}>
                          <Skeleton height={14} width={90} />
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                {rows.map((verification) => (
                  <Table.Tr key={verification.id}>
                    <Table.Td>
                      <StatusBadge status={verification.status} />
                    </Table.Td>
                    <Table.Td>{formatPercent(verification.match_score)}</Table.Td>
                    <Table.Td>{verification.provider_id}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(verification.verified_at)}
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`${verification.id}`} size="sm">
                        <Code>{verification.id?.slice(0, 8)}</Code>
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {verifications.data && rows.length === 0 && (
            <Stack align="center" gap="xs" p="xl">
              <IconShieldCheck size={32} aria-hidden color="var(--mantine-color-gray-5)" />
              <Text fw={500}>No verification yet</Text>
            </Stack>
          )}
        </Paper>
      )}
      <Modal
        opened={starting}
        onClose={() => setStarting(false)}
        title="Start verification"
        size="lg"
      >
        {starting && (
          <StartVerificationForm customer={customer} onDone={() => setStarting(false)} />
        )}
      </Modal>
    </Stack>
  );
}
