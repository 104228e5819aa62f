import { describe, expect, it } from 'vitest';
import type { OhlcvSeries } from '../../core/ohlcv';
import {
	directionalMove,
	gpuInputProblem,
	packInputs,
	packParams,
	typicalPriceMove
} from './pack-inputs';
import { GPU_INPUT_FIELDS } from './plan';

const DAY = 86_400_000;

const series = (symbol: string, close: number[], time0 = 0): OhlcvSeries => ({
	symbol,
	time: Float64Array.from(close, (_, i) => time0 + i * DAY + 3_600_000),
	open: Float64Array.from(close),
	high: Float64Array.from(close, (c) => c + 1),
	low: Float64Array.from(close, (c) => c - 0.5),
	close: Float64Array.from(close),
	volume: Float64Array.from(close, (c) => c * 10)
});

describe('packInputs', () => {
	it('lays fields out time-major, [field][bar][series], rounding to the nearest f32', () => {
		const packed = packInputs([series('A', [1, 2, 3]), series('B', [10, 20, 30.1])]);
		const close = GPU_INPUT_FIELDS.indexOf('close');
		const at = (f: number, t: number, s: number) => packed[(f * 3 + t) * 2 + s];
		expect([at(close, 0, 0), at(close, 0, 1), at(close, 2, 0), at(close, 2, 1)]).toEqual([
			1,
			10,
			3,
			Math.fround(30.1)
		]);
	});

	it('gives the UTC day number instead of epoch milliseconds', () => {
		const packed = packInputs([series('A', [1, 2], 19_000 * DAY)]);
		const f = GPU_INPUT_FIELDS.indexOf('utc_day');
		expect([packed[f * 2], packed[f * 2 + 1]]).toEqual([19_000, 19_001]);
	});

	it('fills the second close with the paired series, or zeros without one', () => {
		const f = GPU_INPUT_FIELDS.indexOf('other_close');
		const a = series('A', [1, 2]);
		expect(packInputs([a], [Float64Array.of(7, 8)]).slice(f * 2, f * 2 + 2)).toEqual(
			Float32Array.of(7, 8)
		);
		expect(packInputs([a]).slice(f * 2, f * 2 + 2)).toEqual(Float32Array.of(0, 0));
	});
});

describe('the host-side f64 decisions', () => {
	it("directionalMove follows Wilder's rule: the larger positive move, none on ties", () => {
		const high = Float64Array.of(10, 11, 11.5, 11);
		const low = Float64Array.of(9, 9.5, 9, 8.5);
		// bar 1: up 1, down −0.5 → +1; bar 2: up 0.5, down 0.5 → tie; bar 3: up −0.5, down 0.5 → −1.
		expect([1, 2, 3].map((t) => directionalMove(high, low, t))).toEqual([1, 0, -1]);
	});

	it('typicalPriceMove treats a change below 1e-12 relative as none', () => {
		const s = series('A', [10, 10 + 1e-14, 11, 10]);
		expect([1, 2, 3].map((t) => typicalPriceMove(s, t))).toEqual([0, 1, -1]);
	});
});

describe('gpuInputProblem', () => {
	it('accepts finite positive prices of equal length', () => {
		expect(gpuInputProblem([series('A', [1, 2]), series('B', [3, 4])])).toBeNull();
	});

	it('names the series and bar of a gap, a non-positive price, or a length mismatch', () => {
		const gap = series('G', [1, 2, 3]);
		gap.close[1] = NaN;
		expect(gpuInputProblem([gap])).toMatch(/G: a missing or non-positive close at bar 1/);
		expect(gpuInputProblem([series('Z', [1, 0])])).toMatch(/Z: .*non-positive open at bar 1/);
		expect(gpuInputProblem([series('A', [1, 2]), series('B', [1])])).toMatch(/different lengths/);
	});

	it('checks only the fields the indicator reads, and the second close of a relation', () => {
		const noVolume = series('V', [1, 2, 3]);
		noVolume.volume.fill(NaN);
		expect(gpuInputProblem([noVolume], ['close'])).toBeNull();
		expect(gpuInputProblem([noVolume], ['close', 'volume'])).toMatch(
			/V: a missing volume at bar 0/
		);
		expect(gpuInputProblem([noVolume], ['close'], [Float64Array.of(1, NaN, 2)])).toMatch(
			/second close at bar 1/
		);
	});
});

describe('packParams', () => {
	it('packs parameter sets row by row in the plan order', () => {
		expect(
			packParams(
				['n', 'k'],
				[
					{ n: 5, k: 2 },
					{ k: 1.5, n: 9 }
				]
			)
		).toEqual(Float32Array.of(5, 2, 9, 1.5));
	});
});
