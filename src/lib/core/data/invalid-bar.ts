import type { OhlcvField } from '../ohlcv';
import { originLabel, type CellIssue, type RawBars } from './raw-bars';

/**
 * Close first: where a file has no open, high or low column they are copies of close, and the
 * message must name the column the file actually has.
 */
const PRICE_FIELDS = ['close', 'open', 'high', 'low'] as const;
const CHECKED: readonly OhlcvField[] = ['time', ...PRICE_FIELDS, 'volume'];

function issueWords(issue: CellIssue): string {
	switch (issue.kind) {
		case 'empty':
			return `${issue.column} is empty`;
		case 'not_a_number':
			return `${issue.column} is "${issue.text}", not a number`;
		case 'infinite':
			return `${issue.column} is "${issue.text}", not a finite number`;
		case 'not_a_time':
			return `${issue.column} is "${issue.text}", not a time in the file's format`;
		case 'malformed_row':
			return `unreadable record (${issue.text})`;
	}
}

/**
 * Says what makes bar `i` unusable, or `null` when it is usable: a time or price that is not a finite
 * number, a price that is not positive, or (when the source has a volume column) a volume that is not
 * a finite non-negative number. The sentence starts with where the bar came from (`row 17: close is
 * "abc", not a number`), quoting the cell as written when the reader recorded it.
 *
 * @example
 * describeInvalidBar(raw, 0); // 'row 2: low is 0, but prices must be positive'
 */
export function describeInvalidBar(raw: RawBars, i: number): string | null {
	const where = originLabel(raw, i);
	const bad = CHECKED.find((f) => (f !== 'volume' || raw.hasVolume) && !Number.isFinite(raw[f][i]));
	if (bad !== undefined) {
		const issue = raw.issues.find(
			(x) => x.row === raw.origin[i] && (x.column === bad || x.column === 'record')
		);
		return `${where}: ${issue ? issueWords(issue) : `${bad} is ${raw[bad][i]}, not a finite number`}`;
	}
	const nonPositive = PRICE_FIELDS.find((f) => raw[f][i] <= 0);
	if (nonPositive !== undefined)
		return `${where}: ${nonPositive} is ${raw[nonPositive][i]}, but prices must be positive`;
	if (raw.hasVolume && raw.volume[i] < 0)
		return `${where}: volume is ${raw.volume[i]}, but volume cannot be negative`;
	return null;
}

/**
 * Whether bar `i` is unusable by `describeInvalidBar`'s rules, without building the sentence (which
 * searches the issues): cheap enough to run on every bar.
 */
export function isInvalidBar(raw: RawBars, i: number): boolean {
	const { open, high, low, close } = raw;
	if (!(open[i] > 0 && open[i] !== Infinity && high[i] > 0 && high[i] !== Infinity)) return true;
	if (!(low[i] > 0 && low[i] !== Infinity && close[i] > 0 && close[i] !== Infinity)) return true;
	const t = raw.time[i];
	if (t - t !== 0) return true; // not finite
	const v = raw.volume[i];
	return raw.hasVolume && !(v - v === 0 && v >= 0);
}
