import { Anchor, Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconSearch, IconUsers } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useCanCreate } from '../api/auth';
import { customersListQuery, fullName, type Customer } from '../api/customers';
import { QueryList } from '../components/QueryList';
import { ListEmpty, type ListColumn } from '../components/ResponsiveList';
import { formatCount, formatDate } from '../lib/format';
import { listParams, matchesFilter, PAGE_SIZES } from '../lib/listParams';

const customerPath = (customer: Customer) => `/customers/${customer.id}`;
const NOWRAP = { style: { whiteSpace: 'nowrap' } } as const;

const COLUMNS: ListColumn<Customer>[] = [
  {
    header: 'Name',
    cell: (customer) => (
      <Anchor
        component={Link}
        to={customerPath(customer)}
        fw={500}
        // The row opens the customer too; this keeps one navigation per click.
        onClick={(event) => event.stopPropagation()}
      >
        {fullName(customer)}
      </Anchor>
    ),
    skeletonWidth: 140,
  },
  { header: 'Company', cell: (customer) => customer.company_name ?? '—', skeletonWidth: 100 },
  { header: 'Email', cell: (customer) => customer.email, skeletonWidth: 100 },
  {
    header: 'Phone',
    cell: (customer) => customer.phone ?? '—',
    cellProps: NOWRAP,
    skeletonWidth: 100,
  },
  {
    header: 'External ID',
    cell: (customer) => customer.external_id ?? '—',
    cellProps: { ff: 'monospace' },
    skeletonWidth: 100,
  },
  {
    header: 'Created',
    cell: (customer) => formatDate(customer.created_at),
    cellProps: NOWRAP,
    skeletonWidth: 100,
  },
];

function CustomerCard({ customer }: { customer: Customer }) {
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start">
      <div style={{ minWidth: 0 }}>
        <Text fw={600} c="indigo.7">
          {fullName(customer)}
        </Text>
        {customer.company_name && (
          <Text size="sm" c="dimmed">
            {customer.company_name}
          </Text>
        )}
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {customer.email}
        </Text>
        <Text size="xs" c="dimmed">
          {[customer.phone, customer.external_id].filter(Boolean).join(' · ')}
        </Text>
      </div>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {formatDate(customer.created_at)}
      </Text>
    </Group>
  );
}

export function CustomersListPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const { page, size, filter } = listParams(searchParams);
  const canCreate = useCanCreate();
  const queryClient = useQueryClient();
  const list = useQuery(customersListQuery(page, size));
  const count = list.data?.meta?.count ?? 0;
  const lastPage = Math.max(1, Math.ceil(count / size));

  // The next page is fetched ahead, so "Next" shows it at once.
  useEffect(() => {
    if (!list.data || list.isPlaceholderData || page >= lastPage) return;
    void queryClient.prefetchQuery(customersListQuery(page + 1, size));
  }, [list.data, list.isPlaceholderData, page, lastPage, size, queryClient]);

  const rows = useMemo(
    () => (list.data?.data ?? []).filter((customer) => matchesFilter(customer, filter)),
    [list.data, filter],
  );

  const emptyTitle =
    count === 0
      ? 'No customers yet'
      : filter
        ? 'No customer on this page matches the filter'
        : 'This page is empty';

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
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Customers
          </Title>
          <Text c="dimmed" size="sm" aria-live="polite">
            {list.data ? `${formatCount(count)} customer${count === 1 ? '' : 's'}` : ' '}
          </Text>
        </div>
        {canCreate && (
          <Button
            component={Link}
            to="/customers/new"
            leftSection={<IconPlus size={16} aria-hidden />}
          >
            New customer
          </Button>
        )}
      </Group>

      <TextInput
        label="Filter this page"
        description="Filters the customers shown on this page only, by name, company, email, phone or external ID"
        placeholder="Type to filter"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={filter}
        onChange={(event) => update({ q: event.currentTarget.value })}
        maw={480}
      />

      <QueryList
        query={list}
        errorTitle="The customers could not be loaded"
        rows={rows}
        columns={COLUMNS}
        card={(customer) => <CustomerCard customer={customer} />}
        href={customerPath}
        skeletonRows={Math.min(size, 10)}
        minWidth={860}
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
                New customer
              </Button>
            )}
          </ListEmpty>
        }
      />

      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="xs">
          <Button
            variant="default"
            disabled={page <= 1}
            onClick={() => update({ page: String(page - 1) })}
          >
            Previous
          </Button>
          <Button
            variant="default"
            disabled={page >= lastPage}
            onClick={() => update({ page: String(page + 1) })}
          >
            Next
          </Button>
          <Text size="sm" c="dimmed">
            {list.data
              ? `Page ${formatCount(page)} of ${formatCount(lastPage)}`
              : `Page ${formatCount(page)}`}
          </Text>
        </Group>
        <NativeSelect
          label="Rows per page"
          data={PAGE_SIZES.map(String)}
          value={String(size)}
          onChange={(event) => update({ size: event.currentTarget.value, page: undefined })}
          w={140}
        />
      </Group>
    </Stack>
  );
}
