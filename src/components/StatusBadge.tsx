import { Badge } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconClockHour4, IconAlertCircle } from '@tabler/icons-react';
import type { VerificationStatus } from '../api/verifications';

const LOOK: Record<
  VerificationStatus,
  { label: string; color: string; Icon: typeof IconCircleCheck }
> = {
  pending: { label: 'Pending', color: 'blue', Icon: IconClockHour4 },
  verified: { label: 'Verified', color: 'teal', Icon: IconCircleCheck },
  unverified: { label: 'Unverified', color: 'orange', Icon: IconAlertCircle },
  failed: { label: 'Failed', color: 'red', Icon: IconCircleX },
};

/** A verification's status: its own colour and icon, so it reads without colour too. */
export function StatusBadge({ status }: { status: VerificationStatus | undefined }) {
  const look = LOOK[status ?? 'pending'];
  return (
    <Badge color={look.color} variant="light" leftSection={<look.Icon size={14} aria-hidden />}>
      {look.label}
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
