import { describe, expect, it } from 'vitest';
import ttrc from '../../../../static/datasets/ttrc_daily_ohlcv.csv?raw';
import type { RawBars } from '../data/raw-bars';
import { applyFixes, type FixOptions } from './apply-fixes';
import { assessQuality } from './assess-quality';
import { rawFrom } from './testing';

const STRICT: FixOptions = {
	duplicates: 'reject',
	invalid: 'reject',
	nonMonotonic: 'reject',
	outliers: 'keep',
	ohlc: 'reject'
};
const LENIENT: FixOptions = {
	duplicates: 'keep_first',
	invalid: 'drop',
	nonMonotonic: 'sort',
	outliers: 'keep'
};

function fixed(raw: RawBars, opts: Partial<FixOptions>) {
	const r = applyFixes(raw, assessQuality(raw), { ...LENIENT, ...opts });
	if (!r.ok) throw new Error(`expected a series, got ${r.code}: ${r.message}`);
	return r.value;
}

function refused(raw: RawBars, opts: Partial<FixOptions>) {
	const r = applyFixes(raw, assessQuality(raw), { ...LENIENT, ...opts });
	if (r.ok) throw new Error('expected an error, got a series');
	return r;
}

const csv = (...rows: string[]) => rawFrom(['date,open,high,low,close,volume', ...rows].join('\n'));

describe('applyFixes on clean data', () => {
	it('passes the real TTR file through unchanged under the strictest options, listing nothing', () => {
		const raw = rawFrom(ttrc);
		const { series, applied } = fixed(raw, STRICT);
		expect(applied).toEqual([]);
		expect(series.close).toEqual(raw.close);
		expect(series.time).toEqual(raw.time);
	});
});

describe('applyFixes duplicates', () => {
	const raw = csv(
		'2024-01-01,1,2,0.5,1,10',
		'2024-01-02,1,2,0.5,1.1,11',
		'2024-01-02,1,2,0.5,1.2,12',
		'2024-01-03,1,2,0.5,1.3,13'
	);
	it('keep_first keeps the first bar of each time and lists the removed rows', () => {
		const { series, applied } = fixed(raw, { duplicates: 'keep_first' });
		expect(Array.from(series.close)).toEqual([1, 1.1, 1.3]);
		expect(applied).toEqual([
			'removed 1 bar repeating a time, keeping the first bar of each time (removed row 4)'
		]);
	});
	it('keep_last keeps the last bar of each time', () => {
		const { series, applied } = fixed(raw, { duplicates: 'keep_last' });
		expect(Array.from(series.close)).toEqual([1, 1.2, 1.3]);
		expect(applied[0]).toContain('keeping the last bar of each time (removed row 3)');
	});
	it('reject refuses, naming the first repeated row and the row it repeats', () => {
		const r = refused(raw, { duplicates: 'reject' });
		expect(r.message).toBe('duplicate timestamp at row 4: the same time as row 3');
		expect(r.details).toEqual({ row: 4 });
	});
});

describe('applyFixes invalid values', () => {
	const raw = csv(
		'2024-01-01,1,2,0.5,1,10',
		'2024-01-02,1,2,0.5,abc,11',
		'soon,1,2,0.5,1.2,12',
		'2024-01-04,1,2,0,1.3,13',
		'2024-01-05,1,2,0.5,1.4,-1'
	);
	it('drop removes every bar with an unusable value, saying which', () => {
		const { series, applied } = fixed(raw, { invalid: 'drop' });
		expect(Array.from(series.close)).toEqual([1]);
		expect(applied).toEqual([
			'dropped 1 bar without a readable time (row 4)',
			'dropped 3 bars with an unusable value (rows 3, 5, 6)'
		]);
	});
	it('forward_fill replaces each bad value with the same field of the bar before', () => {
		const { series, applied } = fixed(raw, { invalid: 'forward_fill' });
		expect(Array.from(series.close)).toEqual([1, 1, 1.3, 1.4]);
		expect(Array.from(series.low)).toEqual([0.5, 0.5, 0.5, 0.5]);
		expect(Array.from(series.volume)).toEqual([10, 11, 13, 13]);
		expect(applied).toEqual([
			'dropped 1 bar without a readable time (row 4)',
			'forward-filled 3 unusable values (low: 1, close: 1, volume: 1) in 3 bars from the bar before (rows 3, 5, 6)'
		]);
	});
	it('forward_fill drops leading bad bars, which have nothing before them', () => {
		const { series, applied } = fixed(csv('2024-01-01,1,2,0.5,x,10', '2024-01-02,1,2,0.5,1.1,11'), {
			invalid: 'forward_fill'
		});
		expect(Array.from(series.close)).toEqual([1.1]);
		expect(applied).toEqual([
			'dropped 1 bar with an unusable value and no earlier bar to fill from (row 2)'
		]);
	});
	it('reject refuses, naming the first bad cell as written', () => {
		expect(refused(raw, { invalid: 'reject' }).message).toBe('row 3: close is "abc", not a number');
	});
	it('refuses when nothing usable is left', () => {
		expect(refused(csv('2024-01-01,1,2,0.5,x,10'), { invalid: 'drop' }).message).toBe(
			'no usable bars left after the fixes: dropped 1 bar with an unusable value (row 2)'
		);
	});
});

