import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { components } from '../../openapi/customers';
import { ownerOnlyDatabase, ownerOnlyDir } from '../shared/privateFiles';
import type { DemoCustomer } from './demoData';
import { nameMatchScore, VERIFIED_THRESHOLD } from './nameMatch';

export type Customer = components['schemas']['Customer'];
export type BankAccount = components['schemas']['CustomerBankAccount'];
export type Verification = components['schemas']['CustomerVerification'];
type Address = components['schemas']['Address'];

/** A customer as the API takes it; demo customers also have an address. */
export type NewCustomer = components['schemas']['CustomerCreate'] & { address?: Address };
type BankAccountCreate = components['schemas']['CustomerBankAccountCreate'];
/**
 * A bank account as the API takes it, once checked: IBAN in electronic format.
 * The contract lets a client leave the currency out; validation fills in the
 * contract's default, so the store always has one.
 */
export type NewBankAccount = BankAccountCreate & Required<Pick<BankAccountCreate, 'currency'>>;
/** A verification as the API takes it, with the defaults filled in. */
export type NewVerification = Required<components['schemas']['CustomerVerificationCreate']>;

/** Providers whose id starts with this fail every verification, so failures can be demonstrated. */
export const FAILING_PROVIDER_PREFIX = 'fail';

/**
 * A verification the customer completes through a link (fintecture flavour) has
 * its link's token and never resolves by itself; `cancelled` is the customer's
 * "not now", which the link can still turn into a result.
 */
function verificationsTable(name: string): string {
  return `CREATE TABLE IF NOT EXISTS ${name} (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    customer_seq INTEGER NOT NULL REFERENCES customers (seq),
    provider_id TEXT NOT NULL,
    expected_name TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'cancelled', 'verified', 'unverified', 'failed')),
    match_score REAL,
    verified_at TEXT,
    created_at TEXT NOT NULL,
    resolve_at INTEGER NOT NULL,
    link_token TEXT
  );`;
}

/** The columns every version of the verifications table has. */
const VERIFICATION_COLUMNS_V1 =
  'seq, id, customer_seq, provider_id, expected_name, status, match_score, verified_at, created_at, resolve_at';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS customers (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    company_name TEXT,
    email TEXT NOT NULL,
    phone TEXT,
    address TEXT,
    external_id TEXT UNIQUE,
    created_at TEXT NOT NULL
  );
  -- Newest first, ties broken by insertion order: the list is an index-only scan.
  CREATE INDEX IF NOT EXISTS customers_newest ON customers (created_at DESC, seq DESC);
  CREATE TABLE IF NOT EXISTS bank_accounts (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    customer_seq INTEGER NOT NULL REFERENCES customers (seq),
    iban TEXT NOT NULL,
    bic TEXT,
    holder_name TEXT NOT NULL,
    currency TEXT NOT NULL,
    verified INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    UNIQUE (customer_seq, iban)
  );
  ${verificationsTable('verifications')}
  CREATE INDEX IF NOT EXISTS verifications_by_customer ON verifications (customer_seq, seq);
  CREATE INDEX IF NOT EXISTS verifications_due ON verifications (resolve_at) WHERE status = 'pending';
