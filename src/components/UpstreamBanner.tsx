import { Alert } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useUpstreamUnavailable } from '../lib/upstreamStatus';
import { t } from '../lib/i18n';

export function UpstreamBanner() {
  const unavailable = useUpstreamUnavailable();
  if (!unavailable) return null;
  return (
    <Alert
      color="orange"
      variant="filled"
      // Dark words on the orange, in both schemes: white on orange 8 is 3.6:1, black 5.9:1.
      vars={() => ({ root: { '--alert-color': 'var(--mantine-color-black)' } })}
      radius={0}
      mb="md"
      icon={<IconPlugConnectedX aria-hidden />}
      role="status"
    >
      {t(
        'The Fintecture API cannot be reached right now. What you see may be out of date; actions will work again once it is back.',
      )}
    </Alert>
  );
}
