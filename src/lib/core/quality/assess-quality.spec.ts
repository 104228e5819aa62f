import { describe, expect, it } from 'vitest';
import ttrc from '../../../../static/datasets/ttrc_daily_ohlcv.csv?raw';
import { assessQuality } from './assess-quality';
import { businessDays, cleanCsv, rawFrom, withRow } from './testing';

const DAY = 86_400_000;
const clean = cleanCsv(businessDays(60));

describe('assessQuality on the real TTR daily file', () => {
	const report = assessQuality(rawFrom(ttrc, 'TTRC'));

	it('scores it 99.9 of 100', () => {
		expect(report.score).toBe(99.9);
	});
	it('finds no duplicates, disorder, OHLC contradictions, bad cells, bad prices or bad volume', () => {
		const counts = [
			report.duplicates,
			report.nonMonotonic,
			report.ohlcInconsistent,
			report.invalidCells,
			report.nonPositivePrices,
			report.zeroVolume,
			report.negativeVolume
		].map((f) => f.count);
		expect(counts).toEqual([0, 0, 0, 0, 0, 0, 0]);
	});
	it('finds one real gap: the four weekdays the NYSE closed after 11 September 2001', () => {
		expect(report.gaps.rule).toBe('business_days');
		expect(report.gaps.count).toBe(1);
		expect(report.gaps.first).toEqual([
			{ row: 4219, from: Date.UTC(2001, 8, 10), to: Date.UTC(2001, 8, 17), missing: 4 }
		]);
	});
	it('counts 184 single missing weekdays (exchange holidays) apart, without penalty', () => {
		expect(report.gaps.shortGaps).toBe(184);
	});
	it('flags two real return outliers: 19 October 1987 and 17 September 2001', () => {
		expect(report.outliers.rows).toEqual([708, 4219]);
		expect(report.outliers.first.map((o) => Math.round(o.z))).toEqual([-15, -11]);
	});
});

