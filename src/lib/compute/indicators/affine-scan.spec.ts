import { describe, expect, it } from 'vitest';
import { blockedScan, sequentialRecurrence, type AffineRecurrence } from './affine-scan';

/** A deterministic pseudo-random sequence in [0, 1) (no RNG dependency needed for a unit test). */
const noise = (t: number) => {
	const x = Math.sin(t * 12.9898 + 78.233) * 43758.5453;
	return x - Math.floor(x);
};

const kamaLike = (length: number, start: number): AffineRecurrence => ({
	length,
	start,
	seed: 100,
	a: (t) => 1 - (0.01 + 0.5 * noise(t)),
	b: (t) => (0.01 + 0.5 * noise(t)) * (100 + 10 * noise(t + 7))
});

describe('blockedScan (the GPU scan, serially)', () => {
	it.each([
		[1000, 0, 64],
		[1000, 37, 64],
		[130, 64, 64],
		[7, 3, 64],
		[5000, 4999, 16],
		[333, 200, 1]
	])(
		'equals the sequential recurrence for %i rows, start %i, blocks of %i',
		(length, start, block) => {
			const r = kamaLike(length, start);
			const want = sequentialRecurrence(r);
			const got = blockedScan(r, block);
			for (let t = 0; t < length; t++) {
				if (t < start) expect(got[t]).toBeNaN();
				else expect(Math.abs(got[t] - want[t])).toBeLessThan(1e-12 * Math.abs(want[t]) + 1e-12);
			}
		}
	);

	it('keeps a running total (a = 1) exact on integers', () => {
		const r: AffineRecurrence = { length: 500, start: 0, seed: 3, a: () => 1, b: (t) => t % 7 };
		expect(Array.from(blockedScan(r, 64))).toEqual(Array.from(sequentialRecurrence(r)));
	});

	it('gives all NaN when the start is past the end', () => {
		const got = blockedScan(kamaLike(10, 10), 4);
		expect(got.every(Number.isNaN)).toBe(true);
	});
});
