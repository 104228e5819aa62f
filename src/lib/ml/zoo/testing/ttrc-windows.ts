// Test support only (imported by specs, never by app code): small real-data windows from TTR's `ttrc`.
import { makeWindows, nextLogReturn } from '$lib/core/dataset';
import { ttrcSeries } from '$lib/core/indicators/testing/ttrc-series';

export interface TtrcWindows {
	/** samples × window × 2: log return ×100 and (high − low)/close ×100 of each day. */
	x: Float32Array;
	/** Next day's log return ×100. */
	y: Float32Array;
	/** 1 when the next day's return is positive, else 0. */
	up: Float32Array;
	samples: number;
	window: number;
	features: number;
}

/** The last `samples` windows of the series (the most recent bars), scaled to unit-ish size. */
export function ttrcWindows(window: number, samples: number): TtrcWindows {
	const s = ttrcSeries();
	const n = s.close.length;
	const ret = new Float64Array(n).fill(NaN);
	const range = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		if (i > 0) ret[i] = 100 * Math.log(s.close[i] / s.close[i - 1]);
		range[i] = (100 * (s.high[i] - s.low[i])) / s.close[i];
	}
	const target = nextLogReturn(s.close).map((v) => v * 100);
	const w = makeWindows({ features: [ret, range], target, window, start: n - samples - window });
	const take = Math.min(samples, w.samples);
	const x = w.x.slice(0, take * window * 2);
	const y = w.y.slice(0, take);
	return { x, y, up: y.map((v) => (v > 0 ? 1 : 0)), samples: take, window, features: 2 };
}
