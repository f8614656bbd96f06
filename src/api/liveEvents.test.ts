import { describe, expect, it } from 'vitest';
import { parseResolvedEvent } from './liveEvents';

describe('reading a verification_resolved event', () => {
  it('takes the contract’s fields', () => {
    const event = {
      verification_id: 'v1',
      customer_id: 'c1',
      customer_name: 'Camille Lefèvre',
      status: 'verified',
      stale: false,
      match_score: 0.92,
      started_by: 'alice',
    };
    expect(parseResolvedEvent(JSON.stringify(event))).toEqual(event);
  });

  it('fills what an older or newer server leaves out, and keeps an unknown status word', () => {
    expect(
      parseResolvedEvent(
        JSON.stringify({ verification_id: 'v1', customer_id: 'c1', status: 'success' }),
      ),
    ).toEqual({
      verification_id: 'v1',
      customer_id: 'c1',
      customer_name: '',
      status: 'success',
      stale: false,
      match_score: null,
      started_by: null,
    });
  });

  it('refuses what it cannot link to: no ids, no status, not JSON, not an object', () => {
    expect(parseResolvedEvent(JSON.stringify({ customer_id: 'c1', status: 'failed' }))).toBeNull();
    expect(
      parseResolvedEvent(JSON.stringify({ verification_id: 'v1', status: 'failed' })),
    ).toBeNull();
    expect(
      parseResolvedEvent(JSON.stringify({ verification_id: 'v1', customer_id: 'c1' })),
    ).toBeNull();
    expect(parseResolvedEvent('{"verification_id":')).toBeNull();
    expect(parseResolvedEvent('null')).toBeNull();
    expect(parseResolvedEvent('"text"')).toBeNull();
  });
});
