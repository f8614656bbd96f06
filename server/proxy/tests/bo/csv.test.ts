import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, queueCsvFileName } from '../../routes/bo/csv';

describe('the queue CSV cells', () => {
  it('quotes what RFC 4180 needs quoted, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('Dupont, Fils')).toBe('"Dupont, Fils"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvLine(['a', null, undefined, 0.5, false])).toBe('a,,,0.5,false\r\n');
  });

  it('neutralises a text a spreadsheet would run as a formula, and only a text', () => {
    for (const formula of ['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', '\tx', '\rx']) {
      expect(csvCell(formula).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('a=b')).toBe('a=b');
    // A number the index holds (a score) is data, written as is.
    expect(csvCell(-0.5)).toBe('-0.5');
  });

  it('names the file after the day, in UTC', () => {
    expect(queueCsvFileName(Date.UTC(2026, 10, 25, 23, 59))).toBe('verifications-2026-11-25.csv');
  });
});
