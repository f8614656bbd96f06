import { sql, type Kysely } from 'kysely';
import type { StoreDialect, StoreSchema } from '../schema';
import { lowerKey, nameWords, phoneQueryKey, prefixEnd } from './searchKeys';
import type { SearchResult } from './types';
import { CUSTOMER_COLUMNS, customerView } from './views';

type Db = Kysely<StoreSchema>;
type Match = SearchResult['matched'];

/** An id's first characters open it only from this many on (fewer would match too much). */
export const MIN_ID_PREFIX = 8;
/** The national part of a phone number (9 digits in France): a query with a country prefix also finds one stored without it. */
const NATIONAL_DIGITS = 9;

type CustomerQuery = ReturnType<typeof customers>;
type Row = Awaited<ReturnType<CustomerQuery['execute']>>[number];

/** One key's query, what a row it finds is tagged, and how well it fits. */
interface Lookup {
  query: CustomerQuery;
  matched: Match;
  score: (row: Row) => number;
}

interface Candidate {
  result: SearchResult;
  score: number;
}

/** Name matches come back a few times over the limit, so the best can be ranked from them. */
const NAME_CANDIDATES_PER_RESULT = 4;

function customers(db: Db) {
  return db.selectFrom('index_customers').select(CUSTOMER_COLUMNS);
}

/** Prefix range on a key column: `>= p and < p || '\uffff'`, served by its btree on both dialects. */
function byPrefix(
  db: Db,
  column: 'index_customers.id' | 'email_key' | 'phone_key' | 'external_id_key',
  prefix: string,
  limit: number,
) {
  return customers(db)
    .where(column, '>=', prefix)
    .where(column, '<', prefixEnd(prefix))
    .orderBy(column)
    .limit(limit);
}

/** Customers every query word is the start of a name word of, via FTS5 or a tsvector's GIN index. */
function byNameWords(db: Db, dialect: StoreDialect, words: string[], limit: number): CustomerQuery {
  // Words are [\p{L}\p{N}]+ only, so no query syntax reaches the engine; quoting is belt and braces.
  if (dialect === 'sqlite') {
    const match = words.map((word) => `"${word}"*`).join(' AND ');
    return customers(db).where(
      'index_customers.seq',
      'in',
      sql<number>`(select rowid from index_customers_fts where index_customers_fts match ${match} limit ${limit})`,
    );
  }
  // GIN gathers every word a prefix matches: only the longest (the rarest) goes to the
  // index; the rows it finds are then checked for the others' prefixes.
  const [rarest, ...others] = [...words].sort((a, b) => b.length - a.length);
  let query = customers(db).where(
    sql<boolean>`to_tsvector('simple', name_words) @@ to_tsquery('simple', ${`${rarest}:*`})`,
  );
  for (const word of others) {
    query = query.where(sql<string>`' ' || name_words`, 'like', `% ${word}%`);
  }
  return query.limit(limit);
}

/** How well the name words fit: whole words beat prefixes, the last name first. */
function nameScore(words: string[], customer: { first_name: string; last_name: string }): number {
  const last = nameWords(customer.last_name);
  const all = nameWords(`${customer.first_name} ${customer.last_name}`);
  let score = 0;
  for (const word of words) {
    if (last.includes(word)) score += 3;
    else if (all.includes(word)) score += 2;
  }
  return score;
}

export function indexSearch(db: Db, dialect: StoreDialect) {
  return async function search(
    query: string,
    limit: number,
  ): Promise<{ results: SearchResult[]; exact: string | null }> {
    const text = query.trim();
    if (text === '' || limit <= 0) return { results: [], exact: null };
    const lower = lowerKey(text)!;
    const oneWord = !/\s/.test(text);
    // Every key that could fit, asked in one statement (one round trip), each with its own limit.
    const lookups: Lookup[] = [
      {
        query: customers(db).where('index_customers.id', '=', text),
        matched: 'id',
        score: () => 1000,
      },
    ];
    if (oneWord && text.length >= MIN_ID_PREFIX) {
      lookups.push({
        query: byPrefix(db, 'index_customers.id', text, limit),
        matched: 'id_prefix',
        score: () => 900,
      });
    }
    if (oneWord) {
      lookups.push(
        {
          query: byPrefix(db, 'external_id_key', lower, limit),
          matched: 'external_id',
          score: (row) => (row.external_id?.toLowerCase() === lower ? 850 : 700),
        },
        {
          query: byPrefix(db, 'email_key', lower, limit),
          matched: 'email',
          // Without an @ or a dot, an email prefix is also likely a name: names rank above it then.
          score: (row) =>
            row.email?.toLowerCase() === lower ? 800 : /[@.]/.test(text) ? 600 : 100,
        },
      );
    }
    const phone = phoneQueryKey(text);
    if (phone) {
      lookups.push({
        query: byPrefix(db, 'phone_key', phone, limit),
        matched: 'phone',
        score: () => 650,
      });
      if (phone.length > NATIONAL_DIGITS) {
        lookups.push({
          query: byPrefix(db, 'phone_key', phone.slice(0, NATIONAL_DIGITS), limit),
          matched: 'phone',
          score: () => 640,
        });
      }
    }
    if (/^[A-Za-z0-9]{4}$/.test(text)) {
      const holders = db
        .selectFrom('index_bank_accounts')
        .select('customer_id')
        .where('iban_last4', '=', text.toUpperCase());
      lookups.push({
        query: customers(db).where('index_customers.id', 'in', holders).limit(limit),
        matched: 'iban',
        score: () => 620,
      });
    }
    const words = nameWords(text);
    if (words.length > 0) {
      lookups.push({
        query: byNameWords(db, dialect, words, limit * NAME_CANDIDATES_PER_RESULT),
        matched: 'name',
        score: (row) => 200 + nameScore(words, row),
      });
    }

    const union = lookups
      .map((lookup, at) =>
        db
          .selectFrom(lookup.query.as(`lookup${at}`))
          .selectAll()
          .select(sql.lit(at).as('lookup')),
      )
      .reduce((all, branch) => all.unionAll(branch));
    const found = new Map<string, Candidate>();
    let exact: string | null = null;
    for (const row of await union.execute()) {
      const { matched, score } = lookups[Number(row.lookup)]!;
      if (matched === 'id') exact = row.id;
      const candidate = { result: { customer: customerView(row), matched }, score: score(row) };
      const earlier = found.get(row.id);
      if (!earlier || earlier.score < candidate.score) found.set(row.id, candidate);
    }

    const results = [...found.values()]
      .sort(
        (a, b) =>
          b.score - a.score ||
          a.result.customer.last_name.localeCompare(b.result.customer.last_name) ||
          a.result.customer.first_name.localeCompare(b.result.customer.first_name) ||
          a.result.customer.id.localeCompare(b.result.customer.id),
      )
      .slice(0, limit)
      .map((candidate) => candidate.result);
    return { results, exact };
  };
}
