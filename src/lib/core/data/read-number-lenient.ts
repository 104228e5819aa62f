import type { CellIssueKind } from './raw-bars';
import { scanDecimal } from './scan-decimal';

const INFINITY = /^([+-]?)inf(inity)?$/i;

/**
 * Reads a cell as a number without giving up: the value (NaN when unreadable, ±Infinity for `Inf`,
 * `-Infinity` or an overflowing literal like `1e999`) and why it is not a finite number, or `null`
 * when it is one. Accepts the same decimal literals as `parseDecimal`, plus the infinity spellings R
 * and pandas write, so a report can tell an infinite cell from a garbled one.
 *
 * @example
 * readNumberLenient('1.5'); // { value: 1.5, issue: null }
 * readNumberLenient('-Inf'); // { value: -Infinity, issue: 'infinite' }
 * readNumberLenient('n/a'); // { value: NaN, issue: 'not_a_number' }
 */
export function readNumberLenient(cell: string): { value: number; issue: CellIssueKind | null } {
	const s = cell.trim();
	if (s === '') return { value: NaN, issue: 'empty' };
	const x = scanDecimal(s);
	if (x === x) return { value: x, issue: Number.isFinite(x) ? null : 'infinite' };
	const inf = INFINITY.exec(s);
	if (inf) return { value: inf[1] === '-' ? -Infinity : Infinity, issue: 'infinite' };
	return { value: NaN, issue: 'not_a_number' };
}
