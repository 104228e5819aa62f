import { describe, expect, it } from 'vitest';
import ttrc from '../../../../static/datasets/ttrc_daily_ohlcv.csv?raw';
import { parseOhlcvCsv } from '../data/parse-ohlcv-csv';
import type { OhlcvSeries } from '../ohlcv';
import { contentHash } from './content-hash';
import { sha256Hex } from './sha256-hex';

function series(): OhlcvSeries {
	return {
		symbol: 'X',
		time: Float64Array.of(0, 86_400_000, 172_800_000),
		open: Float64Array.of(1, 2, 3),
		high: Float64Array.of(1.5, 2.5, 3.5),
		low: Float64Array.of(0.5, 1.5, 2.5),
		close: Float64Array.of(1.25, 2.25, 3.25),
		volume: Float64Array.of(10, NaN, 0)
	};
}

describe('contentHash', () => {
	it('returns 64 lower-case hex digits, the same on every call', async () => {
		const a = await contentHash(series());
		expect(a).toMatch(/^[0-9a-f]{64}$/);
		expect(await contentHash(series())).toBe(a);
	});
	it('follows the documented layout', async () => {
		// Recompute the key by hand from the layout in the JSDoc, on a little-endian host.
		const s = series();
		const fields = [s.time, s.open, s.high, s.low, s.close, s.volume];
		const tag = new TextEncoder().encode('axon-ohlcv-v1');
		const message = new Uint8Array(tag.length + 8 + 32 * 6);
		message.set(tag);
		message[tag.length] = 3; // u64le(n) with n = 3
		for (const [k, column] of fields.entries()) {
			const canonical = Float64Array.from(column, (x) => (Number.isNaN(x) ? NaN : x));
			const digest = await crypto.subtle.digest('SHA-256', canonical);
			message.set(new Uint8Array(digest), tag.length + 8 + 32 * k);
		}
		expect(await contentHash(s)).toBe(await sha256Hex(message));
	});
	it.each(['time', 'open', 'high', 'low', 'close', 'volume'] as const)(
		'changes when one %s value moves by one unit in the last place',
		async (field) => {
			const changed = series();
			const bits = new DataView(changed[field].buffer);
			bits.setUint32(0, bits.getUint32(0, true) + 1, true); // the next double after element 0
			expect(changed[field][0]).not.toBe(series()[field][0]);
			expect(await contentHash(changed)).not.toBe(await contentHash(series()));
		}
	);
	it('changes when two columns swap values', async () => {
		const swapped = series();
		[swapped.open, swapped.close] = [swapped.close, swapped.open];
		expect(await contentHash(swapped)).not.toBe(await contentHash(series()));
	});
	it('ignores the symbol, NaN payloads and the sign of zero', async () => {
		const s = series();
		const other = { ...series(), symbol: 'Y' };
		// A NaN with a different payload, and −0 for the zero volume.
		new DataView(other.volume.buffer).setUint32(8 + 4, 0x7ff80001, true);
		other.volume[2] = -0;
		expect(Number.isNaN(other.volume[1])).toBe(true);
		expect(await contentHash(other)).toBe(await contentHash(s));
	});
	it('refuses columns of different lengths', async () => {
		const bad = { ...series(), volume: Float64Array.of(1) };
		await expect(contentHash(bad)).rejects.toThrow('column volume has 1 values, close has 3');
	});
	it('gives the TTR daily file the key an independent Python implementation computes', async () => {
		// hashlib + struct over the documented layout (struct.pack('<Q', n), '<%dd' per column).
		const r = parseOhlcvCsv(ttrc, { symbol: 'TTRC' });
		if (!r.ok) throw new Error(r.message);
		expect(await contentHash(r.value.series)).toBe(
			'a6ec79f3b1643099adc87026a8246c5938abedfedfdad571f6d0f00280646825'
		);
	});
});
