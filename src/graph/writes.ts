/**
 * The rows a batch of documents adds, sent as one statement. Every statement costs a round trip
 * (over a millisecond in PGlite even when trivial), and a multi-row VALUES list costs the server a
 * parse of every value, so each table's rows go out as one INSERT ... SELECT FROM unnest(arrays),
 * one array parameter per column, and the inserts into a dozen tables as one statement of
 * data-modifying CTEs; PostgreSQL checks foreign keys at the end of the statement, so rows may
 * reference rows of an earlier CTE. Updates run afterwards, since a CTE's UPDATE does not see rows
 * inserted by the same statement.
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from "kysely";
import type { Database } from "./schema.js";

type Trx = Transaction<Database> | Kysely<Database>;
type Table = keyof Database & string;

/** How an insert treats a row that violates a unique constraint: an error (default), or skipped. */
export type OnConflict = { doNothing: true; columns?: string[] };

/** Column types by table, read from the catalog once per process (every store has the same schema). */
const columnTypes = new Map<string, Map<string, string>>();

export class PendingWrites {
  private readonly inserts = new Map<Table, { rows: Record<string, unknown>[]; onConflict?: OnConflict }>();
  private readonly updates: ((trx: Trx) => Promise<unknown>)[] = [];

  /**
   * Queues inserts of `rows` into `table`, after the rows queued for it before. Tables are written
   * in the order they were first queued.
   */
  insert<R extends object>(table: Table, rows: R[], onConflict?: OnConflict): void {
    if (rows.length === 0) return;
    const pending = this.inserts.get(table);
    if (pending) pending.rows.push(...(rows as Record<string, unknown>[]));
    else this.inserts.set(table, { rows: [...(rows as Record<string, unknown>[])], onConflict });
  }

  /** Queues an update, run after every insert. */
  update(step: (trx: Trx) => Promise<unknown>): void {
    this.updates.push(step);
  }

  /** Sends the inserts as one statement, then the updates. */
  async flush(trx: Trx): Promise<void> {
    if (this.inserts.size > 0) {
      await loadColumnTypes(trx, [...this.inserts.keys()]);
      const parts = [...this.inserts].map(([table, { rows, onConflict }], i) => sql`${sql.id(`w${i}`)} AS (${unnestInsert(table, rows, onConflict)})`);
      await sql`WITH ${sql.join(parts)} SELECT 1`.execute(trx);
    }
    for (const update of this.updates) await update(trx);
    this.inserts.clear();
    this.updates.length = 0;
  }
}

/** Inserts `rows` into `table` now, as one INSERT ... SELECT FROM unnest(arrays); returns the `returning` columns of the rows inserted. */
export async function insertRows<R extends object>(trx: Trx, table: Table, rows: R[], onConflict?: OnConflict, returning: string[] = []): Promise<Record<string, unknown>[]> {
  if (rows.length === 0) return [];
  await loadColumnTypes(trx, [table]);
  const insert = unnestInsert(table, rows as Record<string, unknown>[], onConflict);
  const tail = returning.length > 0 ? sql` RETURNING ${sql.join(returning.map((c) => sql.id(c)))}` : sql``;
  return (await sql<Record<string, unknown>>`${insert}${tail}`.execute(trx)).rows;
}

/** INSERT INTO table (columns) SELECT * FROM unnest($1::text[]::type[], ...): every column's values as one array. */
function unnestInsert(table: Table, rows: Record<string, unknown>[], onConflict?: OnConflict): RawBuilder<unknown> {
  const types = columnTypes.get(table)!;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const arrays = columns.map((column) => {
    const type = types.get(column);
    if (!type) throw new Error(`table ${table} has no column ${column}`);
    // Sent as text and cast on the server: one way of serialising for both backends' drivers.
    return sql`${rows.map((row) => asText(row[column]))}::text[]::${sql.raw(type)}[]`;
  });
  const conflict =
    onConflict === undefined ? sql`` : sql` ON CONFLICT ${onConflict.columns ? sql`(${sql.join(onConflict.columns.map((c) => sql.id(c)))})` : sql``} DO NOTHING`;
  return sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.id(c)))}) SELECT * FROM unnest(${sql.join(arrays)})${conflict}`;
}

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex")}`;
  return JSON.stringify(value);
}

async function loadColumnTypes(trx: Trx, tables: string[]): Promise<void> {
  const missing = tables.filter((table) => !columnTypes.has(table));
  if (missing.length === 0) return;
  const rows = await sql<{ table: string; column: string; type: string }>`
    SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    WHERE c.oid IN (${sql.join(missing.map((table) => sql`to_regclass(${table})`))}) AND a.attnum > 0 AND NOT a.attisdropped`.execute(trx);
  for (const table of missing) columnTypes.set(table, new Map());
  for (const row of rows.rows) columnTypes.get(row.table)?.set(row.column, row.type);
}
