import { Badge } from '@mantine/core';
import {
  IconAlertCircle,
  IconCircleCheck,
  IconCircleDashed,
  IconCircleX,
  IconClockHour4,
  IconHelpCircle,
  IconHourglassEmpty,
} from '@tabler/icons-react';
import { statusLook, type StatusTone } from '../lib/verificationStatus';

const LOOK: Record<StatusTone, { color: string; Icon: typeof IconCircleCheck }> = {
  pending: { color: 'blue', Icon: IconClockHour4 },
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
      leftSection={<Icon size={14} aria-hidden />}
      // Long words of another API wrap rather than widen a table column.
      style={{ maxWidth: '100%' }}
    >
      {label}
    </Badge>
  );
}

/** A bank account's verified flag. */
export function VerifiedBadge({ verified }: { verified: boolean | undefined }) {
  return verified ? (
    <Badge color="teal" variant="light" leftSection={<IconCircleCheck size={14} aria-hidden />}>
      Verified
    </Badge>
  ) : (
    <Badge color="gray" variant="light" leftSection={<IconAlertCircle size={14} aria-hidden />}>
      Unverified
    </Badge>
  );
}
