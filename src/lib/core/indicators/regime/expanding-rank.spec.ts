import { describe, expect, it } from 'vitest';
import { CounterRng } from '../../random/philox';
import { ExpandingRank } from './expanding-rank';

describe('ExpandingRank', () => {
	it('gives the mid-rank percentile among earlier values, ties counted half', () => {
		const r = new ExpandingRank();
		[1, 2, 2, 4].forEach((v) => r.add(v));
		expect(r.rank(2)).toBe((1 + 0.5 * 2) / 4);
		expect(r.rank(0)).toBe(0);
		expect(r.rank(5)).toBe(1);
	});

	it('is NaN before any value is added', () => {
		expect(new ExpandingRank().rank(1)).toBeNaN();
	});

	it('equals a brute-force count across many chunk splits, with heavy ties', () => {
		const rng = new CounterRng(11);
		const r = new ExpandingRank();
		const seen: number[] = [];
		for (let i = 0; i < 10_000; i++) {
			// Few distinct values force ties inside and across chunk boundaries.
			const x = i % 3 === 0 ? rng.int(50) : rng.normal();
			if (i % 97 === 0) {
				const below = seen.filter((v) => v < x).length;
				const equal = seen.filter((v) => v === x).length;
				expect(r.rank(x)).toBe(seen.length ? (below + 0.5 * equal) / seen.length : NaN);
			}
			r.add(x);
			seen.push(x);
		}
		expect(r.size).toBe(10_000);
	});
});
