import type { StoredAnswer } from './idempotency';
import type { Role } from './users';

/**
 * IBANs leave the proxy whole only on purpose (issue 13): to an agent, in the
 * answer of a single account's read (the Reveal, audited) or of the create they
 * typed it into. Every other answer carrying an `iban` has it masked to its
 * country code and last four, and every bank-account object says which it got
 * (`iban_masked`), so the dashboard never has to guess.
 */
const MASK_CHARACTER = '•';

/** Operations whose answer an agent gets with the IBAN whole. */
const WHOLE_FOR_AGENTS = new Set(['getBankAccountById', 'createCustomerBankAccount']);

/** Shorter than this once compacted, nothing of it is shown (no real IBAN is: 15 at least). */
const SHORTEST_SHOWN = 10;

/**
 * `FR7630006000011234567890189` → `FR•••••••••••••••••••••0189`: as long as the
 * IBAN (spaces removed), its country code and last four kept.
 */
export function maskIban(iban: string): string {
  const compact = iban.replace(/\s+/g, '');
  if (compact.length < SHORTEST_SHOWN) return MASK_CHARACTER.repeat(compact.length);
  return `${compact.slice(0, 2)}${MASK_CHARACTER.repeat(compact.length - 6)}${compact.slice(-4)}`;
}

/** Whether `role` gets the IBANs of `operationId`'s answer whole. */
function ibansWhole(role: Role, operationId: string): boolean {
  return role === 'agent' && WHOLE_FOR_AGENTS.has(operationId);
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every object with a string `iban`, at any depth (a list's rows, a JSON:API resource's attributes). */
function ibanHolders(value: unknown, found: Json[] = [], depth = 0): Json[] {
  if (depth > 16) return found;
  if (Array.isArray(value)) {
    for (const item of value) ibanHolders(item, found, depth + 1);
  } else if (isObject(value)) {
    if (typeof value.iban === 'string') found.push(value);
    for (const [key, inner] of Object.entries(value)) {
      if (key !== 'iban') ibanHolders(inner, found, depth + 1);
    }
  }
  return found;
}

/** What the proxy found in an answer it had to read before passing it on. */
export type Presented =
  | { kind: 'as_is' }
  | { kind: 'rewritten'; body: Buffer; ibans: string[] }
  /** JSON that does not parse: it may hold an IBAN, so it is not passed on. */
  | { kind: 'unreadable' };

/**
 * The answer's body as `role` may see it. Bodies that cannot hold an `iban`
 * (no such bytes, no escape that could spell one) pass untouched and unparsed.
 */
export function presentIbans(answer: StoredAnswer, role: Role, operationId: string): Presented {
  if (!(answer.contentType ?? '').includes('json') || answer.body.length === 0) {
    return { kind: 'as_is' };
  }
  if (!answer.body.includes('iban') && !answer.body.includes('\\u')) return { kind: 'as_is' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.body.toString('utf8'));
  } catch {
    return { kind: 'unreadable' };
  }
  const holders = ibanHolders(parsed);
  if (holders.length === 0) return { kind: 'as_is' };
  const whole = ibansWhole(role, operationId);
  const ibans = holders.map((holder) => holder.iban as string);
  for (const holder of holders) {
    if (!whole) holder.iban = maskIban(holder.iban as string);
    holder.iban_masked = !whole;
  }
  return { kind: 'rewritten', body: Buffer.from(JSON.stringify(parsed)), ibans };
}
