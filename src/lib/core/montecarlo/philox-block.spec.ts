import { describe, expect, it } from 'vitest';
import { philox4x32 } from '../random/philox';
import { CounterRng } from '../random/philox';
import { philoxBlock, scaleU32 } from './philox-block';

const block = (c: readonly number[], k: readonly number[]) => {
	const out = new Uint32Array(4);
	philoxBlock(c[0], c[1], c[2], c[3], k[0], k[1], out);
	return Array.from(out);
};

describe('philoxBlock', () => {
	it('matches the Random123 known answers', () => {
		const f = 0xffffffff;
		expect(block([0, 0, 0, 0], [0, 0])).toEqual([0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]);
		expect(block([f, f, f, f], [f, f])).toEqual([0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd]);
		expect(
			block([0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], [0xa4093822, 0x299f31d0])
		).toEqual([0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1]);
	});

	it('equals philox4x32 on 2,000 random counters and keys', () => {
		const rng = new CounterRng(99);
		for (let i = 0; i < 2000; i++) {
			const c = [rng.nextU32(), rng.nextU32(), rng.nextU32(), rng.nextU32()] as const;
			const k = [rng.nextU32(), rng.nextU32()] as const;
			expect(block(c, k)).toEqual(philox4x32(c, k));
		}
	});
});

describe('scaleU32', () => {
	it('is floor(x · n / 2^32), checked with BigInt', () => {
		const rng = new CounterRng(5);
		const cases: [number, number][] = [
			[0, 1],
			[0xffffffff, 1],
			[0xffffffff, 0xffffffff],
			[0x80000000, 3],
			[0xffffffff, 1000]
		];
		for (let i = 0; i < 2000; i++) cases.push([rng.nextU32(), rng.nextU32() || 1]);
		for (const [x, n] of cases) expect(scaleU32(x, n)).toBe(Number((BigInt(x) * BigInt(n)) >> 32n));
	});
});
