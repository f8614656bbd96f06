import {
  Anchor,
  Button,
  Chip,
  Group,
  NativeSelect,
  Skeleton,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload, IconShieldCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { IndexedVerification } from '../api/customerIndex';
import { queueCsvHref, verificationQueueQuery, type QueueCounts } from '../api/queue';
import { useDocumentTitle } from '../lib/environment';
import { Pager } from '../components/Pager';
import { QueryList } from '../components/QueryList';
import { ListEmpty, type ListColumn } from '../components/ResponsiveList';
import { StatusBadge } from '../components/StatusBadge';
import { formatCount, formatDateTime, formatPercent } from '../lib/format';
import {
  QUEUE_AGES,
  QUEUE_PAGE_SIZE,
  QUEUE_STATUS_FILTERS,
  queueOldestFirst,
  queueParams,
  queueSearch,
  type QueueAge,
  type QueueFilters,
  type QueueStatusFilter,
} from '../lib/listParams';
import { statusLook } from '../lib/verificationStatus';
import { t, type MessageId } from '../lib/i18n';

/** The English words, the ids of their translations. */
const AGE_LABELS: Record<QueueAge, MessageId> = {
  '1h': 'Last hour',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
};
const NOWRAP = { style: { whiteSpace: 'nowrap' } } as const;

const verificationPath = (v: IndexedVerification) =>
  `/customers/${encodeURIComponent(v.customer_id)}/verifications/${encodeURIComponent(v.id)}`;
const customerPath = (v: IndexedVerification) => `/customers/${encodeURIComponent(v.customer_id)}`;
const score = (v: IndexedVerification) => formatPercent(v.match_score ?? undefined);
const when = (iso: string | null) => formatDateTime(iso ?? undefined);

function CustomerLink({ verification }: { verification: IndexedVerification }) {
  return (
    <Anchor component={Link} to={customerPath(verification)} fw={500}>
      {verification.customer_name || verification.customer_id}
    </Anchor>
  );
}

/** The row's way to its verification for keyboards and screen readers (a pointer clicks the row). */
function DetailsLink({ verification }: { verification: IndexedVerification }) {
  return (
    <Anchor
      component={Link}
      to={verificationPath(verification)}
      size="sm"
      aria-label={t('Details of the verification of {name}', {
        name: verification.customer_name || verification.customer_id,
      })}
    >
      {t('Details')}
    </Anchor>
  );
}

/**
 * The Customers API gives no start time: one started elsewhere is dated from
 * when the index first saw it, which can be after it resolved. Said so.
 */
function StartedAt({ verification: v }: { verification: IndexedVerification }) {
  return (
    <>
      {when(v.started_at)}
      {!v.started_by && v.started_at && (
        <Text size="xs" c="dimmed">
          {t('first seen')}
        </Text>
      )}
    </>
  );
}

const columns = (): ListColumn<IndexedVerification>[] => [
  {
    header: t('Customer'),
    cell: (v) => (
      <>
        <CustomerLink verification={v} />
        {v.company_name && (
          <Text size="xs" c="dimmed">
            {v.company_name}
          </Text>
        )}
      </>
    ),
    skeletonWidth: 140,
  },
  { header: t('Status'), cell: (v) => <StatusBadge status={v.status} stale={v.stale} /> },
  { header: t('Score'), cell: score, skeletonWidth: 40 },
  { header: t('Provider'), cell: (v) => v.provider_id ?? '—' },
  { header: t('Started by'), cell: (v) => v.started_by ?? '—' },
  { header: t('Started'), cell: (v) => <StartedAt verification={v} />, cellProps: NOWRAP },
  {
    header: t('Resolved'),
    cell: (v) => when(v.resolved_at),
    cellProps: NOWRAP,
    skeletonWidth: 110,
  },
  {
    header: <span className="visually-hidden">{t('Details')}</span>,
    cell: (v) => <DetailsLink verification={v} />,
    skeletonWidth: 50,
  },
];

function VerificationCard({ verification: v }: { verification: IndexedVerification }) {
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          <Text fw={600} c="var(--mantine-color-anchor)">
            {v.customer_name || v.customer_id}
          </Text>
          {v.company_name && (
            <Text size="sm" c="dimmed">
              {v.company_name}
            </Text>
          )}
        </div>
        <StatusBadge status={v.status} stale={v.stale} />
      </Group>
      <Text size="sm">
        {t('Match {score}', { score: score(v) })} · {v.provider_id ?? t('no provider')}
      </Text>
      <Text size="xs" c="dimmed">
        {v.started_by
          ? t('Started {at} by {agent}', { at: when(v.started_at), agent: v.started_by })
          : t('First seen {at}', { at: when(v.started_at) })}
        {v.resolved_at ? t(' · resolved {at}', { at: when(v.resolved_at) }) : ''}
      </Text>
    </Stack>
  );
}

