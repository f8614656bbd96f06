/**
 * The consent page of the fintecture flavour: the customer's side of
 * Fintecture's redirection flow, played by a tester. Server-rendered HTML in
 * French or English, no script, one small inline stylesheet.
 */
export type Lang = 'fr' | 'en';

/** `?lang=` when it is fr or en, else the first of them in Accept-Language by weight, else English. */
export function pickLang(asked: string | undefined, acceptLanguage: string | undefined): Lang {
  if (asked === 'fr' || asked === 'en') return asked;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return { primary: tag.split('-')[0], weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.weight > 0 && (entry.primary === 'fr' || entry.primary === 'en'))
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return (ranked[0]?.primary as Lang | undefined) ?? 'en';
}

/** Where the verification stands, as the customer is told. */
export type ConsentState = 'open' | 'cancelled' | 'verified' | 'unverified' | 'failed';

export interface ConsentView {
  lang: Lang;
  appId: string;
  customerName: string;
  /** The holder names the bank returns, one per account (the customer's name when none). */
  holderNames: readonly string[];
  banks: { id: string; name: string }[];
  selectedBank?: string | undefined;
  /** The bank the result came from, once final. */
  bankName?: string | undefined;
  state: ConsentState;
  /** The page itself (without query), and where its two forms post. */
  paths: { page: string; confirm: string; cancel: string };
}

const TEXT = {
  en: {
    title: 'Verify your identity with your bank',
    brand: 'Fintecture sandbox',
    languages: 'Language',
    intro: (app: string) =>
      `${app} asks you to confirm, through your bank, that a bank account in your name is yours.`,
    customer: 'Customer',
    merchant: 'Requested by',
    bank: 'Your bank',
    bankShort: 'Bank',
    holderShort: 'Account holder',
    holder: 'Account holder names returned by the bank',
    confirm: 'Confirm',
    cancel: 'Cancel',
    cancelledTitle: 'Verification cancelled',
    cancelled:
      'You cancelled this verification. You can still complete it: choose your bank and confirm.',
    verifiedTitle: 'Identity verified',
    verified: (bank: string) =>
      `${bank} confirmed that the account is in your name. You can close this page.`,
    unverifiedTitle: 'Verification failed',
    unverified: (bank: string) =>
      `The account holder name at ${bank} does not match the name expected. You can close this page.`,
    failedTitle: 'Verification failed',
    failed: (bank: string) => `${bank} could not confirm your identity. You can close this page.`,
    sandboxNote: 'Sandbox: no real bank is contacted.',
    notFoundTitle: 'Link not valid',
    notFound:
      'This verification link is not valid. Check that you opened the whole link you were sent.',
  },
  fr: {
    title: 'Vérifiez votre identité avec votre banque',
    brand: 'Fintecture sandbox',
    languages: 'Langue',
    intro: (app: string) =>
      `${app} vous demande de confirmer, auprès de votre banque, qu’un compte bancaire à votre nom vous appartient.`,
    customer: 'Client',
    merchant: 'Demandé par',
    bank: 'Votre banque',
    bankShort: 'Banque',
    holderShort: 'Titulaire',
    holder: 'Noms des titulaires renvoyés par la banque',
    confirm: 'Confirmer',
    cancel: 'Annuler',
    cancelledTitle: 'Vérification annulée',
    cancelled:
      'Vous avez annulé cette vérification. Vous pouvez encore la terminer : choisissez votre banque et confirmez.',
    verifiedTitle: 'Identité vérifiée',
    verified: (bank: string) =>
      `${bank} a confirmé que le compte est à votre nom. Vous pouvez fermer cette page.`,
    unverifiedTitle: 'Échec de la vérification',
    unverified: (bank: string) =>
      `Le nom du titulaire chez ${bank} ne correspond pas au nom attendu. Vous pouvez fermer cette page.`,
    failedTitle: 'Échec de la vérification',
    failed: (bank: string) =>
      `${bank} n’a pas pu confirmer votre identité. Vous pouvez fermer cette page.`,
    sandboxNote: 'Sandbox : aucune vraie banque n’est contactée.',
    notFoundTitle: 'Lien non valide',
    notFound:
      'Ce lien de vérification n’est pas valide. Vérifiez que vous avez ouvert le lien complet reçu.',
  },
} as const;

