import {
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconSearch, IconUsers } from '@tabler/icons-react';
import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { canCreate, meQuery, useCanCreate } from '../api/auth';
import {
  customerStatusesQuery,
  indexedCustomersQuery,
  type IndexedCustomer,
  type LatestVerification,
} from '../api/customerIndex';
import { customersListQuery, fullName, type Customer } from '../api/customers';
import { useDocumentTitle } from '../lib/environment';
import { Pager } from '../components/Pager';
import { QueryList } from '../components/QueryList';
import { ListEmpty, type ListColumn } from '../components/ResponsiveList';
import { StatusBadge } from '../components/StatusBadge';
import { formatCount, formatDate } from '../lib/format';
import {
  correctedListSearch,
  CUSTOMER_STATUS_FILTERS,
  listParams,
  matchesFilter,
  PAGE_SIZES,
} from '../lib/listParams';
import { statusLook } from '../lib/verificationStatus';
import { t } from '../lib/i18n';

/** A customer of the list, from the Customers API or the index, with its latest verification. */
type CustomerRow = Customer & {
  id: string;
  /** Undefined while the statuses load, or when they could not be. */
  latest: LatestVerification | null | undefined;
};

function fromIndex(customer: IndexedCustomer): CustomerRow {
  const orUndefined = (value: string | null | undefined) => value ?? undefined;
  return {
    id: customer.id,
    first_name: customer.first_name,
    last_name: customer.last_name,
    company_name: orUndefined(customer.company_name),
    email: orUndefined(customer.email),
    phone: orUndefined(customer.phone),
    external_id: orUndefined(customer.external_id),
    created_at: orUndefined(customer.created_at),
    latest: customer.latest_verification,
  };
}

const statusOptions = () => [
  { value: '', label: t('Any status') },
  ...CUSTOMER_STATUS_FILTERS.map((status) => ({
    value: status,
    label: status === 'none' ? t('Not verified') : statusLook(status, status === 'stale').label,
  })),
];

const customerPath = (customer: CustomerRow) => `/customers/${customer.id}`;
const NOWRAP = { style: { whiteSpace: 'nowrap' } } as const;

function LatestStatus({ customer, failed }: { customer: CustomerRow; failed: boolean }) {
  if (customer.latest !== undefined)
    return <StatusBadge status={customer.latest?.status} stale={customer.latest?.stale} />;
  return failed ? (
    <Text size="sm" c="dimmed">
      {t('Unknown')}
    </Text>
  ) : (
    <Skeleton height={18} width={90} aria-hidden />
  );
}

/** A value in two lines at most (a long one is cut, whole on hover), or a dash. */
function Clamped({ value }: { value: string | undefined }) {
  if (!value) return '—';
  return (
    <Text inherit lineClamp={2} title={value}>
      {value}
    </Text>
  );
}

const columns = (statusesFailed: boolean): ListColumn<CustomerRow>[] => [
  {
    header: t('Name'),
    cell: (customer) => (
      <Anchor
        component={Link}
        to={customerPath(customer)}
        fw={500}
        lineClamp={2}
        title={fullName(customer)}
      >
        {fullName(customer)}
      </Anchor>
    ),
    skeletonWidth: 140,
  },
  {
    header: t('Status'),
    cell: (customer) => <LatestStatus customer={customer} failed={statusesFailed} />,
    skeletonWidth: 90,
  },
  {
    header: t('Company'),
    cell: (customer) => <Clamped value={customer.company_name} />,
    skeletonWidth: 100,
  },
  {
    header: t('Email'),
    cell: (customer) => <Clamped value={customer.email} />,
    skeletonWidth: 100,
  },
  {
    header: t('Phone'),
    cell: (customer) => customer.phone ?? '—',
    cellProps: NOWRAP,
    skeletonWidth: 100,
  },
  {
    header: t('External ID'),
    cell: (customer) => <Clamped value={customer.external_id} />,
    cellProps: { ff: 'monospace' },
    skeletonWidth: 100,
  },
  {
    header: t('Created'),
    cell: (customer) => formatDate(customer.created_at),
    cellProps: NOWRAP,
    skeletonWidth: 100,
  },
];

