/**
 * The rows one document adds, sent as few statements. Every statement costs a round trip (over a
 * millisecond in PGlite even when trivial), so a document's inserts into a dozen tables go out as
 * one statement of data-modifying CTEs; PostgreSQL checks foreign keys at the end of the statement,
 * so rows may reference rows of an earlier CTE. Updates run afterwards, since a CTE's UPDATE does
 * not see rows inserted by the same statement.
 */
import { sql, type Compilable, type Kysely, type OperationNodeSource, type RawBuilder, type Transaction } from "kysely";
import type { Database } from "./schema.js";

type Trx = Transaction<Database> | Kysely<Database>;
type Query = Compilable & OperationNodeSource;

/** Well under PostgreSQL's 65,535 parameters per statement. */
const MAX_PARAMETERS = 30_000;
/** Rows per INSERT, so one table's rows may spread over statements. */
const ROWS_PER_INSERT = 500;

export class PendingWrites {
  private readonly inserts: { table: string; query: Query; parameters: number }[] = [];
  private readonly updates: ((trx: Trx) => Promise<unknown>)[] = [];

  /**
   * Queues inserts of `rows` into `table` (in chunks made by `insert`), in the order added: add
   * referenced rows before the rows that reference them when they may land in separate statements.
   */
  insert<R>(table: string, rows: R[], insert: (rows: R[]) => Query): void {
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      const query = insert(rows.slice(i, i + ROWS_PER_INSERT));
      this.inserts.push({ table, query, parameters: query.compile().parameters.length });
    }
  }

  /** Queues an update, run after every insert. */
  update(step: (trx: Trx) => Promise<unknown>): void {
    this.updates.push(step);
  }

  /** Sends the inserts in as few statements as the parameter limit allows, then the updates. */
  async flush(trx: Trx): Promise<void> {
    let statement: { parts: RawBuilder<unknown>[]; tables: Set<string>; parameters: number } = { parts: [], tables: new Set(), parameters: 0 };
    const send = async () => {
      if (statement.parts.length > 0) await sql`WITH ${sql.join(statement.parts)} SELECT 1`.execute(trx);
      statement = { parts: [], tables: new Set(), parameters: 0 };
    };
    for (const { table, query, parameters } of this.inserts) {
      // Two inserts into one table in one statement could not see each other's rows (conflicts).
      if (statement.tables.has(table) || statement.parameters + parameters > MAX_PARAMETERS) await send();
      statement.parts.push(sql`${sql.id(`w${statement.parts.length}`)} AS (${query})`);
      statement.tables.add(table);
      statement.parameters += parameters;
    }
    await send();
    for (const update of this.updates) await update(trx);
    this.inserts.length = 0;
    this.updates.length = 0;
  }
}
