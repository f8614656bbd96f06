import { Button, Group, Paper, Skeleton, Text } from '@mantine/core';
import {
  IconCircleCheck,
  IconCircleDashed,
  IconCircleX,
  IconClockHour4,
  IconPlayerPlay,
  IconPlus,
  type Icon,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useCanCreate } from '../api/auth';
import { bankAccountsQuery } from '../api/bankAccounts';
import type { Customer } from '../api/customers';
import { verificationsQuery } from '../api/verifications';
import { formatDate } from '../lib/format';
import { t } from '../lib/i18n';
import { onboardingState, type OnboardingAction, type OnboardingState } from '../lib/onboarding';
import { statusLook } from '../lib/verificationStatus';
import { stepArrival, useForgetArrival } from './onboardingFlow';

type StepLook = 'done' | 'todo' | 'waiting' | 'failed';

const ICONS: Record<StepLook, { icon: Icon; color: string }> = {
  done: { icon: IconCircleCheck, color: 'var(--mantine-color-teal-filled)' },
  todo: { icon: IconCircleDashed, color: 'var(--mantine-color-dimmed)' },
  waiting: { icon: IconClockHour4, color: 'var(--mantine-color-blue-filled)' },
  failed: { icon: IconCircleX, color: 'var(--mantine-color-red-filled)' },
};

function Step({ look, children }: { look: StepLook; children: string }) {
  const { icon: StepIcon, color } = ICONS[look];
  return (
    <Group component="li" gap={4} wrap="nowrap">
      <StepIcon size={16} color={color} aria-hidden style={{ flex: 'none' }} />
      <Text size="sm" c={look === 'todo' ? 'dimmed' : undefined}>
        {children}
      </Text>
    </Group>
  );
}

/** The steps as they read: each one's look and words. */
function steps(customer: Customer, state: OnboardingState): [StepLook, string][] {
  const status = statusLook(state.verification?.status).label;
  return [
    ['done', t('Created {date}', { date: formatDate(customer.created_at) })],
    state.accountCount > 0
      ? [
          'done',
          t('Bank account: {count, plural, one {# account} other {# accounts}}', {
            count: state.accountCount,
          }),
        ]
      : ['todo', t('Bank account: to do')],
    // Its status, unless the next step says it already.
    !state.verification
      ? ['todo', t('Verification: to do')]
      : state.stage === 'verified'
        ? ['done', t('Verification started')]
        : ['done', t('Verification started ({status})', { status })],
    state.stage === 'verified'
      ? [
          'done',
          state.verification?.verified_at
            ? t('Verified {date}', { date: formatDate(state.verification.verified_at) })
            : t('Verified'),
        ]
      : state.stage === 'open'
        ? ['waiting', t('Verified: pending')]
        : state.stage === 'ended'
          ? ['failed', t('Not verified: start again')]
          : ['todo', t('Verified: not yet')],
  ];
}

const ACTIONS: Record<
  OnboardingAction,
  { label: () => string; tab: 'bank-accounts' | 'verifications'; icon: Icon }
> = {
  'add-bank-account': {
    label: () => t('Add a bank account'),
    tab: 'bank-accounts',
    icon: IconPlus,
  },
  'start-verification': {
    label: () => t('Start verification'),
    tab: 'verifications',
    icon: IconPlayerPlay,
  },
  'restart-verification': {
    label: () => t('Start a new verification'),
    tab: 'verifications',
    icon: IconPlayerPlay,
  },
};

/**
 * Where the customer's onboarding stands (created, bank account, verification
 * started, verified), read from their accounts and verifications (the tabs'
 * own queries), with the next action as the primary button for agents. The
 * action opens the tab's own create dialog; arriving from the step before
 * (the create page, a dialog that created something) focuses it.
 */
export function OnboardingProgress({ customer }: { customer: Customer }) {
  const customerId = customer.id!;
  const accounts = useQuery(bankAccountsQuery(customerId));
  const verifications = useQuery(verificationsQuery(customerId));
  const canCreate = useCanCreate();
  const location = useLocation();
  const navigate = useNavigate();
  const action = useRef<HTMLButtonElement>(null);
  const section = useRef<HTMLElement>(null);

  const state =
    accounts.data && verifications.data
      ? onboardingState(accounts.data.data ?? [], verifications.data.data ?? [])
      : undefined;
  const next = canCreate && state?.next ? state.next : undefined;

  const focusWanted = stepArrival(location.state).focusNextStep;
  useEffect(() => {
    if (!focusWanted || !state) return;
    // No action left (a verification awaited, or done): the steps themselves, read out from the top.
    (action.current ?? section.current)?.focus();
  }, [focusWanted, state]);
  useForgetArrival(focusWanted === true && state !== undefined);

  // A failed first load hides the steps (the tabs say what failed); a failed refresh keeps them.
  if ((accounts.isError && !accounts.data) || (verifications.isError && !verifications.data))
    return null;
  const {
    label,
    tab,
    icon: ActionIcon,
  } = next ? ACTIONS[next] : { label: undefined, tab: undefined, icon: undefined };
  return (
    <Paper
      component="section"
      ref={section}
      tabIndex={-1}
      aria-label={t('Onboarding')}
      withBorder
      radius="md"
      px="md"
      py="xs"
    >
      <Group justify="space-between" gap="xs" wrap="wrap">
        {state ? (
          <Group
            component="ol"
            gap="xs"
            wrap="wrap"
            style={{ listStyle: 'none', margin: 0, padding: 0 }}
          >
            {steps(customer, state).map(([look, words]) => (
              <Step key={words} look={look}>
                {words}
              </Step>
            ))}
          </Group>
        ) : (
          <Skeleton height={20} width={420} maw="100%" />
        )}
        {label && ActionIcon && (
          <Button
            ref={action}
            size="sm"
            leftSection={<ActionIcon size={16} aria-hidden />}
            // Named apart from the tab's own button of the same words; the visible words lead.
            aria-label={t('Next step: {action}', { action: label() })}
            onClick={() => {
              const target = `/customers/${customerId}/${tab}`;
              // Already on that tab: the dialog opens over it, with no history entry to step back through.
              void navigate(target, {
                state: { openDialog: true },
                replace: location.pathname === target,
              });
            }}
          >
            {label()}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
