import { describe, expect, it } from 'vitest';
import { describeInvalidBar, isInvalidBar } from './invalid-bar';
import { rawBarsToSeries } from './raw-bars-to-series';
import { readBarsLenient } from './read-bars-lenient';

function convert(text: string) {
	const raw = readBarsLenient(text, { symbol: 'TEST' });
	if (!raw.ok) throw new Error(raw.message);
	return rawBarsToSeries(raw.value);
}

describe('rawBarsToSeries', () => {
	it('converts clean bars unchanged', () => {
		const r = convert('date,close\n2024-01-02,1\n2024-01-03,2\n');
		expect(r.ok && Array.from(r.value.close)).toEqual([1, 2]);
	});
	it.each([
		[
			'an unreadable cell, quoting it',
			'date,close\n2024-01-02,1\n2024-01-03,abc\n',
			'row 3: close is "abc", not a number'
		],
		[
			'an unreadable time',
			'date,close\n2024-01-02,1\nsoon,2\n',
			'row 3: time is "soon", not a time in the file\'s format'
		],
		[
			'a malformed record',
			'date,close\n2024-01-02,1,9\n',
			'row 2: unreadable record (3 fields, but the header has 2)'
		],
		[
			'a zero price',
			'date,close\n2024-01-02,0\n',
			'row 2: close is 0, but prices must be positive'
		],
		[
			'a negative volume',
			'date,close,volume\n2024-01-02,1,-3\n',
			'row 2: volume is -3, but volume cannot be negative'
		],
		[
			'a duplicate time',
			'date,close\n2024-01-02,1\n2024-01-02,1\n',
			'duplicate timestamp at row 3: the same time as row 2'
		],
		[
			'a time going back',
			'date,close\n2024-01-03,1\n2024-01-02,1\n',
			'timestamps not ascending at row 3: earlier than row 2'
		]
	])('refuses %s', (_, text, message) => {
		const r = convert(text);
		expect(r.ok ? '' : r.message).toBe(message);
	});
});

describe('isInvalidBar', () => {
	it('agrees with describeInvalidBar on every kind of bar', () => {
		const raw = readBarsLenient(
			'date,close,volume\n2024-01-02,1,1\n2024-01-03,x,1\n2024-01-04,0,1\n2024-01-05,1,-1\nsoon,1,1\n2024-01-07,inf,1\n2024-01-08,1,\n',
			{ symbol: 'T' }
		);
		if (!raw.ok) throw new Error(raw.message);
		const flags = Array.from(raw.value.time, (_, i) => isInvalidBar(raw.value, i));
		expect(flags).toEqual(
			Array.from(raw.value.time, (_, i) => describeInvalidBar(raw.value, i) !== null)
		);
		expect(flags).toEqual([false, true, true, true, true, true, true]);
	});
});
