import { Anchor, Button, Code, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlayerPlay, IconShieldCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useOutletContext } from 'react-router';
import { indexedVerificationsQuery, type IndexedVerification } from '../api/customerIndex';
import { bankAccountsQuery } from '../api/bankAccounts';
import { fullName, type Customer } from '../api/customers';
import {
  useStartVerification,
  verificationFormSchema,
  verificationsQuery,
  type Verification,
} from '../api/verifications';
import { CustomerResourceTab } from '../components/CustomerResourceTab';
import { CreateForm } from '../components/CreateForm';
import type { DialogEnd } from '../components/CreateDialog';
import { ProviderField } from '../components/ProviderField';
import { ListEmpty, type ListColumn } from '../components/ResponsiveList';
import { StatusBadge } from '../components/StatusBadge';
import { useCreateForm } from '../components/useCreateForm';
import { VerificationLinkPanel } from '../components/VerificationLinkPanel';
import { formatCount, formatDateTime, formatPercent } from '../lib/format';
import { customerBankCountry, providerIdsFromBics } from '../lib/providers';
import { openableLink } from '../lib/verificationLink';
import { isOpenVerificationStatus } from '../lib/verificationStatus';
import { t } from '../lib/i18n';

/** After a start that gave a link: the link, and what to do with it, before the dialog closes. */
function StartedWithLink({
  verification,
  customer,
  onDone,
}: {
  verification: Verification;
  customer: Customer;
  onDone: () => void;
}) {
  return (
    <Stack>
      <Text size="sm">
        {t('The verification started. It stays pending until the customer confirms at their bank.')}
      </Text>
      <VerificationLinkPanel
        link={verification.link}
        status={verification.status}
        customer={customer}
        withBorder={false}
      />
      <Group justify="flex-end">
        <Button variant="default" component={Link} to={`${verification.id}`}>
          {t('See the verification')}
        </Button>
        <Button onClick={onDone} data-autofocus>
          {t('Done')}
        </Button>
      </Group>
    </Stack>
  );
}

function StartVerificationForm({ customer, end }: { customer: Customer; end: DialogEnd }) {
  // A start that gives a link (the customer confirms at their bank) keeps the dialog open to show it.
  const [started, setStarted] = useState<Verification>();
  const createForm = useCreateForm({
    schema: verificationFormSchema,
    defaultValues: { provider_id: '', expected_name: fullName(customer) },
    mutation: useStartVerification(customer.id!),
    toBody: (values) => values,
    notice: (verification) =>
      openableLink(verification.link)
        ? {
            color: 'blue',
            title: t('Verification started'),
            message: t('Send the customer the link: they confirm at their bank.'),
          }
        : {
            color: 'blue',
            title: t('Verification started'),
            message: t('It is pending; this page updates when it resolves.'),
          },
    onCreated: (verification) => {
      if (openableLink(verification.link)) {
        setStarted(verification);
        end.made();
      } else end.done();
    },
  });
  const { field, form } = createForm;
  // Newest account first (the API lists them oldest first): its BIC names the bank, its IBAN the country.
  const accounts = useQuery(bankAccountsQuery(customer.id!)).data?.data;
  const newestFirst = useMemo(() => [...(accounts ?? [])].reverse(), [accounts]);
  const bics = useMemo(() => providerIdsFromBics(newestFirst.map((a) => a.bic)), [newestFirst]);
  if (started)
    return <StartedWithLink verification={started} customer={customer} onDone={end.done} />;
  return (
    <CreateForm
      state={createForm}
      errorTitle={t('The verification was not started')}
      submitLabel={t('Start verification')}
      cancel={{ onClick: end.cancel }}
    >
      <ProviderField
        control={form.control}
        name="provider_id"
        autoFocus
        // The bank of the account is a proposal, not the agent's input: closing asks nothing for it.
        prefill={(providerId) => form.resetField('provider_id', { defaultValue: providerId })}
        country={customerBankCountry(
          customer.address?.country,
          newestFirst.map((account) => account.iban),
        )}
        suggestions={bics}
      />
      <TextInput
        label={t('Expected name')}
        description={t('The name to find among the account holders')}
        required
        autoComplete="off"
        {...field('expected_name')}
      />
    </CreateForm>
  );
}

function VerificationLink({ verification }: { verification: Verification }) {
  return (
    <Anchor component={Link} to={`${verification.id}`} size="sm">
      <Code>{verification.id?.slice(0, 8)}</Code>
    </Anchor>
  );
}

/** What the index adds to each verification: who started it, and when. */
type StartedOf = (verification: Verification) => IndexedVerification | undefined;

function startedText(indexed: IndexedVerification | undefined): string {
  if (!indexed?.started_at) return '—';
  const at = formatDateTime(indexed.started_at);
  // Started elsewhere: the index only knows when it first saw it.
  return indexed.started_by
    ? t('{at} by {agent}', { at, agent: indexed.started_by })
    : t('{at} (first seen)', { at });
}

const columns = (startedOf: StartedOf): ListColumn<Verification>[] => [
  {
    header: t('Status'),
    cell: (v) => <StatusBadge status={v.status} stale={startedOf(v)?.stale} />,
  },
  { header: t('Match score'), cell: (v) => formatPercent(v.match_score) },
  { header: t('Provider'), cell: (v) => v.provider_id },
  { header: t('Started'), cell: (v) => startedText(startedOf(v)), skeletonWidth: 140 },
  {
    header: t('Verified at'),
    cell: (v) => formatDateTime(v.verified_at),
    cellProps: { style: { whiteSpace: 'nowrap' } },
  },
  { header: t('ID'), cell: (v) => <VerificationLink verification={v} /> },
];

function VerificationCard({
  verification,
  indexed,
}: {
  verification: Verification;
  indexed: IndexedVerification | undefined;
}) {
  return (
    <>
      <Group justify="space-between" wrap="nowrap">
        <StatusBadge status={verification.status} stale={indexed?.stale} />
        <Text size="sm">
          {t('Match {score}', { score: formatPercent(verification.match_score) })}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {t('Started {when}', { when: startedText(indexed) })}
      </Text>
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

function verificationsSummary(verifications: Verification[]): string {
  const count = verifications.length;
  // Open is any status not final (Fintecture's `initiated`, one never seen): the tab polls them.
  const open = verifications.filter((verification) =>
    isOpenVerificationStatus(verification.status),
  ).length;
  const total = t('{count, plural, one {# verification} other {# verifications}}', { count });
  return open
    ? t('{total}, {open} in progress (updating by itself)', { total, open: formatCount(open) })
    : total;
}

export function VerificationsTab() {
  const customer = useOutletContext<Customer>();
  const verifications = useQuery(verificationsQuery(customer.id!));
  const indexed = useQuery(indexedVerificationsQuery(customer.id!));
  const startedOf = useMemo(() => {
    const byId = new Map((indexed.data?.data ?? []).map((v) => [v.id, v]));
    return (verification: Verification) => byId.get(verification.id ?? '');
  }, [indexed.data]);
  return (
    <CustomerResourceTab
      query={verifications}
      summary={verificationsSummary}
      create={{
        label: t('Start verification'),
        icon: IconPlayerPlay,
        form: (end) => <StartVerificationForm customer={customer} end={end} />,
      }}
      errorTitle={t('The verifications could not be loaded')}
      columns={columns(startedOf)}
      card={(verification) => (
        <VerificationCard verification={verification} indexed={startedOf(verification)} />
      )}
      empty={<ListEmpty icon={IconShieldCheck} title={t('No verification yet')} />}
    />
  );
}
