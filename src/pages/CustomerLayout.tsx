import {
  Anchor,
  Breadcrumbs,
  Group,
  Skeleton,
  Stack,
  Tabs,
  Text,
  Title,
  Code,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { bankAccountKeys } from '../api/bankAccounts';
import { indexKeys } from '../api/customerIndex';
import { customerQuery, fullName } from '../api/customers';
import { useDocumentTitle } from '../lib/environment';
import { ApiError } from '../api/errors';
import { verificationsQuery, type Verification } from '../api/verifications';
import { CopyButton } from '../components/CopyButton';
import { CustomerDetails } from '../components/CustomerDetails';
import { ErrorState } from '../components/ErrorState';
import { OnboardingProgress } from '../components/OnboardingProgress';
import { showResolutionNotice } from '../components/resolutionNotice';
import { hasResolved } from '../lib/verificationStatus';
import { NotFoundPage } from './NotFoundPage';
import { t } from '../lib/i18n';

/**
 * Tells the agent when a pending verification of this customer resolves, on
 * whichever tab: the fallback of the live stream, whose notice it shares (one
 * per verification, whichever sees it first).
 */
function useResolutionNotices(
  customerId: string,
  customerName: string,
  verifications: Verification[] | undefined,
) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const previous = useRef(new Map<string, { status?: string }>());
  useEffect(() => {
    if (!verifications) return;
    let resolved = false;
    for (const verification of verifications) {
      if (!verification.id) continue;
      // Open when last seen (any status not final, whatever its word), final now:
      // the statuses at which the server's watcher resolves it too.
      if (hasResolved(previous.current.get(verification.id), verification.status)) {
        resolved = true;
        showResolutionNotice(
          {
            verification_id: verification.id,
            customer_id: customerId,
            customer_name: customerName,
            status: verification.status ?? '',
            stale: false,
            match_score: verification.match_score ?? null,
          },
          (path) => void navigate(path),
        );
      }
      previous.current.set(verification.id, { status: verification.status });
    }
    if (!resolved) return;
    void queryClient.invalidateQueries({ queryKey: bankAccountKeys.all(customerId) });
    // The index's rows of it (queue, status column, timeline) changed with it.
    void queryClient.invalidateQueries({ queryKey: indexKeys.all });
  }, [verifications, customerId, customerName, queryClient, navigate]);
}

/** Each tab's name, as its label says it. */
const TAB_NAMES = {
  overview: () => t('Overview'),
  'bank-accounts': () => t('Bank accounts'),
  verifications: () => t('Verifications'),
  activity: () => t('Activity'),
};

export function CustomerLayout() {
  const { customerId = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const customer = useQuery(customerQuery(customerId));
  const verifications = useQuery({
    ...verificationsQuery(customerId),
    enabled: customer.isSuccess,
  });
  useResolutionNotices(
    customerId,
    customer.data ? fullName(customer.data) : '',
    verifications.data?.data,
  );

  const base = `/customers/${customerId}`;
  const tab = location.pathname.startsWith(`${base}/bank-accounts`)
    ? 'bank-accounts'
    : location.pathname.startsWith(`${base}/verifications`)
      ? 'verifications'
      : location.pathname.startsWith(`${base}/activity`)
        ? 'activity'
        : 'overview';
  const missing = customer.error instanceof ApiError && customer.error.status === 404;
  // The tab's title names the customer and the tab (or the one account or verification open).
  const detail = /\/(bank-accounts|verifications)\/[^/]+/.test(
    location.pathname.slice(base.length),
  );
  useDocumentTitle(
    ...(missing
      ? [t('Not found')]
      : [
          customer.data ? fullName(customer.data) : t('Customer'),
          detail
            ? tab === 'bank-accounts'
              ? t('Bank account')
              : t('Verification')
            : TAB_NAMES[tab](),
        ]),
  );

  if (missing) return <NotFoundPage what="customer" />;

  return (
    <Stack gap="md">
      <Breadcrumbs miw={0} style={{ overflow: 'hidden' }}>
        <Anchor component={Link} to="/customers">
          {t('Customers')}
        </Anchor>
        <Text
          span
          inherit
          truncate="end"
          miw={0}
          lh={1.6}
          title={customer.data && fullName(customer.data)}
        >
          {customer.data ? fullName(customer.data) : t('Customer')}
        </Text>
      </Breadcrumbs>
      {customer.isError ? (
        <ErrorState query={customer} title={t('This customer could not be loaded')} />
      ) : (
        <Stack gap={4}>
          {customer.data ? (
            <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
              {fullName(customer.data)}
            </Title>
          ) : (
            <Skeleton height={30} width={260} />
          )}
          <Group gap="xs" wrap="wrap">
            {customer.data?.company_name && (
              <Text c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {customer.data.company_name}
              </Text>
            )}
            <Group gap={2} wrap="nowrap">
              <Text size="xs" c="dimmed">
                {t('ID')}
              </Text>
              <Code style={{ wordBreak: 'break-all' }}>{customerId}</Code>
              <CopyButton value={customerId} label={t('Copy customer ID')} />
            </Group>
          </Group>
        </Stack>
      )}
      {customer.data && <OnboardingProgress customer={customer.data} />}
      <Tabs
        value={tab}
        onChange={(value) => void navigate(value === 'overview' ? base : `${base}/${value}`)}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="overview">{t('Overview')}</Tabs.Tab>
          <Tabs.Tab value="bank-accounts">{t('Bank accounts')}</Tabs.Tab>
          <Tabs.Tab value="verifications">{t('Verifications')}</Tabs.Tab>
          <Tabs.Tab value="activity">{t('Activity')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {customer.data ? (
        <Outlet context={customer.data} />
      ) : (
        tab === 'overview' && !customer.isError && <CustomerDetails />
      )}
    </Stack>
  );
}
