// Batch paths rewritten for speed keep the streaming kernels' arithmetic exactly: the same bits,
// not just within the contract's 1e-12, on gaps, infinities, flat stretches (ties, zero ranges)
// and window lengths from 1 up. Those that run several running sums in one pass (ultimate
// oscillator, MFI, CMF, rolling VWAP, KAMA), Bollinger's inline variance, CCI's four-way mean
// deviation, the range volatility estimators' column sums (Yang–Zhang's in three columns), the
// wavelets' kept coefficients, vol_regime's offline ranking and the calendar's per-day rows.
import { describe, expect, it } from 'vitest';
import { CounterRng } from '../random/philox';
import type { OhlcvSeries } from '../ohlcv';
import { findIndicator } from './registry';
import { blankSeries, runStream } from './testing';

function awkwardBars(n: number, seed: number): OhlcvSeries {
	const rng = new CounterRng(seed);
	const s = blankSeries(n, 'AWK');
	let c = 100;
	for (let i = 0; i < n; i++) {
		const flat = i % 200 >= 180; // flat bars at one price: zero ranges and tied typical prices
		const o = c;
		c = flat ? c : o * Math.exp(0.01 * rng.normal());
		s.time[i] = i * 60_000;
		s.open[i] = o;
		s.close[i] = c;
		s.high[i] = flat ? c : Math.max(o, c) * (1 + 0.005 * rng.uniform());
		s.low[i] = flat ? c : Math.min(o, c) * (1 - 0.005 * rng.uniform());
		s.volume[i] = rng.uniform() < 0.05 ? 0 : 1000 * rng.uniform();
	}
	const fields = ['high', 'low', 'close', 'volume'] as const;
	for (let k = 0; k < 12; k++) {
		const i = Math.floor(rng.uniform() * n);
		s[fields[k % 4]][i] = k % 3 === 0 ? Infinity : NaN;
	}
	return s;
}

const same = (a: Float64Array, b: Float64Array) =>
	a.every((v, i) => Object.is(v, b[i])) || a.findIndex((v, i) => !Object.is(v, b[i]));

describe.each([
	['ultimate_oscillator', [{}, { n1: 28, n2: 3, n3: 1 }, { n1: 1, n2: 1, n3: 1 }]],
	['mfi', [{}, { period: 1 }, { period: 40 }]],
	['chaikin_money_flow', [{}, { period: 1 }, { period: 3 }]],
	['vwap_rolling', [{}, { period: 1 }, { period: 30 }]],
	['cci', [{}, { n: 1 }, { n: 2 }, { n: 5 }, { n: 37 }]],
	['kama', [{}, { n: 1 }, { n: 2, fast: 3, slow: 10 }, { n: 40 }]],
	['bollinger', [{}, { period: 1 }, { period: 2, k: 0 }, { period: 64 }]],
	['vol_yang_zhang', [{}, { window: 2 }, { window: 3, alpha: 2 }, { window: 60 }]],
	['vol_parkinson', [{}, { window: 1 }, { window: 45 }]],
	['vol_garman_klass', [{}, { window: 1 }, { window: 45 }]],
	['vol_rogers_satchell', [{}, { window: 1 }, { window: 45 }]],
	['wavelet_haar', [{}, { windowLog2: 3 }, { windowLog2: 8 }]],
	['wavelet_db4', [{}, { windowLog2: 4 }, { windowLog2: 8 }]],
	['vol_regime', [{}, { window: 2, minHistory: 1 }, { window: 30, minHistory: 500 }]],
	['vol_close_to_close', [{}, { window: 3 }, { window: 50 }]],
	['calendar', [{}]]
] as const)('%s batch', (id, paramSets) => {
	const def = findIndicator(id)!;
	it.each(paramSets.map((p) => [JSON.stringify(p), p] as const))(
		'equals its stream bit for bit (%s)',
		(_name, given) => {
			const p = Object.fromEntries(
				def.params.map((s) => [s.name, (given as Record<string, number>)[s.name] ?? s.default])
			);
			for (const seed of [1, 2]) {
				const bars = awkwardBars(3000, seed);
				const batch = def.compute(bars, p);
				const streamed = runStream(def, bars, p);
				batch.forEach((col, k) => expect(same(col, streamed[k])).toBe(true));
				expect(batch[0].some(Number.isFinite)).toBe(true);
			}
		}
	);
});

it('the ultimate oscillator falls back to column sums where buying pressure overflows, as the stream does', () => {
	const def = findIndicator('ultimate_oscillator')!;
	const bars = awkwardBars(300, 3);
	// Close at +1e308 after a bar whose low is −1e308: BP = C − min(L, Cprev) overflows to +∞.
	bars.low[150] = -1e308;
	bars.close[150] = -1e308;
	bars.close[151] = 1e308;
	bars.high[151] = 1e308;
	const p = { n1: 7, n2: 14, n3: 28 };
	const batch = def.compute(bars, p)[0];
	const streamed = runStream(def, bars, p)[0];
	expect(same(batch, streamed)).toBe(true);
	expect(Number.isNaN(batch[151])).toBe(true);
	expect(Number.isFinite(batch[299])).toBe(true);
});
