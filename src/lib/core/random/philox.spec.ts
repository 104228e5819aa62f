import { describe, expect, it } from 'vitest';
import { CounterRng, philox4x32 } from './philox';

describe('philox4x32', () => {
	// Known-answer vectors from Random123 (kat_vectors, philox4x32_10).
	it('matches Random123 for a zero counter and key', () => {
		expect(philox4x32([0, 0, 0, 0], [0, 0])).toEqual([
			0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8
		]);
	});
	it('matches Random123 for an all-ones counter and key', () => {
		const f = 0xffffffff;
		expect(philox4x32([f, f, f, f], [f, f])).toEqual([
			0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd
		]);
	});
	it('matches Random123 for the digits of pi', () => {
		expect(
			philox4x32([0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], [0xa4093822, 0x299f31d0])
		).toEqual([0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1]);
	});
});

describe('CounterRng', () => {
	it('gives the same stream for the same seed and different streams for different seeds', () => {
		const a = new CounterRng(7);
		const b = new CounterRng(7);
		const c = new CounterRng(8);
		const xs = Array.from({ length: 10 }, () => a.uniform());
		expect(Array.from({ length: 10 }, () => b.uniform())).toEqual(xs);
		expect(Array.from({ length: 10 }, () => c.uniform())).not.toEqual(xs);
	});
	it('draws normals with mean near 0 and variance near 1', () => {
		const rng = new CounterRng(1);
		const n = 20_000;
		let s = 0;
		let s2 = 0;
		for (let i = 0; i < n; i++) {
			const z = rng.normal();
			s += z;
			s2 += z * z;
		}
		expect(Math.abs(s / n)).toBeLessThan(0.03);
		expect(Math.abs(s2 / n - 1)).toBeLessThan(0.05);
	});
});
