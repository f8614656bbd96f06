import type { components } from '../../openapi/backoffice';
import { statusLook } from './verificationStatus';
import { t, tWord } from './i18n';

type ActivityItem = components['schemas']['ActivityItem'];

/** What a timeline entry says, in a sentence, from what the audit trail and the index recorded. */
export function activitySentence(
  item: ActivityItem,
  formatScore: (score: number) => string,
): string {
  const who = item.actor ?? t('Someone');
  const account = [
    item.iban_last4
      ? t('the bank account …{last4}', { last4: item.iban_last4 })
      : t('a bank account'),
    item.holder_name ? `(${item.holder_name})` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const tried = item.outcome !== 'created' && item.outcome !== 'resolved';
  const refusal = tried ? ` (${tWord(item.outcome)})` : '';
  switch (item.kind) {
    case 'customer_created':
      return tried
        ? t('{who} tried to create the customer{refusal}', { who, refusal })
        : t('{who} created the customer', { who });
    case 'bank_account_added':
      return tried
        ? t('{who} tried to add {account}{refusal}', { who, account, refusal })
        : t('{who} added {account}', { who, account });
    case 'verification_started': {
      const expecting = item.expected_name
        ? t(', expecting “{name}”', { name: item.expected_name })
        : '';
      return tried
        ? t('{who} tried to start a verification{expecting}{refusal}', { who, expecting, refusal })
        : t('{who} started a verification{expecting}', { who, expecting });
    }
    case 'verification_resolved': {
      const score =
        item.match_score == null
          ? ''
          : t(', match {score}', { score: formatScore(item.match_score) });
      return t('The verification resolved: {status}{score}', {
        status: statusLook(item.status).label,
        score,
      });
    }
    case 'verification_stale':
      return t('The verification went stale: still pending after 24 hours of watching');
    case 'iban_revealed':
      return t('{who} revealed the IBAN of {account}{refusal}', { who, account, refusal });
    default:
      // A kind added to the API later still shows, in its own words.
      return `${who}: ${String(item.kind).replaceAll('_', ' ')}${refusal}`;
  }
}
