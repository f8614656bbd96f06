import type { components } from '../../openapi/backoffice';
import { statusLook } from './verificationStatus';

type ActivityItem = components['schemas']['ActivityItem'];

/** What a timeline entry says, in a sentence, from what the audit trail and the index recorded. */
export function activitySentence(
  item: ActivityItem,
  formatScore: (score: number) => string,
): string {
  const who = item.actor ?? 'Someone';
  const account = [
    item.iban_last4 ? `the bank account …${item.iban_last4}` : 'a bank account',
    item.holder_name ? `(${item.holder_name})` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const tried = item.outcome !== 'created' && item.outcome !== 'resolved';
  const refusal = tried ? ` (${item.outcome})` : '';
  switch (item.kind) {
    case 'customer_created':
      return tried
        ? `${who} tried to create the customer${refusal}`
        : `${who} created the customer`;
    case 'bank_account_added':
      return `${who} ${tried ? 'tried to add' : 'added'} ${account}${refusal}`;
    case 'verification_started': {
      const expecting = item.expected_name ? `, expecting “${item.expected_name}”` : '';
      return `${who} ${tried ? 'tried to start' : 'started'} a verification${expecting}${refusal}`;
    }
    case 'verification_resolved': {
      const score = item.match_score == null ? '' : `, match ${formatScore(item.match_score)}`;
      return `The verification resolved: ${statusLook(item.status).label}${score}`;
    }
    case 'verification_stale':
      return 'The verification went stale: still pending after 24 hours of watching';
    case 'iban_revealed':
      return `${who} revealed the IBAN of ${account}${refusal}`;
    default:
      // A kind added to the API later still shows, in its own words.
      return `${who}: ${String(item.kind).replaceAll('_', ' ')}${refusal}`;
  }
}
