/**
 * The link a verification carries while the customer must act (Fintecture's
 * redirection flow: they open it, choose their bank and confirm there), and
 * the email an agent sends them with it.
 */

/**
 * The link as an address a browser may open: an absolute http(s) URL, else
 * undefined. The link comes from the upstream; anything else (a
 * `javascript:` URL, a relative path, garbage) is never put in an href.
 */
export function openableLink(link: string | null | undefined): string | undefined {
  if (!link) return undefined;
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return undefined;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
}

export const VERIFICATION_EMAIL_SUBJECT =
  'Vérification de votre identité / Verification of your identity';

/** The email's text, French first, then English; lines end in CRLF, as mail wants. */
export function verificationEmailBody(link: string, firstName?: string): string {
  const name = firstName?.trim();
  return [
    name ? `Bonjour ${name},` : 'Bonjour,',
    '',
    'Pour vérifier votre identité, ouvrez ce lien, choisissez votre banque et confirmez-y :',
    link,
    '',
    'Merci.',
    '',
    '---',
    '',
    name ? `Hello ${name},` : 'Hello,',
    '',
    'To verify your identity, open this link, choose your bank and confirm there:',
    link,
    '',
    'Thank you.',
  ].join('\r\n');
}

/**
 * A `mailto:` URL (RFC 6068) to the customer with the subject and the
 * bilingual text, every part percent-encoded; undefined when the customer has
 * no email address to write to.
 */
export function verificationMailto({
  email,
  firstName,
  link,
}: {
  email: string | null | undefined;
  firstName?: string;
  link: string;
}): string | undefined {
  const to = email?.trim();
  if (!to) return undefined;
  // The address keeps its @ (RFC 6068 allows it as is; some mail programs read no %40).
  const address = encodeURIComponent(to).replace(/%40/g, '@');
  const subject = encodeURIComponent(VERIFICATION_EMAIL_SUBJECT);
  const body = encodeURIComponent(verificationEmailBody(link, firstName));
  return `mailto:${address}?subject=${subject}&body=${body}`;
}
