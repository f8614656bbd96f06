import {
  Anchor,
  Button,
  Group,
  Paper,
  NativeSelect,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconPlus, IconSearch, IconUsers } from '@tabler/icons-react';
import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { meQuery } from '../api/auth';
import {
  customerKeys,
  customersListQuery,
  fullName,
  PAGE_SIZES,
  type Customer,
} from '../api/customers';
import { ErrorState } from '../components/ErrorState';
import { formatCount, formatDate } from '../lib/format';
import { listParams, matchesFilter } from '../lib/listParams';

export function CustomersListPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const { page, size, filter } = listParams(searchParams);
  const { data: agent } = useSuspenseQuery(meQuery);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const list = useQuery(customersListQuery(page, size));
  const count = list.data?.meta?.count ?? 0;
  const lastPage = Math.max(1, Math.ceil(count / size));
  const canCreate = agent?.role === 'agent';

  // The next page is fetched ahead; each row seeds the customer's page so it opens at once.
  useEffect(() => {
    if (!list.data || list.isPlaceholderData) return;
    for (const customer of list.data.data ?? []) {
      if (customer.id && !queryClient.getQueryData(customerKeys.detail(customer.id))) {
        queryClient.setQueryData(customerKeys.detail(customer.id), customer);
      }
    }
    if (page < lastPage) void queryClient.prefetchQuery(customersListQuery(page + 1, size));
  }, [list.data, list.isPlaceholderData, page, lastPage, size, queryClient]);

  const rows = useMemo(
    () => (list.data?.data ?? []).filter((customer) => matchesFilter(customer, filter)),
    [list.data, filter],
  );

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    setSearchParams(next);
  };

  const open = (customer: Customer) => void navigate(`/customers/${customer.id}`);

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

      {list.isError && !list.data ? (
        <ErrorState
          error={list.error}
          title="The customers could not be loaded"
          onRetry={() => void list.refetch()}
        />
      ) : (
        <Paper withBorder radius="md">
          {/* On a phone the rows become cards; the table is for wider screens. */}
          <Stack gap={0} hiddenFrom="sm">
            {rows.map((customer) => (
              <UnstyledButton
                key={customer.id}
                component={Link}
                to={`/customers/${customer.id}`}
                p="sm"
                style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
              >
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
              </UnstyledButton>
            ))}
            {list.isPending &&
              Array.from({ length: 5 }, (_, i) => (
                <Stack key={i} gap={6} p="sm" aria-hidden>
                  <Skeleton height={14} width={160} />
                  <Skeleton height={12} width={220} />
                </Stack>
              ))}
          </Stack>
          <Table.ScrollContainer minWidth={860} visibleFrom="sm">
            <Table highlightOnHover verticalSpacing="sm" aria-busy={list.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Company</Table.Th>
                  <Table.Th scope="col">Email</Table.Th>
                  <Table.Th scope="col">Phone</Table.Th>
                  <Table.Th scope="col">External ID</Table.Th>
                  <Table.Th scope="col">Created</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.isPending &&
                  Array.from({ length: Math.min(size, 10) }, (_, i) => (
                    <Table.Tr key={i} aria-hidden>
                      {Array.from({ length: 6 }, (__, j) => (
                        <Table.Td key={j}>
                          <Skeleton height={14} width={j === 0 ? 140 : 100} />
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                {rows.map((customer) => (
                  <Table.Tr
                    key={customer.id}
                    onClick={() => open(customer)}
                    style={{ cursor: 'pointer' }}
                  >
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/customers/${customer.id}`}
                        fw={500}
                        onClick={(event) => event.stopPropagation()}
                      >
                        {fullName(customer)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{customer.company_name ?? '—'}</Table.Td>
                    <Table.Td>{customer.email}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{customer.phone ?? '—'}</Table.Td>
                    <Table.Td ff="monospace">{customer.external_id ?? '—'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(customer.created_at)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.data && rows.length === 0 && (
            <Stack align="center" gap="xs" p="xl">
              <IconUsers size={32} aria-hidden color="var(--mantine-color-gray-5)" />
              {count === 0 ? (
                <>
                  <Text fw={500}>No customers yet</Text>
                  {canCreate && (
                    <Button
                      component={Link}
                      to="/customers/new"
                      variant="light"
                      leftSection={<IconPlus size={16} aria-hidden />}
                    >
                      New customer
                    </Button>
                  )}
                </>
              ) : (
                <Text fw={500}>
                  {filter ? 'No customer on this page matches the filter' : 'This page is empty'}
                </Text>
              )}
            </Stack>
          )}
        </Paper>
      )}

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
