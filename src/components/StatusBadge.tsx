import { Badge } from '@mantine/core';
import {
  IconAlertCircle,
  IconCircleCheck,
  IconCircleDashed,
  IconCircleX,
  IconClockHour4,
  IconHandStop,
  IconHelpCircle,
  IconHourglassEmpty,
} from '@tabler/icons-react';
import { statusLook, type StatusTone } from '../lib/verificationStatus';
import { t } from '../lib/i18n';

const LOOK: Record<StatusTone, { color: string; Icon: typeof IconCircleCheck }> = {
  pending: { color: 'blue', Icon: IconClockHour4 },
  // The customer stopped at their bank: a warning, not a failure (they may still finish).
  cancelled: { color: 'yellow', Icon: IconHandStop },
  verified: { color: 'teal', Icon: IconCircleCheck },
  unverified: { color: 'orange', Icon: IconAlertCircle },
  failed: { color: 'red', Icon: IconCircleX },
  stale: { color: 'yellow', Icon: IconHourglassEmpty },
  none: { color: 'gray', Icon: IconCircleDashed },
  other: { color: 'gray', Icon: IconHelpCircle },
};

/**
 * A verification's status: its own colour and icon, so it reads without
 * colour too. Any status string is shown (an unknown one neutrally, as it is);
 * `stale` is a pending one no longer watched; none at all is "Not verified".
 */
export function StatusBadge({
  status,
  stale = false,
}: {
  status: string | null | undefined;
  stale?: boolean;
}) {
  const { tone, label } = statusLook(status, stale);
  const { color, Icon } = LOOK[tone];
  return (
    <Badge
      color={color}
      variant="light"
      // Even shade 9 of teal or orange is too pale on its own tint for WCAG AA:
      // the words are the text's colour (dark, or light in dark mode), the icon and the tint
      // carry the colour (its -text shade: 8 on white, 4 on dark grey).
      c="var(--mantine-color-text)"
      leftSection={<Icon size={14} aria-hidden color={`var(--mantine-color-${color}-text)`} />}
      // Beside a long name in a card it keeps its width; the name wraps instead.
      style={{ flexShrink: 0 }}
    >
      {label}
    </Badge>
  );
}

/** A bank account's verified flag. */
export function VerifiedBadge({ verified }: { verified: boolean | undefined }) {
  return verified ? (
    <Badge
      color="teal"
      variant="light"
      c="var(--mantine-color-text)"
      leftSection={<IconCircleCheck size={14} aria-hidden color="var(--mantine-color-teal-text)" />}
    >
      {t('account.Verified')}
    </Badge>
  ) : (
    <Badge
      color="gray"
      variant="light"
      c="var(--mantine-color-text)"
      leftSection={<IconAlertCircle size={14} aria-hidden color="var(--mantine-color-gray-text)" />}
    >
      {t('account.Unverified')}
    </Badge>
  );
}
