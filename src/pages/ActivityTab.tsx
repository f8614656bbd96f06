import { Anchor, Group, Paper, Skeleton, Stack, Text, Timeline } from '@mantine/core';
import {
  IconBuildingBank,
  IconEye,
  IconHistory,
  IconHourglassEmpty,
  IconShieldCheck,
  IconUserPlus,
  IconPlayerPlay,
  IconPoint,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useOutletContext } from 'react-router';
import type { Customer } from '../api/customers';
import { customerActivityQuery, type ActivityItem } from '../api/customerIndex';
import { ErrorState } from '../components/ErrorState';
import { ListEmpty } from '../components/ResponsiveList';
import { activitySentence } from '../lib/activity';
import { formatDateTime, formatPercent } from '../lib/format';
import { formatRelative } from '../lib/relativeTime';
import { t } from '../lib/i18n';

const ICONS: Record<string, typeof IconPoint> = {
  customer_created: IconUserPlus,
  bank_account_added: IconBuildingBank,
  verification_started: IconPlayerPlay,
  verification_resolved: IconShieldCheck,
  verification_stale: IconHourglassEmpty,
  iban_revealed: IconEye,
};

function ActivityEntry({ item, customerId }: { item: ActivityItem; customerId: string }) {
  return (
    // A name of 100 letters without a space wraps rather than widen the page.
    <Stack gap={2} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
      <Text size="sm">{activitySentence(item, (score) => formatPercent(score))}</Text>
      <Text size="xs" c="dimmed">
        <time dateTime={item.at}>
          {formatRelative(item.at)} · {formatDateTime(item.at)}
        </time>
        {item.verification_id && (
          <>
            {' · '}
            <Anchor
              underline="always"
              component={Link}
              to={`/customers/${encodeURIComponent(customerId)}/verifications/${encodeURIComponent(item.verification_id)}`}
              size="xs"
            >
              {t('Open the verification')}
            </Anchor>
          </>
        )}
      </Text>
    </Stack>
  );
}

/** The timeline's shape while it loads: a bullet, a sentence and its date, three times. */
function ActivitySkeleton() {
  return (
    <Paper withBorder p="lg" radius="md" aria-busy>
      <Stack gap="lg">
        {['70%', '55%', '62%'].map((width) => (
          <Group key={width} gap="md" wrap="nowrap" align="flex-start">
            <Skeleton circle height={26} />
            <Stack gap={8} style={{ flex: 1 }} pt={4}>
              <Skeleton height={12} width={width} />
              <Skeleton height={10} width={160} maw="100%" />
            </Stack>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

/** What happened to the customer, newest first: from the audit trail and the index. */
export function ActivityTab() {
  const customer = useOutletContext<Customer>();
  const activity = useQuery(customerActivityQuery(customer.id!));
  if (activity.isError && !activity.data)
    return <ErrorState query={activity} title={t('The activity could not be loaded')} />;
  if (!activity.data) return <ActivitySkeleton />;
  const items = activity.data.data;
  if (items.length === 0)
    return (
      <Paper withBorder radius="md">
        <ListEmpty icon={IconHistory} title={t('Nothing recorded for this customer yet')} />
      </Paper>
    );
  return (
    <Paper withBorder p="lg" radius="md">
      <Timeline
        bulletSize={26}
        lineWidth={2}
        active={-1}
        role="list"
        aria-label={t('Activity, newest first')}
      >
        {items.map((item, i) => {
          const Icon = ICONS[item.kind] ?? IconPoint;
          return (
            <Timeline.Item
              key={`${item.at}-${item.kind}-${i}`}
              bullet={<Icon size={14} aria-hidden />}
              role="listitem"
            >
              <ActivityEntry item={item} customerId={customer.id!} />
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Paper>
  );
}
