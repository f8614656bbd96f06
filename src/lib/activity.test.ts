import { describe, expect, it } from 'vitest';
import type { components } from '../../openapi/backoffice';
import { activitySentence } from './activity';

type ActivityItem = components['schemas']['ActivityItem'];
const at = '2026-03-05T12:00:00Z';
const percent = (score: number) => `${Math.round(score * 100)}%`;
const say = (item: Partial<ActivityItem> & Pick<ActivityItem, 'kind'>) =>
  activitySentence({ at, actor: 'alice', outcome: 'created', ...item }, percent);

describe("a customer's timeline in sentences", () => {
  it('says who created the customer and who added which account', () => {
    expect(say({ kind: 'customer_created' })).toBe('alice created the customer');
    expect(say({ kind: 'bank_account_added', iban_last4: '3000', holder_name: 'Zoë Müller' })).toBe(
      'alice added the bank account …3000 (Zoë Müller)',
    );
  });

  it('says which name a verification expected, and how it ended', () => {
    expect(say({ kind: 'verification_started', expected_name: 'Zoe Muller' })).toBe(
      'alice started a verification, expecting “Zoe Muller”',
    );
    expect(
      say({
        kind: 'verification_resolved',
        actor: null,
        outcome: 'resolved',
        status: 'unverified',
        match_score: 0.42,
      }),
    ).toBe('The verification resolved: Unverified, match 42%');
    expect(say({ kind: 'verification_stale', actor: null, outcome: 'resolved' })).toBe(
      'The verification went stale: still pending after 24 hours of watching',
    );
  });

  it('says who revealed an IBAN, and what was refused', () => {
    expect(say({ kind: 'iban_revealed', iban_last4: '3000' })).toBe(
      'alice revealed the IBAN of the bank account …3000',
    );
    expect(say({ kind: 'bank_account_added', outcome: 'refused' })).toBe(
      'alice tried to add a bank account (refused)',
    );
  });

  it('still shows a kind the dashboard does not know yet', () => {
    expect(say({ kind: 'note_added' as ActivityItem['kind'], actor: null })).toBe(
      'Someone: note added',
    );
  });
});
