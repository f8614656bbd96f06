import { Anchor, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { VerificationResolvedEvent } from '../api/liveEvents';
import { formatPercent } from '../lib/format';
import { statusLook, type StatusTone } from '../lib/verificationStatus';
import { t } from '../lib/i18n';

const COLOR: Partial<Record<StatusTone, string>> = {
  verified: 'teal',
  unverified: 'orange',
  failed: 'red',
  stale: 'yellow',
};

/**
 * Verifications already announced in this tab. The live stream and a page
 * that polls the same verification may both see it resolve: the first to
 * claim it shows the notice, the other stays quiet.
 */
const announced = new Set<string>();

/** True the first time for a verification id, false after: call before showing a resolution notice. */
export function claimResolutionNotice(verificationId: string): boolean {
  if (announced.has(verificationId)) return false;
  announced.add(verificationId);
  return true;
}

export type ResolvedVerification = Pick<
  VerificationResolvedEvent,
  'verification_id' | 'customer_id' | 'customer_name' | 'status' | 'stale' | 'match_score'
>;

export function verificationPath(customerId: string, verificationId: string): string {
  return `/customers/${encodeURIComponent(customerId)}/verifications/${encodeURIComponent(verificationId)}`;
}

/** "Élodie Marchand: verification verified", in a sentence of its own for each outcome. */
function resolutionTitle(tone: StatusTone, who: string, label: string): string {
  switch (tone) {
    case 'stale':
      return t('{who}: verification stale', { who });
    case 'verified':
      return t('{who}: verification verified', { who });
    case 'unverified':
      return t('{who}: verification unverified', { who });
    case 'failed':
      return t('{who}: verification failed', { who });
    default:
      return t('{who}: verification {status}', { who, status: label.toLowerCase() });
  }
}

/**
 * Tells the agent, on whatever page, that a verification resolved: whose, how,
 * with which score, and a link to it. Shown once per verification (see
 * `claimResolutionNotice`). The notices live outside the router, so the link
 * navigates through the `navigate` it is given.
 */
export function showResolutionNotice(
  verification: ResolvedVerification,
  navigate: (path: string) => void,
): void {
  if (!claimResolutionNotice(verification.verification_id)) return;
  const { tone, label } = statusLook(verification.status, verification.stale);
  const id = `verification-resolved-${verification.verification_id}`;
  const path = verificationPath(verification.customer_id, verification.verification_id);
  const who = verification.customer_name || t('A customer');
  notifications.show({
    id,
    color: COLOR[tone] ?? 'gray',
    autoClose: 10_000,
    title: resolutionTitle(tone, who, label),
    message: (
      <Stack gap={2}>
        {tone === 'stale' ? (
          <Text size="sm">{t('Still pending after 24 hours; no longer checked.')}</Text>
        ) : (
          verification.match_score !== null && (
            <Text size="sm">
              {t('Match score {score}', { score: formatPercent(verification.match_score) })}
            </Text>
          )
        )}
        <Anchor
          href={path}
          size="sm"
          onClick={(event) => {
            if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
            event.preventDefault();
            notifications.hide(id);
            navigate(path);
          }}
        >
          {t('Open the verification')}
        </Anchor>
      </Stack>
    ),
  });
}
