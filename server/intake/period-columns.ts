/**
 * The fast path's output while a file is read: per period one Float64Array per variable, each row's
 * values put straight at its unit's place (no row-major copy to turn around afterwards), and the
 * rows in file order by unit and period. The columns are sized from an estimate of the number of
 * units and grow when the file holds more; finished() gives them exactly as long as the number of
 * units (a view on the first part when the estimate was larger), NaN where a unit has no row.
 *
 * @example const columns = new PeriodColumns(33, 600_000); columns.put(p, u, row); columns.finished(units)
 */

function grownInt32(array: Int32Array, length: number): Int32Array {
  const next = new Int32Array(length);
  next.set(array);
  return next;
}

export class PeriodColumns {
  /** Units the columns have room for. */
  private capacity: number;
  /** By period, by variable. */
  private readonly byPeriod: Float64Array[][] = [];
  /** By period: 1 where the unit has a row. */
  private readonly written: Uint8Array[] = [];
  private readonly filled: number[] = [];
  /** Each row's unit and period, in file order. */
  rowUnits: Int32Array;
  rowPeriods: Int32Array;
  rowCount = 0;

  constructor(
    private readonly width: number,
    expected: number,
  ) {
    this.capacity = Math.max(1024, expected);
    this.rowUnits = new Int32Array(this.capacity);
    this.rowPeriods = new Int32Array(this.capacity);
  }

  /** Room for period p (periods are numbered 0, 1, … as they are met). */
  addPeriod(): void {
    this.byPeriod.push(Array.from({ length: this.width }, () => new Float64Array(this.capacity)));
    this.written.push(new Uint8Array(this.capacity));
    this.filled.push(0);
  }

  /** Unit u's values in period p (each unit at most once per period). */
  put(p: number, u: number, row: Float64Array): void {
    if (u >= this.capacity) this.grow(u + 1);
    if (this.rowCount === this.rowUnits.length) {
      this.rowUnits = grownInt32(this.rowUnits, 2 * this.rowCount);
      this.rowPeriods = grownInt32(this.rowPeriods, 2 * this.rowCount);
    }
    this.rowUnits[this.rowCount] = u;
    this.rowPeriods[this.rowCount] = p;
    this.rowCount += 1;
    const columns = this.byPeriod[p] ?? [];
    for (let k = 0; k < this.width; k += 1) {
      const column = columns[k];
      if (column !== undefined) column[u] = row[k] ?? Number.NaN;
    }
    const written = this.written[p];
    if (written !== undefined) written[u] = 1;
    this.filled[p] = (this.filled[p] ?? 0) + 1;
  }

  private grow(needed: number): void {
    const capacity = Math.max(needed, 2 * this.capacity);
    for (const columns of this.byPeriod) {
      columns.forEach((column, k) => {
        const next = new Float64Array(capacity);
        next.set(column);
        columns[k] = next;
      });
    }
    this.written.forEach((marks, p) => {
      const next = new Uint8Array(capacity);
      next.set(marks);
      this.written[p] = next;
    });
    this.capacity = capacity;
  }

  /** By period, by variable: `units` values each, NaN where the unit has no row in the period. */
  finished(units: number): Float64Array[][] {
    return this.byPeriod.map((columns, p) => {
      if ((this.filled[p] ?? 0) < units) {
        const written = this.written[p] ?? new Uint8Array(0);
        for (let u = 0; u < units; u += 1) {
          if (written[u] === 1) continue;
          for (const column of columns) column[u] = Number.NaN;
        }
      }
      return columns.map((column) => (column.length === units ? column : column.subarray(0, units)));
    });
  }
}