`;

interface CustomerRow {
  seq: number;
  id: string;
  first_name: string;
  last_name: string;
  company_name: string | null;
  email: string;
  phone: string | null;
  address: string | null;
  external_id: string | null;
  created_at: string;
}

interface BankAccountRow {
  id: string;
  iban: string;
  bic: string | null;
  holder_name: string;
  currency: string;
  verified: number;
}

interface VerificationRow {
  seq: number;
  id: string;
  customer_seq: number;
  provider_id: string;
  expected_name: string;
  status: NonNullable<Verification['status']>;
  match_score: number | null;
  verified_at: string | null;
  resolve_at: number;
  link_token: string | null;
}

/** A verification as stored, with the token of its link when the customer completes it themselves. */
export interface VerificationRecord {
  verification: Verification;
  linkToken: string | null;
}

/** What the consent page shows and acts on. */
export interface Consent {
  verificationSeq: number;
  verification: Verification;
  customer: Customer;
  /** Holder names of the customer's bank accounts, most recent first. */
  holders: string[];
}

export class DuplicateError extends Error {
  constructor(readonly field: 'external_id' | 'iban') {
    super(`duplicate ${field}`);
  }
}

/**
 * The sandbox's persistence: plain SQL over better-sqlite3 (synchronous, so every
 * request is one short transaction and a restart loses nothing that was answered).
 */
export class SandboxStore {
  readonly db: Database.Database;
  private customerCount: number;
  private readonly statements;

  constructor(path: string) {
    if (path !== ':memory:' && path !== '') {
      // It holds the app secret and the token signing key: owner-only, -wal and -shm included.
      ownerOnlyDir(dirname(path), { ours: false });
      ownerOnlyDatabase(path);
    }
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    migrateVerifications(this.db);
    this.db.exec(SCHEMA);
    const db = this.db;
    this.statements = {
      getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      setMeta: db.prepare<[string, string]>(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
      countCustomers: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM customers'),
      pageOfCustomers: db.prepare<[number, number], CustomerRow>(
        `SELECT * FROM customers WHERE seq IN (
           SELECT seq FROM customers ORDER BY created_at DESC, seq DESC LIMIT ? OFFSET ?
         ) ORDER BY created_at DESC, seq DESC`,
      ),
      customerById: db.prepare<[string], CustomerRow>('SELECT * FROM customers WHERE id = ?'),
      customerSeqById: db.prepare<[string], { seq: number }>(
        'SELECT seq FROM customers WHERE id = ?',
      ),
      customerBySeq: db.prepare<[number], CustomerRow>('SELECT * FROM customers WHERE seq = ?'),
      customerByExternalId: db.prepare<[string], CustomerRow>(
        'SELECT * FROM customers WHERE external_id = ?',
      ),
      deleteAccountsOf: db.prepare<[number]>('DELETE FROM bank_accounts WHERE customer_seq = ?'),
      deleteVerificationsOf: db.prepare<[number]>(
        'DELETE FROM verifications WHERE customer_seq = ?',
      ),
      deleteCustomer: db.prepare<[number]>('DELETE FROM customers WHERE seq = ?'),
      insertCustomer: db.prepare(
        `INSERT INTO customers (id, first_name, last_name, company_name, email, phone, address, external_id, created_at)
         VALUES (@id, @first_name, @last_name, @company_name, @email, @phone, @address, @external_id, @created_at)`,
      ),
      lastCreatedAt: db.prepare<[], { created_at: string }>(
        'SELECT created_at FROM customers ORDER BY created_at DESC, seq DESC LIMIT 1',
      ),
      bankAccountsOf: db.prepare<[number], BankAccountRow>(
        'SELECT * FROM bank_accounts WHERE customer_seq = ? ORDER BY seq',
      ),
      bankAccount: db.prepare<[number, string], BankAccountRow>(
        'SELECT * FROM bank_accounts WHERE customer_seq = ? AND id = ?',
      ),
      insertBankAccount: db.prepare(
        `INSERT INTO bank_accounts (id, customer_seq, iban, bic, holder_name, currency, created_at)
         VALUES (@id, @customer_seq, @iban, @bic, @holder_name, @currency, @created_at)`,
      ),
      holdersOf: db.prepare<[number], { seq: number; holder_name: string }>(
        'SELECT seq, holder_name FROM bank_accounts WHERE customer_seq = ? ORDER BY seq DESC',
      ),
      markVerified: db.prepare<[number]>('UPDATE bank_accounts SET verified = 1 WHERE seq = ?'),
      verificationsOf: db.prepare<[number], VerificationRow>(
        'SELECT * FROM verifications WHERE customer_seq = ? ORDER BY seq DESC',
      ),
      verification: db.prepare<[number, string], VerificationRow>(
        'SELECT * FROM verifications WHERE customer_seq = ? AND id = ?',
      ),
      insertVerification: db.prepare(
        `INSERT INTO verifications (id, customer_seq, provider_id, expected_name, status, created_at, resolve_at, link_token)
         VALUES (@id, @customer_seq, @provider_id, @expected_name, 'pending', @created_at, @resolve_at, @link_token)`,
      ),
      // A verification with a link waits for its customer, however long.
      dueVerifications: db.prepare<[number], VerificationRow>(
        "SELECT * FROM verifications WHERE status = 'pending' AND link_token IS NULL AND resolve_at <= ? ORDER BY resolve_at",
      ),
      dueVerificationsOf: db.prepare<[number, number], VerificationRow>(
        "SELECT * FROM verifications WHERE customer_seq = ? AND status = 'pending' AND link_token IS NULL AND resolve_at <= ?",
      ),
      verificationById: db.prepare<[string], VerificationRow>(
        'SELECT * FROM verifications WHERE id = ?',
      ),
      verificationBySeq: db.prepare<[number], VerificationRow>(
        'SELECT * FROM verifications WHERE seq = ?',
      ),
      cancelVerification: db.prepare<[number]>(
        "UPDATE verifications SET status = 'cancelled' WHERE seq = ? AND status IN ('pending', 'cancelled')",
      ),
      setProvider: db.prepare<[string, number]>(
        'UPDATE verifications SET provider_id = ? WHERE seq = ?',
      ),
      resolveVerification: db.prepare(
        'UPDATE verifications SET status = @status, match_score = @match_score, verified_at = @verified_at WHERE seq = @seq',
      ),
    };
    this.customerCount = this.statements.countCustomers.get()!.n;
  }

  close(): void {
    this.db.close();
  }

  getMeta(key: string): string | undefined {
    return this.statements.getMeta.get(key)?.value;
  }

  setMeta(key: string, value: string): void {
    this.statements.setMeta.run(key, value);
  }

  countCustomers(): number {
    return this.customerCount;
  }

  listCustomers(pageNumber: number, pageSize: number): Customer[] {
    return this.statements.pageOfCustomers
      .all(pageSize, (pageNumber - 1) * pageSize)
      .map(customerFromRow);
  }

  getCustomer(id: string): Customer | undefined {
    const row = this.statements.customerById.get(id);
    return row && customerFromRow(row);
  }

  /** The customer's internal key, or undefined when no customer has this id. */
  customerSeq(id: string): number | undefined {
    return this.statements.customerSeqById.get(id)?.seq;
  }

  createCustomer(input: NewCustomer, createdAt?: Date, id: string = randomUUID()): Customer {
    const row = {
      id,
      first_name: input.first_name,
      last_name: input.last_name,
      company_name: input.company_name ?? null,
      email: input.email,
      phone: input.phone ?? null,
      address: input.address ? JSON.stringify(input.address) : null,
      external_id: input.external_id ?? null,
      created_at: (createdAt ?? this.nextCreatedAt()).toISOString(),
    };
    insertUnique(this.statements.insertCustomer, row, 'external_id');
    this.customerCount += 1;
    return customerFromRow({ seq: 0, ...row });
  }

  /**
   * Now, or just after the newest customer when the clock went backwards, so
   * "newest first" stays the order in which customers were created.
   */
  private nextCreatedAt(): Date {
    const now = Date.now();
    const last = this.statements.lastCreatedAt.get();
    const lastMs = last ? Date.parse(last.created_at) : 0;
    return new Date(Math.max(now, lastMs + 1));
  }

  /** Removes a customer and all it has (the API cannot; tests of the sync need it gone). */
  deleteCustomer(id: string): boolean {
    const seq = this.customerSeq(id);
    if (seq === undefined) return false;
    this.db.transaction(() => {
      this.statements.deleteAccountsOf.run(seq);
      this.statements.deleteVerificationsOf.run(seq);
      this.statements.deleteCustomer.run(seq);
    })();
    this.customerCount -= 1;
    return true;
  }

  listBankAccounts(customerSeq: number): BankAccount[] {
    return this.statements.bankAccountsOf.all(customerSeq).map(bankAccountFromRow);
  }

  getBankAccount(customerSeq: number, id: string): BankAccount | undefined {
    const row = this.statements.bankAccount.get(customerSeq, id);
    return row && bankAccountFromRow(row);
  }

  createBankAccount(
    customerSeq: number,
    input: NewBankAccount,
    createdAt = new Date(),
    id: string = randomUUID(),
  ): BankAccount {
    const row = {
      id,
      customer_seq: customerSeq,
      iban: input.iban,
      bic: input.bic ?? null,
      holder_name: input.holder_name,
      currency: input.currency,
      created_at: createdAt.toISOString(),
    };
    insertUnique(this.statements.insertBankAccount, row, 'iban');
    return bankAccountFromRow({ ...row, verified: 0 });
  }

  listVerifications(customerSeq: number): Verification[] {
    return this.statements.verificationsOf.all(customerSeq).map(verificationFromRow);
  }

  getVerification(customerSeq: number, id: string): Verification | undefined {
    const row = this.statements.verification.get(customerSeq, id);
    return row && verificationFromRow(row);
  }

  /** The customer's verifications, newest first, each with its link's token if it has one. */
  listVerificationRecords(customerSeq: number): VerificationRecord[] {
    return this.statements.verificationsOf.all(customerSeq).map(recordFromRow);
  }

  getVerificationRecord(customerSeq: number, id: string): VerificationRecord | undefined {
    const row = this.statements.verification.get(customerSeq, id);
    return row && recordFromRow(row);
  }

  /** The customer with this external id, if any. */
  customerByExternalId(externalId: string): Customer | undefined {
    const row = this.statements.customerByExternalId.get(externalId);
    return row && customerFromRow(row);
  }

  startVerification(
    customerSeq: number,
    input: NewVerification,
    resolveAt: number,
    createdAt = new Date(),
    id: string = randomUUID(),
  ): Verification {
    return this.insertVerification(customerSeq, input, resolveAt, createdAt, id, null);
  }

  /**
   * A verification the customer completes through a link: it stays pending (or
   * cancelled) until they confirm on the consent page, whose link carries the
   * unguessable token returned here.
   */
  startVerificationWithLink(
    customerSeq: number,
    input: NewVerification,
    createdAt = new Date(),
    id: string = randomUUID(),
  ): VerificationRecord & { linkToken: string } {
    const linkToken = randomBytes(32).toString('base64url');
    const verification = this.insertVerification(
      customerSeq,
      input,
      createdAt.getTime(),
      createdAt,
      id,
      linkToken,
    );
    return { verification, linkToken };
  }

  private insertVerification(
    customerSeq: number,
    input: NewVerification,
    resolveAt: number,
    createdAt: Date,
    id: string,
    linkToken: string | null,
  ): Verification {
    const row = {
      id,
      customer_seq: customerSeq,
      provider_id: input.provider_id,
      expected_name: input.expected_name,
      created_at: createdAt.toISOString(),
      resolve_at: resolveAt,
      link_token: linkToken,
    };
    this.statements.insertVerification.run(row);
    return { id: row.id, status: 'pending', provider_id: row.provider_id };
  }

  /**
   * The verification a consent link names, when the link's token is its own
   * (compared in constant time); undefined for any other id or token.
   */
  consent(verificationId: string, token: string): Consent | undefined {
    const row = this.statements.verificationById.get(verificationId);
    if (!row?.link_token || !sameToken(token, row.link_token)) return undefined;
    const customer = this.statements.customerBySeq.get(row.customer_seq)!;
    return {
      verificationSeq: row.seq,
      verification: verificationFromRow(row),
      customer: customerFromRow(customer),
      holders: this.statements.holdersOf.all(row.customer_seq).map((holder) => holder.holder_name),
    };
  }

  /** The customer said "not now": cancelled, unless already final. Whether it changed. */
  cancelVerification(verificationSeq: number): boolean {
    return this.statements.cancelVerification.run(verificationSeq).changes > 0;
  }

  /**
   * The customer confirmed at their bank (`providerId`): the verification
   * resolves now by name matching, as one resolving by itself does. With no bank
   * account on file, the bank returns `fallbackHolder` as the holder. Nothing
   * changes once final; whether it changed.
   */
  confirmVerification(
    verificationSeq: number,
    providerId: string,
    fallbackHolder: string,
    now = Date.now(),
  ): boolean {
    return this.db.transaction(() => {
      const row = this.statements.verificationBySeq.get(verificationSeq);
      if (!row || (row.status !== 'pending' && row.status !== 'cancelled')) return false;
      this.statements.setProvider.run(providerId, verificationSeq);
      this.resolve({ ...row, provider_id: providerId }, now, fallbackHolder);
      return true;
    })();
  }

  /**
   * Resolves every pending verification whose time has come (of one customer,
   * or of all). Resolution is computed from the stored rows, so verifications
   * started before a restart resolve after it exactly as they would have.
   */
  resolveDueVerifications(now = Date.now(), customerSeq?: number): number {
    const due =
      customerSeq === undefined
        ? this.statements.dueVerifications.all(now)
        : this.statements.dueVerificationsOf.all(customerSeq, now);
    if (due.length === 0) return 0;
    this.db.transaction(() => {
      for (const verification of due) this.resolve(verification);
    })();
    return due.length;
  }

  private resolve(
    verification: VerificationRow,
    at = verification.resolve_at,
    fallbackHolder?: string,
  ): void {
    const accounts = this.statements.holdersOf.all(verification.customer_seq);
    const holders =
      accounts.length === 0 && fallbackHolder !== undefined
        ? [{ seq: undefined, holder_name: fallbackHolder }]
        : accounts;
    const resolvedAt = new Date(at).toISOString();
    if (verification.provider_id.startsWith(FAILING_PROVIDER_PREFIX) || holders.length === 0) {
      this.statements.resolveVerification.run({
        seq: verification.seq,
        status: 'failed',
        match_score: null,
        verified_at: null,
      });
      return;
    }
    const scored = holders.map((holder) => ({
      seq: holder.seq,
      score: nameMatchScore(verification.expected_name, holder.holder_name),
    }));
    const best = Math.max(...scored.map((holder) => holder.score));
    const verified = best >= VERIFIED_THRESHOLD;
    for (const holder of scored) {
      if (holder.seq !== undefined && holder.score >= VERIFIED_THRESHOLD) {
        this.statements.markVerified.run(holder.seq);
      }
    }
    this.statements.resolveVerification.run({
      seq: verification.seq,
      status: verified ? 'verified' : 'unverified',
      match_score: best,
      verified_at: verified ? resolvedAt : null,
    });
  }

  /**
   * Fills an empty database with demo customers in one transaction. Demo
   * verifications marked pending resolve `delayMs` after seeding; the others
   * resolve on first read, as if their delay had passed long ago.
   */
  seed(customers: DemoCustomer[], delayMs: number, now = Date.now()): void {
    this.db.transaction(() => {
      customers.forEach((demo, index) => {
        const customer = this.createCustomer(
          demo,
          new Date(demo.created_at),
          demoId(`customer/${index}`),
        );
        const seq = this.customerSeq(customer.id!)!;
        demo.bank_accounts.forEach((account, n) => {
          this.createBankAccount(
            seq,
            account,
            new Date(demo.created_at),
            demoId(`customer/${index}/account/${n}`),
          );
        });
        demo.verifications.forEach((verification, n) => {
          const createdAt = new Date(verification.created_at);
          const resolveAt = verification.pending ? now + delayMs : createdAt.getTime() + delayMs;
          this.startVerification(
            seq,
            verification,
            resolveAt,
            createdAt,
            demoId(`customer/${index}/verification/${n}`),
          );
        });
      });
    })();
  }
}

/** Demo rows get stable ids (same seed, same rows, same links), shaped like UUIDs. */
function demoId(name: string): string {
  const hex = createHash('sha256').update(`sandbox-demo/${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Runs an insert; a row that would repeat a unique value is a DuplicateError naming the field. */
function insertUnique(
  insert: Database.Statement,
  row: Record<string, unknown>,
  field: DuplicateError['field'],
): void {
  try {
    insert.run(row);
  } catch (error) {
    const unique =
      error instanceof Database.SqliteError &&
      (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY');
    if (unique) throw new DuplicateError(field);
    throw error;
  }
}

function customerFromRow(row: CustomerRow): Customer {
  const customer: Customer = {
    id: row.id,
    first_name: row.first_name,
    last_name: row.last_name,
  };
  if (row.company_name !== null) customer.company_name = row.company_name;
  customer.email = row.email;
  if (row.phone !== null) customer.phone = row.phone;
  if (row.address !== null) customer.address = JSON.parse(row.address) as Address;
  if (row.external_id !== null) customer.external_id = row.external_id;
  customer.created_at = row.created_at;
  return customer;
}

function bankAccountFromRow(row: BankAccountRow): BankAccount {
  const account: BankAccount = { id: row.id, iban: row.iban };
  if (row.bic !== null) account.bic = row.bic;
  account.holder_name = row.holder_name;
  account.currency = row.currency;
  account.verified = row.verified === 1;
  return account;
}

function recordFromRow(row: VerificationRow): VerificationRecord {
  return { verification: verificationFromRow(row), linkToken: row.link_token };
}

/** Compares a token given with the one stored, in time independent of where they differ. */
function sameToken(given: string, stored: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(stored));
}

/**
 * Databases from before consent links have a verifications table without
 * `link_token` whose status check knows no `cancelled`. SQLite cannot change a
 * check in place: the table is rebuilt under the new definition, rows kept, in
 * one transaction (its indexes are recreated by the schema right after).
 */
function migrateVerifications(db: Database.Database): void {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(verifications)').all();
  if (columns.length === 0 || columns.some((column) => column.name === 'link_token')) return;
  db.transaction(() => {
    db.exec(verificationsTable('verifications_v2'));
    db.exec(
      `INSERT INTO verifications_v2 (${VERIFICATION_COLUMNS_V1}) SELECT ${VERIFICATION_COLUMNS_V1} FROM verifications`,
    );
    db.exec('DROP TABLE verifications');
    db.exec('ALTER TABLE verifications_v2 RENAME TO verifications');
  })();
}

function verificationFromRow(row: VerificationRow): Verification {
  const verification: Verification = { id: row.id, status: row.status };
  if (row.match_score !== null) verification.match_score = row.match_score;
  verification.provider_id = row.provider_id;
  if (row.verified_at !== null) verification.verified_at = row.verified_at;
  return verification;
}
