import { Group, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { t } from '../lib/i18n';

// The copy button (its tooltip and positioning code) loads with the first failure that has a
// reference, not with the first screen: the reference itself shows at once.
const CopyButton = lazy(() => import('./CopyButton').then((m) => ({ default: m.CopyButton })));

/**
 * The reference of a failure (Fintecture's `log_id`, else the request id),
 * which an agent quotes to Fintecture's support: shown, selectable, copyable.
 */
export function ErrorReference({ reference }: { reference: string | undefined }) {
  if (!reference) return null;
  return (
    <Group gap={4} mt={4} wrap="nowrap">
      <Text size="xs" c="dimmed" style={{ userSelect: 'all', overflowWrap: 'anywhere' }}>
        {t('Reference: {reference}', { reference })}
      </Text>
      <Suspense fallback={null}>
        <CopyButton value={reference} label={t('Copy the reference')} />
      </Suspense>
    </Group>
  );
}
