// D1 with a tally of rows read and written per request: answers carry them as X-D1-Rows-Read and
// X-D1-Rows-Written, which is how tests and docs/performance.md check what a route costs.
export class Db {
  rowsRead = 0;
  rowsWritten = 0;

  constructor(readonly d1: D1Database) {}

  prepare(sql: string, ...params: unknown[]): D1PreparedStatement {
    return this.d1.prepare(sql).bind(...params);
  }

  private count(meta: D1Meta): void {
    this.rowsRead += meta.rows_read ?? 0;
    this.rowsWritten += meta.rows_written ?? 0;
  }

  /** One transaction: every statement sees the same snapshot, and a failure rolls all of them back. */
  async batch<T = Record<string, unknown>>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]> {
    const results = await this.d1.batch<T>(statements);
    for (const r of results) this.count(r.meta);
    return results;
  }

  /**
   * One batch (one transaction, one round trip), each statement's rows typed by the caller as with
   * all<T>(): `const [units, [deadline]] = await db.batchRows<[UnitRow, { deadline: string }]>([a, b])`.
   */
  async batchRows<T extends unknown[]>(
    statements: [...{ [K in keyof T]: D1PreparedStatement }],
  ): Promise<{ [K in keyof T]: T[K][] }> {
    const results = await this.batch(statements);
    // D1 does not know what a statement's columns are; the caller names them, as with all<T>().
    return results.map((r) => r.results) as { [K in keyof T]: T[K][] };
  }

  async all<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T[]> {
    const r = await this.prepare(sql, ...params).all<T>();
    this.count(r.meta);
    return r.results;
  }

  async first<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T | null> {
    return (await this.all<T>(sql, ...params))[0] ?? null;
  }

  async run(sql: string, ...params: unknown[]): Promise<D1Result> {
    const r = await this.prepare(sql, ...params).run();
    this.count(r.meta);
    return r;
  }
}