/** Pending, Cancelled, Verified… with how many there are under the other filters. */
function StatusChips({
  selected,
  counts,
  onChange,
}: {
  selected: QueueStatusFilter[];
  counts: QueueCounts | undefined;
  onChange: (statuses: QueueStatusFilter[]) => void;
}) {
  return (
    <Group gap="xs" role="group" aria-label={t('Status')}>
      <Chip.Group
        multiple
        value={selected}
        onChange={(values) =>
          // Kept in one order, so a filter has one URL whichever chip was clicked first.
          onChange(QUEUE_STATUS_FILTERS.filter((status) => values.includes(status)))
        }
      >
        {QUEUE_STATUS_FILTERS.map((status) => (
          <Chip key={status} value={status} variant="outline">
            {statusLook(status, status === 'stale').label}
            {
              // A server older than the contract may give no count for a status (cancelled).
              counts?.[status] !== undefined ? ` (${formatCount(counts[status])})` : ''
            }
          </Chip>
        ))}
      </Chip.Group>
    </Group>
  );
}

function emptyTitle(filters: QueueFilters): string {
  const filtered = filters.statuses.length > 0 || filters.mine || filters.age !== undefined;
  return filtered ? t('No verification matches these filters') : t('No verification yet');
}

/** "12 verifications, oldest first": the server puts the oldest first when only open ones are asked. */
function queueSummary(count: number, filters: QueueFilters): string {
  return queueOldestFirst(filters)
    ? t(
        '{count, plural, one {{formatted} verification, oldest first} other {{formatted} verifications, oldest first}}',
        { count, formatted: formatCount(count) },
      )
    : t(
        '{count, plural, one {{formatted} verification, newest activity first} other {{formatted} verifications, newest activity first}}',
        { count, formatted: formatCount(count) },
      );
}

/** Every verification the index holds, across customers, filtered and paged in the URL. */
export function VerificationQueuePage() {
  useDocumentTitle(t('Verifications'));
  const [searchParams, setSearchParams] = useSearchParams();
  const { page, ...filters } = queueParams(searchParams);
  const queue = useQuery(verificationQueueQuery(filters, page));
  const count = queue.data?.meta.count;
  const lastPage =
    count === undefined ? undefined : Math.max(1, Math.ceil(count / QUEUE_PAGE_SIZE));

  // A new filter starts again at page 1; the page alone keeps the filters.
  const show = (changes: Partial<QueueFilters>) =>
    setSearchParams(queueSearch({ ...filters, ...changes }));
  const turnTo = (next: number) => setSearchParams(queueSearch({ ...filters, page: next }));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('Verifications')}
          </Title>
          <Text component="div" c="dimmed" size="sm" aria-live="polite">
            {count !== undefined ? (
              queueSummary(count, filters)
            ) : queue.isPending ? (
              // The summary's line, kept at its height while the first answer comes.
              <Skeleton height={12} my={5} width={240} aria-busy />
            ) : (
              ' '
            )}
          </Text>
        </div>
        <Button
          component="a"
          href={queueCsvHref(filters)}
          download
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          {t('Export CSV')}
        </Button>
      </Group>

      <Stack gap="sm">
        <StatusChips
          selected={filters.statuses}
          counts={queue.data?.meta.counts}
          onChange={(statuses) => show({ statuses })}
        />
        <Group gap="lg" align="flex-end">
          <NativeSelect
            label={t('Started within')}
            value={filters.age ?? ''}
            data={[
              { value: '', label: t('Any time') },
              ...QUEUE_AGES.map((age) => ({ value: age, label: t(AGE_LABELS[age]) })),
            ]}
            onChange={(event) =>
              show({ age: (event.currentTarget.value || undefined) as QueueAge | undefined })
            }
            w={180}
          />
          <Switch
            label={t('Started by me')}
            checked={filters.mine}
            onChange={(event) => show({ mine: event.currentTarget.checked })}
            mb={8}
          />
        </Group>
      </Stack>

      <QueryList
        query={queue}
        errorTitle={t('The verification queue could not be loaded')}
        rows={queue.data?.data ?? []}
        columns={columns()}
        card={(verification) => <VerificationCard verification={verification} />}
        href={verificationPath}
        skeletonRows={10}
        minWidth={920}
        busy={queue.isFetching}
        empty={<ListEmpty icon={IconShieldCheck} title={emptyTitle(filters)} />}
      />

      <Pager page={page} lastPage={lastPage} onPage={turnTo} />
    </Stack>
  );
}