function CustomerCard({ customer, failed }: { customer: CustomerRow; failed: boolean }) {
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start">
      <div style={{ minWidth: 0 }}>
        <Text fw={600} c="var(--mantine-color-anchor)" lineClamp={2} title={fullName(customer)}>
          {fullName(customer)}
        </Text>
        {customer.company_name && (
          <Text size="sm" c="dimmed" lineClamp={2} title={customer.company_name}>
            {customer.company_name}
          </Text>
        )}
        <Text size="sm" lineClamp={2} title={customer.email}>
          {customer.email}
        </Text>
        <Text size="xs" c="dimmed" lineClamp={2}>
          {[customer.phone, customer.external_id].filter(Boolean).join(' · ')}
        </Text>
      </div>
      <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
        <LatestStatus customer={customer} failed={failed} />
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {formatDate(customer.created_at)}
        </Text>
      </Stack>
    </Group>
  );
}

/**
 * The location state of a redirect here from a page only agents may open
 * (`{ agentsOnly: true }`): the list then says why the agent landed on it.
 */
export interface AgentsOnlyState {
  agentsOnly: true;
}

const cameForAgentsOnly = (state: unknown): boolean =>
  typeof state === 'object' && state !== null && (state as AgentsOnlyState).agentsOnly === true;

/**
 * Why a viewer who opened the create page is on the list instead. It goes with
 * the redirect's state: at the list's first change (page, size, filter).
 */
function AgentsOnlyNotice() {
  const { data: agent } = useSuspenseQuery(meQuery);
  if (!cameForAgentsOnly(useLocation().state) || !agent || canCreate(agent)) return null;
  return (
    <Alert color="blue" variant="light" role="status">
      {t('Only agents can create customers; your role is {role}.', { role: t(agent.role) })}
    </Alert>
  );
}

