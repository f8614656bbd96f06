import { describe, expect, it } from 'vitest';
import { queueCsvHref } from './queue';

describe('the queue export link', () => {
  it('carries the filters on screen, so the file has the rows the agent sees', () => {
    expect(queueCsvHref({ statuses: ['pending', 'failed'], mine: true, age: '24h' })).toBe(
      '/bo/verifications.csv?status=pending%2Cfailed&mine=true&age=24h',
    );
  });

  it('is the plain export of every verification without filters', () => {
    expect(queueCsvHref({ statuses: [], mine: false, age: undefined })).toBe(
      '/bo/verifications.csv',
    );
  });
});
