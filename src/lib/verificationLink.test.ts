import { describe, expect, it } from 'vitest';
import {
  openableLink,
  VERIFICATION_EMAIL_SUBJECT,
  verificationEmailBody,
  verificationMailto,
} from './verificationLink';

const LINK = 'https://connect.fintecture.com/verify?session=a+b&state=x%2Fy#step=1';

describe('a verification link an agent may open', () => {
  it('takes an absolute http(s) URL', () => {
    expect(openableLink(LINK)).toBe(LINK);
    expect(openableLink(' http://127.0.0.1:3001/_sandbox/consent/abc ')).toBe(
      'http://127.0.0.1:3001/_sandbox/consent/abc',
    );
  });

  it('refuses anything else, so no upstream text becomes a script or a relative link', () => {
    for (const link of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '/consent/abc',
      'not a url',
      '',
      null,
      undefined,
    ]) {
      expect(openableLink(link)).toBeUndefined();
    }
  });
});

describe('the email with the link', () => {
  it('writes to the customer, with the subject and the link intact through the encoding', () => {
    const mailto = verificationMailto({
      email: 'elodie.marchand@example.fr',
      firstName: 'Élodie',
      link: LINK,
    });
    expect(mailto).toMatch(/^mailto:elodie\.marchand@example\.fr\?subject=/);
    const url = new URL(mailto!);
    expect(url.searchParams.get('subject')).toBe(VERIFICATION_EMAIL_SUBJECT);
    const body = url.searchParams.get('body')!;
    expect(body).toBe(verificationEmailBody(LINK, 'Élodie'));
    // The link's own &, +, %2F and # survive: it is encoded as one value.
    expect(body.split('\r\n').filter((line) => line === LINK)).toHaveLength(2);
    expect([...url.searchParams.keys()]).toEqual(['subject', 'body']);
  });

  it('says it in French first, then in English', () => {
    const body = verificationEmailBody(LINK, 'Élodie');
    expect(body.startsWith('Bonjour Élodie,')).toBe(true);
    expect(body.indexOf('choisissez votre banque')).toBeLessThan(body.indexOf('Hello Élodie,'));
    expect(body).toContain('choose your bank and confirm there');
    expect(verificationEmailBody(LINK)).toMatch(/^Bonjour,\r\n/);
  });

  it('encodes an address with characters of its own, keeping its @', () => {
    expect(verificationMailto({ email: 'a&b?c@example.fr', link: LINK })).toMatch(
      /^mailto:a%26b%3Fc@example\.fr\?subject=/,
    );
  });

  it('has no address to write to when the customer has no email', () => {
    expect(verificationMailto({ email: undefined, link: LINK })).toBeUndefined();
    expect(verificationMailto({ email: '  ', link: LINK })).toBeUndefined();
  });
});