export function CustomersListPage() {
  useDocumentTitle(t('Customers'));
  const [searchParams, setSearchParams] = useSearchParams();
  const { page, size, filter, status } = listParams(searchParams);
  const canCreate = useCanCreate();
  const queryClient = useQueryClient();
  // The Customers API cannot filter by status: with a status filter the index serves the list.
  const upstream = useQuery({ ...customersListQuery(page, size), enabled: !status });
  const indexed = useQuery({
    ...indexedCustomersQuery(status ?? 'none', page, size),
    enabled: status !== undefined,
  });
  const list = status ? indexed : upstream;
  const count = list.data?.meta?.count ?? 0;
  const lastPage = Math.max(1, Math.ceil(count / size));

  // An unknown size, or a page past the last once the total is known, is put right in the URL.
  const totalKnown = list.data !== undefined && !list.isPlaceholderData;
  const corrected = correctedListSearch(searchParams, totalKnown ? lastPage : undefined);
  const correctedSearch = corrected?.toString();
  useEffect(() => {
    if (correctedSearch !== undefined) setSearchParams(correctedSearch, { replace: true });
  }, [correctedSearch, setSearchParams]);
  const pastTheEnd = totalKnown && page > lastPage;

  // The last total seen of this list stays beside an error, rather than a blank.
  const [lastKnown, setLastKnown] = useState<{ status: string; count: number }>();
  const listKey = status ?? '';
  if (list.data && (lastKnown?.status !== listKey || lastKnown.count !== count))
    setLastKnown({ status: listKey, count });
  const shownCount = list.data
    ? count
    : list.isError && lastKnown?.status === listKey
      ? lastKnown.count
      : undefined;

  const upstreamIds = useMemo(
    () => (status ? [] : (upstream.data?.data ?? []).flatMap((c) => (c.id ? [c.id] : []))),
    [status, upstream.data],
  );
  const statuses = useQuery(customerStatusesQuery(upstreamIds));

  // The next page is fetched ahead, so "Next" shows it at once.
  useEffect(() => {
    if (status || !upstream.data || upstream.isPlaceholderData || page >= lastPage) return;
    void queryClient.prefetchQuery(customersListQuery(page + 1, size));
  }, [status, upstream.data, upstream.isPlaceholderData, page, lastPage, size, queryClient]);

  const rows = useMemo(() => {
    const known = statuses.data?.data;
    // Placeholder statuses are the previous page's: this page's ids are not all in them yet.
    const latestOf = (id: string) =>
      known && Object.hasOwn(known, id)
        ? (known[id] ?? null)
        : statuses.isPlaceholderData || !known
          ? undefined
          : null;
    const all: CustomerRow[] = status
      ? (indexed.data?.data ?? []).map(fromIndex)
      : (upstream.data?.data ?? []).flatMap((customer) =>
          customer.id
            ? [
                {
                  ...customer,
                  id: customer.id,
                  latest: latestOf(customer.id),
                },
              ]
            : [],
        );
    return all.filter((customer) => matchesFilter(customer, filter));
  }, [status, indexed.data, upstream.data, statuses.data, statuses.isPlaceholderData, filter]);
  const statusesFailed = !status && statuses.isError;

  const emptyTitle =
    count === 0
      ? status
        ? t('No customer has this verification status')
        : t('No customers yet')
      : filter
        ? t('No customer on this page matches the filter')
        : t('This page is empty');

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    setSearchParams(next);
  };

  return (
    <Stack gap="md">
      <AgentsOnlyNotice />
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('Customers')}
          </Title>
          <Text c="dimmed" size="sm" aria-live="polite">
            {shownCount === undefined
              ? ' '
              : t('{count, plural, one {{formatted} customer} other {{formatted} customers}}', {
                  count: shownCount,
                  formatted: formatCount(shownCount),
                })}
          </Text>
        </div>
        {canCreate && (
          <Button
            component={Link}
            to="/customers/new"
            leftSection={<IconPlus size={16} aria-hidden />}
          >
            {t('New customer')}
          </Button>
        )}
      </Group>

      <Group align="flex-start" gap="md">
        <TextInput
          label={t('Filter this page')}
          description={t(
            'Filters the customers shown on this page only, by name, company, email, phone or external ID',
          )}
          placeholder={t('Type to filter')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={filter}
          onChange={(event) => update({ q: event.currentTarget.value })}
          maw={480}
          style={{ flex: '1 1 280px' }}
        />
        <NativeSelect
          label={t('Verification status')}
          description={t('The latest verification of each customer')}
          data={statusOptions()}
          value={status ?? ''}
          onChange={(event) => update({ status: event.currentTarget.value, page: undefined })}
          w={220}
        />
      </Group>

      <QueryList
        // Past the last page, the last one is on its way: placeholders, not "this page is empty".
        query={pastTheEnd ? { ...list, isPending: true } : list}
        errorTitle={t('The customers could not be loaded')}
        rows={rows}
        columns={columns(statusesFailed)}
        card={(customer) => <CustomerCard customer={customer} failed={statusesFailed} />}
        href={customerPath}
        skeletonRows={Math.min(size, 10)}
        minWidth={980}
        busy={list.isFetching}
        empty={
          <ListEmpty icon={IconUsers} title={emptyTitle}>
            {count === 0 && canCreate && (
              <Button
                component={Link}
                to="/customers/new"
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
              >
                {t('New customer')}
              </Button>
            )}
          </ListEmpty>
        }
      />

      <Group justify="space-between" wrap="wrap" gap="sm">
        <Pager
          page={pastTheEnd ? lastPage : page}
          lastPage={list.data ? lastPage : undefined}
          onPage={(next) => update({ page: String(next) })}
        />
        <NativeSelect
          label={t('Rows per page')}
          data={PAGE_SIZES.map(String)}
          value={String(size)}
          onChange={(event) => update({ size: event.currentTarget.value, page: undefined })}
          w={140}
        />
      </Group>
    </Stack>
  );
}