describe('assessQuality finds each kind of problem', () => {
	it('gives a clean file 100 and no findings', () => {
		const report = assessQuality(rawFrom(clean));
		expect(report.score).toBe(100);
		expect(report.gaps).toMatchObject({ count: 0, shortGaps: 0, rule: 'business_days' });
		expect(report.outliers.count).toBe(0);
	});
	it('reports duplicate timestamps at the repeating rows', () => {
		const lines = clean.trim().split('\n');
		const repeated = [...lines.slice(0, 4), lines[3], ...lines.slice(4)].join('\n');
		const report = assessQuality(rawFrom(repeated));
		expect(report.duplicates).toEqual({ count: 1, rows: [5] });
	});
	it('reports bars that go back in time, and every bar but one of a newest-first file', () => {
		const lines = clean.trim().split('\n');
		const swapped = [lines[0], lines[1], lines[3], lines[2], ...lines.slice(4)].join('\n');
		expect(assessQuality(rawFrom(swapped)).nonMonotonic).toEqual({ count: 1, rows: [4] });
		const newestFirst = [lines[0], ...lines.slice(1).reverse()].join('\n');
		const report = assessQuality(rawFrom(newestFirst));
		expect(report.nonMonotonic.count).toBe(59);
		expect(report.nonMonotonic.rows).toHaveLength(20);
		expect(report.score).toBe(50.8);
	});
	it('reports OHLC contradictions by kind', () => {
		let text = withRow(clean, 3, '2024-01-02,100,99,101,100,10');
		text = withRow(text, 4, '2024-01-03,105,101,99,100,10');
		text = withRow(text, 5, '2024-01-04,100,101,99,98,10');
		expect(assessQuality(rawFrom(text)).ohlcInconsistent).toEqual({
			count: 3,
			rows: [3, 4, 5],
			highBelowLow: 1,
			openOutside: 2,
			closeOutside: 2
		});
	});
	it('reports unreadable and infinite cells by column, with examples of what they said', () => {
		let text = withRow(clean, 3, '2024-01-02,100,NaN,99,,10');
		text = withRow(text, 4, '2024-01-03,100,101,99,1e999,x');
		const { invalidCells } = assessQuality(rawFrom(text));
		expect(invalidCells.count).toBe(2);
		expect(invalidCells.cells).toBe(4);
		expect(invalidCells.byColumn.high).toEqual({ nan: 1, infinite: 0 });
		expect(invalidCells.byColumn.close).toEqual({ nan: 1, infinite: 1 });
		expect(invalidCells.byColumn.volume).toEqual({ nan: 1, infinite: 0 });
		expect(invalidCells.examples.map((x) => `${x.row} ${x.column} ${x.kind} "${x.text}"`)).toEqual([
			'3 close empty ""',
			'3 high not_a_number "NaN"',
			'4 close infinite "1e999"',
			'4 volume not_a_number "x"'
		]);
	});
	it('ignores the NaN volume of a file without a volume column', () => {
		const report = assessQuality(rawFrom('date,close\n2024-01-01,1\n2024-01-02,1.01\n'));
		expect(report.invalidCells.count).toBe(0);
	});
	it('reports zero and negative prices', () => {
		const text = withRow(clean, 7, '2024-01-08,100,101,0,100,10');
		expect(assessQuality(rawFrom(text)).nonPositivePrices).toEqual({ count: 1, rows: [7] });
	});
	it('reports zero and negative volume apart', () => {
		let text = withRow(clean, 3, '2024-01-02,100,101,99,100,0');
		text = withRow(text, 9, '2024-01-10,100,101,99,100,-4');
		const report = assessQuality(rawFrom(text));
		expect(report.zeroVolume).toEqual({ count: 1, rows: [3] });
		expect(report.negativeVolume).toEqual({ count: 1, rows: [9] });
	});
	it('flags a one-bar ×10 spike once, at the spike, by modified z-score above 10', () => {
		const text = withRow(clean, 20, '2024-01-26,100,1000,99,1000,10');
		const { outliers } = assessQuality(rawFrom(text));
		expect(outliers.rows).toEqual([20]);
		expect(outliers.first[0].z).toBeGreaterThan(10);
		expect(outliers.first[0].logReturn).toBeCloseTo(Math.log(10), 1);
	});
	it('flags a level shift (an unadjusted split) at its first bar only', () => {
		const lines = clean.trim().split('\n');
		const halved = lines.map((line, k) =>
			k < 30
				? line
				: line.replace(
						/,([\d.]+),([\d.]+),([\d.]+),([\d.]+),/,
						(_, ...p: string[]) =>
							`,${p
								.slice(0, 4)
								.map((x) => Number(x) / 2)
								.join(',')},`
					)
		);
		expect(assessQuality(rawFrom(halved.join('\n'))).outliers.rows).toEqual([31]);
	});
	it('takes a lower outlier threshold when asked', () => {
		const text = withRow(clean, 20, '2024-01-26,100,108,99,108,10');
		const raw = rawFrom(text);
		expect(assessQuality(raw).outliers.count).toBe(0);
		expect(assessQuality(raw, { outlierZ: 3.5 }).outliers.rows).toContain(20);
	});
	it('lists at most 20 rows but counts them all', () => {
		const lines = clean.trim().split('\n');
		const zeroVolume = lines.map((l, k) => (k === 0 ? l : l.replace(/,\d+$/, ',0')));
		const report = assessQuality(rawFrom(zeroVolume.join('\n')));
		expect(report.zeroVolume.count).toBe(60);
		expect(report.zeroVolume.rows).toEqual(Array.from({ length: 20 }, (_, k) => k + 2));
		expect(report.score).toBe(50);
	});
	it('numbers JSON bars by index', () => {
		const report = assessQuality({
			...rawFrom('date,close\n2024-01-01,1\n2024-01-01,1\n'),
			originWord: 'index',
			origin: Int32Array.of(0, 1)
		});
		expect(report.originWord).toBe('index');
		expect(report.duplicates.rows).toEqual([1]);
	});
	it('uses the expected spacing it is given instead of inferring one', () => {
		const report = assessQuality(rawFrom(clean), { expectedSpacingMs: 7 * DAY });
		expect(report.gaps).toMatchObject({ rule: 'spacing', spacingInferred: false, count: 0 });
	});
});