const STYLE = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1f36;background:#f3f5f9}
header{display:flex;justify-content:space-between;align-items:center;gap:1rem;padding:.75rem 1.25rem;background:#fff;border-bottom:1px solid #dde2ea}
.brand{font-weight:600;color:#27306b}
nav ul{display:flex;gap:.25rem;margin:0;padding:0;list-style:none}
nav a{display:inline-block;min-width:2.75rem;padding:.35rem .6rem;border-radius:6px;text-align:center;color:#27306b;font-weight:600;text-decoration:none}
nav a:hover{text-decoration:underline}
nav a[aria-current]{background:#27306b;color:#fff}
main{max-width:34rem;margin:2rem auto;padding:0 1rem}
.card{background:#fff;border:1px solid #dde2ea;border-radius:12px;padding:1.5rem}
h1{margin:0 0 .75rem;font-size:1.5rem;line-height:1.25}
h2{margin:0 0 .25rem;font-size:1.125rem}
p{margin:0 0 1rem}
dl{margin:0 0 1.25rem;display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1rem}
dt{color:#4a5270}
dd{margin:0;font-weight:600;overflow-wrap:anywhere}
label{display:block;margin-bottom:.35rem;font-weight:600}
select{width:100%;min-height:2.75rem;padding:.5rem;font:inherit;color:inherit;background:#fff;border:1px solid #8a93ad;border-radius:8px}
.holder{margin:1rem 0 1.25rem;padding:.75rem 1rem;background:#f3f5f9;border-radius:8px}
.holder span{display:block;color:#4a5270;font-size:.9375rem}
.holder strong{font-size:1.0625rem;overflow-wrap:anywhere}
.actions{display:flex;flex-wrap:wrap;gap:.75rem}
.actions form{margin:0}
button{min-height:2.75rem;padding:.6rem 1.4rem;font:inherit;font-weight:600;border-radius:8px;cursor:pointer}
.primary{color:#fff;background:#27306b;border:1px solid #27306b}
.primary:hover{background:#1b2150}
.secondary{color:#27306b;background:#fff;border:1px solid #27306b}
.secondary:hover{background:#eef0f8}
a:focus-visible,button:focus-visible,select:focus-visible{outline:3px solid #f2a900;outline-offset:2px}
.notice{margin:0 0 1.25rem;padding:.75rem 1rem;border-radius:8px;border-left:4px solid}
.notice p{margin:0}
.info{background:#fff7e0;border-color:#b77900}
.success{background:#e6f6ec;border-color:#1d7a3e}
.error{background:#fdecec;border-color:#b3261e}
.note{margin:1rem 0 0;color:#4a5270;font-size:.875rem}
@media (max-width:480px){main{margin:1rem auto}.card{padding:1.1rem}h1{font-size:1.3rem}.actions button{width:100%}.actions form{flex:1 1 100%}}
`;

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );
}

function document(lang: Lang, page: string, title: string, main: string): string {
  const t = TEXT[lang];
  const switchLink = (to: Lang) =>
    `<li><a href="${escapeHtml(`${page}?lang=${to}`)}" lang="${to}" hreflang="${to}"${
      to === lang ? ' aria-current="page"' : ''
    } title="${to === 'fr' ? 'Français' : 'English'}">${to.toUpperCase()}</a></li>`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} · ${t.brand}</title>
<style>${STYLE}</style>
</head>
<body>
<header><span class="brand">${t.brand}</span><nav aria-label="${t.languages}"><ul>${switchLink('fr')}${switchLink('en')}</ul></nav></header>
<main>
<div class="card">
${main}
<p class="note">${t.sandboxNote}</p>
</div>
</main>
</body>
</html>
`;
}

export function consentPage(view: ConsentView): string {
  const t = TEXT[view.lang];
  const bank = escapeHtml(
    view.bankName ?? view.banks.find((b) => b.id === view.selectedBank)?.name ?? '',
  );
  const final = view.state !== 'open' && view.state !== 'cancelled';
  // Once final, what the bank answered is part of the record shown.
  const outcome = final
    ? `
<dt>${t.bankShort}</dt><dd>${bank}</dd>
<dt>${t.holderShort}</dt><dd>${view.holderNames.map(escapeHtml).join('<br>')}</dd>`
    : '';
  const facts = `<dl>
<dt>${t.merchant}</dt><dd>${escapeHtml(view.appId)}</dd>
<dt>${t.customer}</dt><dd>${escapeHtml(view.customerName)}</dd>${outcome}
</dl>`;
  if (final) {
    const [kind, heading, body] =
      view.state === 'verified'
        ? ['success', t.verifiedTitle, t.verified(bank)]
        : view.state === 'unverified'
          ? ['error', t.unverifiedTitle, t.unverified(bank)]
          : ['error', t.failedTitle, t.failed(bank)];
    return document(
      view.lang,
      view.paths.page,
      heading,
      `<h1>${t.title}</h1>
${facts}
<div class="notice ${kind}" role="status"><h2>${heading}</h2><p>${body}</p></div>`,
    );
  }
  const notice =
    view.state === 'cancelled'
      ? `<div class="notice info" role="status"><h2>${t.cancelledTitle}</h2><p>${t.cancelled}</p></div>`
      : '';
  const options = view.banks
    .map(
      (b) =>
        `<option value="${escapeHtml(b.id)}"${b.id === view.selectedBank ? ' selected' : ''}>${escapeHtml(b.name)}</option>`,
    )
    .join('');
  const lang = `<input type="hidden" name="lang" value="${view.lang}">`;
  return document(
    view.lang,
    view.paths.page,
    t.title,
    `<h1>${t.title}</h1>
<p>${escapeHtml(t.intro(view.appId))}</p>
${notice}
${facts}
<form id="confirm" method="post" action="${escapeHtml(view.paths.confirm)}">
${lang}
<label for="bank">${t.bank}</label>
<select id="bank" name="provider_id">${options}</select>
<p class="holder"><span>${t.holder}</span>${view.holderNames.map((name) => `<strong>${escapeHtml(name)}</strong>`).join('')}</p>
</form>
<div class="actions">
<button class="primary" type="submit" form="confirm">${t.confirm}</button>
${
  // Cancelled already: only confirming changes anything now.
  view.state === 'cancelled'
    ? ''
    : `<form method="post" action="${escapeHtml(view.paths.cancel)}">${lang}<button class="secondary" type="submit">${t.cancel}</button></form>`
}
</div>`,
  );
}

/** A link whose id or token is not a verification's: the same page, nothing about why. */
export function notFoundPage(lang: Lang, page: string): string {
  const t = TEXT[lang];
  return document(lang, page, t.notFoundTitle, `<h1>${t.notFoundTitle}</h1>\n<p>${t.notFound}</p>`);
}