describe('applyFixes time order', () => {
	const raw = csv(
		'2024-01-03,1,2,0.5,1.3,13',
		'2024-01-01,1,2,0.5,1,10',
		'2024-01-02,1,2,0.5,1.1,11'
	);
	it('sort orders bars by time and says how many went back in time', () => {
		const { series, applied } = fixed(raw, { nonMonotonic: 'sort' });
		expect(Array.from(series.close)).toEqual([1, 1.1, 1.3]);
		expect(applied).toEqual(['sorted 3 bars by time: 2 bars went back in time (rows 3, 4)']);
	});
	it('reject refuses, naming the row that goes back and the latest row before it', () => {
		expect(refused(raw, { nonMonotonic: 'reject' }).message).toBe(
			'timestamps not ascending at row 3: earlier than row 2'
		);
	});
	it('sorts before removing duplicates, keeping the first in file order', () => {
		const { series } = fixed(
			csv('2024-01-02,1,2,0.5,1.2,1', '2024-01-01,1,2,0.5,1,1', '2024-01-02,1,2,0.5,1.1,1'),
			{ duplicates: 'keep_first' }
		);
		expect(Array.from(series.close)).toEqual([1, 1.2]);
	});
});

describe('applyFixes outliers and OHLC contradictions', () => {
	const rows = Array.from({ length: 30 }, (_, i) => {
		const d = new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);
		const c = i === 15 ? 1000 : 100 + Math.sin(i);
		return `${d},${c},${c + 1},${c - 1},${c},10`;
	});
	const raw = csv(...rows);
	it('outliers: keep changes nothing; drop removes the flagged bars and says so', () => {
		expect(fixed(raw, { outliers: 'keep' }).series.close.length).toBe(30);
		const { series, applied } = fixed(raw, { outliers: 'drop' });
		expect(series.close.length).toBe(29);
		expect(series.close.includes(1000)).toBe(false);
		expect(applied).toEqual([
			'dropped 1 bar flagged as return outliers, |modified z| > 10 (row 17)'
		]);
	});
	const ohlc = csv('2024-01-01,1,2,0.5,1,10', '2024-01-02,1,0.9,1.1,1,10');
	it('ohlc: keep (the default) keeps contradictory bars; drop removes them; reject names them', () => {
		expect(fixed(ohlc, {}).series.close.length).toBe(2);
		expect(fixed(ohlc, { ohlc: 'drop' }).applied).toEqual([
			'dropped 1 bar whose open, high, low and close contradict (row 3)'
		]);
		expect(refused(ohlc, { ohlc: 'reject' }).message).toBe('row 3: high 0.9 is below low 1.1');
	});
});

describe('applyFixes guards', () => {
	it('refuses a report made for other bars', () => {
		const a = csv('2024-01-01,1,2,0.5,1,10');
		const b = csv('2024-01-01,1,2,0.5,1,10', '2024-01-02,1,2,0.5,1,10');
		const r = applyFixes(b, assessQuality(a), LENIENT);
		expect(r.ok ? '' : r.message).toBe(
			'the report is for TEST (1 bars), not these bars (TEST, 2): assess them again'
		);
	});
	it('does not modify the raw bars it is given', () => {
		const raw = csv('2024-01-01,1,2,0.5,1,10', '2024-01-02,1,2,0.5,x,10');
		fixed(raw, { invalid: 'forward_fill' });
		expect(raw.close[1]).toBeNaN();
	});
});
