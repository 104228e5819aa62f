import { describe, expect, it } from 'vitest';
import { findGaps } from './find-gaps';
import { rawFrom } from './testing';

const DAY = 86_400_000;
const closes = (dates: string[]) =>
	rawFrom('date,close\n' + dates.map((d, i) => `${d},${100 + (i % 3)}`).join('\n') + '\n');

describe('findGaps for daily data with weekends closed (business days)', () => {
	it('does not count a weekend as a gap', () => {
		const f = findGaps(closes(['2024-01-04', '2024-01-05', '2024-01-08', '2024-01-09']));
		expect(f).toMatchObject({ rule: 'business_days', spacingMs: DAY, gaps: [], shortGaps: 0 });
	});
	it('counts one missing weekday as a short gap (a likely holiday), not a gap', () => {
		const f = findGaps(closes(['2024-01-04', '2024-01-05', '2024-01-09', '2024-01-10']));
		expect([f.gaps.length, f.shortGaps, f.missingBars]).toEqual([0, 1, 0]);
	});
	it('counts the weekdays missing between two bars, across a weekend', () => {
		const f = findGaps(
			closes(['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-10', '2024-01-11'])
		);
		expect(f.gaps).toEqual([
			{ row: 5, from: Date.UTC(2024, 0, 4), to: Date.UTC(2024, 0, 10), missing: 3 }
		]);
		expect(f.missingBars).toBe(3);
	});
	it('counts every gap when the holiday tolerance is 0', () => {
		const f = findGaps(closes(['2024-01-04', '2024-01-05', '2024-01-09', '2024-01-10']), {
			holidayTolerance: 0
		});
		expect(f.gaps.map((g) => g.missing)).toEqual([1]);
	});
	it('measures gaps in time order, whatever the file order', () => {
		const f = findGaps(
			closes(['2024-01-11', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-10'])
		);
		expect(f.gaps.map((g) => [g.row, g.missing])).toEqual([[6, 3]]);
	});
});

describe('findGaps for other spacings', () => {
	it('uses calendar days when over 10% of daily bars fall on weekends', () => {
		const f = findGaps(
			closes(['2024-01-05', '2024-01-06', '2024-01-07', '2024-01-10', '2024-01-11'])
		);
		expect(f.rule).toBe('calendar_days');
		expect(f.gaps.map((g) => g.missing)).toEqual([2]);
	});
	it('counts round(Δt / spacing) − 1 missing bars for weekly data', () => {
		const f = findGaps(
			closes(['2024-01-01', '2024-01-08', '2024-01-15', '2024-02-05', '2024-02-12'])
		);
		expect(f).toMatchObject({ rule: 'spacing', spacingMs: 7 * DAY, missingBars: 2 });
	});
	it('counts intraday gaps within a day only, not overnight', () => {
		const f = findGaps(
			closes([
				'2024-01-02T15:00:00Z',
				'2024-01-02T15:01:00Z',
				'2024-01-02T15:02:00Z',
				'2024-01-02T15:06:00Z',
				'2024-01-03T14:30:00Z',
				'2024-01-03T14:31:00Z'
			])
		);
		expect(f.rule).toBe('intraday_spacing');
		expect(f.gaps.map((g) => [g.row, g.missing])).toEqual([[5, 3]]);
	});
	it('finds nothing in evenly spaced decimal-year data such as EuStockMarkets', () => {
		const raw = rawFrom('date,close\n1991.49615384615,1\n1991.5,2\n1991.50384615385,3\n');
		expect(findGaps(raw)).toMatchObject({ rule: 'spacing', gaps: [] });
	});
	it('finds nothing with fewer than two distinct times', () => {
		expect(findGaps(closes(['2024-01-02'])).spacingMs).toBeNaN();
	});
});
