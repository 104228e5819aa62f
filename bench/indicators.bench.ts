// Indicator library benchmark (issue #3): AXON's batch path per indicator against the npm peers
// `@ixjb94/indicators` and `technicalindicators` on the same 1,000,000 bars in the same run; the
// whole registry at default parameters over 1M bars; and the streaming path's cost per bar for the
// whole registry. Run: `npm run bench indicators` (node --import tsx bench/indicators.bench.ts).
// `IND_ONLY=dema,tema` times only those per-op rows against their peers (no whole-registry rows and
// no results file): for checking one change quickly, not for BENCHMARKS.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { IndicatorsSync } from '@ixjb94/indicators';
import ti from 'technicalindicators';
import { generateGbm } from '../src/lib/core/synthetic/gbm';
import { INDICATORS, findIndicator } from '../src/lib/core/indicators/registry';
import type { IndicatorDef, Params } from '../src/lib/core/indicators/indicator';

const BARS = 1_000_000;
const RUNS = 9;
const series = generateGbm({ seed: 42, bars: BARS, s0: 100, mu: 0.05, sigma: 0.2, symbol: 'SYN' });
// The peers take plain arrays; conversion happens once, outside the timings.
const h = Array.from(series.high);
const l = Array.from(series.low);
const c = Array.from(series.close);
const v = Array.from(series.volume);
const ix = new IndicatorsSync();

// A full garbage collection before every timed run: otherwise a run pays for the garbage the
// previous one (often a peer's: technicalindicators leaves hundreds of MB) left behind, and the
// per-op ratios swung by up to 2× between identical runs. Each run still pays for its own
// allocations (fresh output arrays and their page faults).
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

function time(fn: () => unknown, runs = RUNS): number {
	fn();
	const ms: number[] = [];
	for (let r = 0; r < runs; r++) {
		collect();
		const t = performance.now();
		fn();
		ms.push(performance.now() - t);
	}
	return ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)];
}

/**
 * The memory floor of an op: read each of its input columns once and write as many fresh output
 * columns as it returns, with no arithmetic beyond one add per input. No implementation of the op
 * can beat it in a batch call that returns fresh arrays, so when the fastest peer's time / 5 is
 * below it, the issue's ≥ 5× goal is out of reach on this machine whatever the code does.
 */
function memoryFloor(def: IndicatorDef): () => Float64Array[] {
	const cols = def.inputs.map((f) => series[f]);
	const [a, b = a, c2 = a, d = a] = cols;
	const n = BARS;
	return () => {
		const outs = def.outputs.map(() => new Float64Array(n));
		const first = outs[0];
		// One loop per input count, so the floor is a tight loop rather than an inner loop over columns.
		if (cols.length === 1) for (let i = 0; i < n; i++) first[i] = a[i];
		else if (cols.length === 2) for (let i = 0; i < n; i++) first[i] = a[i] + b[i];
		else if (cols.length === 3) for (let i = 0; i < n; i++) first[i] = a[i] + b[i] + c2[i];
		else for (let i = 0; i < n; i++) first[i] = a[i] + b[i] + c2[i] + d[i];
		for (let k = 1; k < outs.length; k++) {
			const o = outs[k];
			for (let i = 0; i < n; i++) o[i] = first[i];
		}
		return outs;
	};
}

/** Peers for the indicators both libraries implement, with matching parameters. */
const PEERS: Record<string, { params: Params; ix?: () => unknown; ti?: () => unknown }> = {
	sma: {
		params: { period: 20 },
		ix: () => ix.sma(c, 20),
		ti: () => ti.SMA.calculate({ period: 20, values: c })
	},
	ema: {
		params: { period: 20 },
		ix: () => ix.ema(c, 20),
		ti: () => ti.EMA.calculate({ period: 20, values: c })
	},
	wma: {
		params: { period: 20 },
		ix: () => ix.wma(c, 20),
		ti: () => ti.WMA.calculate({ period: 20, values: c })
	},
	dema: { params: { period: 20 }, ix: () => ix.dema(c, 20) },
	tema: { params: { period: 20 }, ix: () => ix.tema(c, 20) },
	kama: { params: { period: 10 }, ix: () => ix.kama(c, 10) },
	rsi: {
		params: { period: 14 },
		ix: () => ix.rsi(c, 14),
		ti: () => ti.RSI.calculate({ period: 14, values: c })
	},
	macd: {
		params: {},
		ix: () => ix.macd(c, 12, 26, 9),
		ti: () =>
			ti.MACD.calculate({
				values: c,
				fastPeriod: 12,
				slowPeriod: 26,
				signalPeriod: 9,
				SimpleMAOscillator: false,
				SimpleMASignal: false
			})
	},
	cci: {
		params: {},
		ix: () => ix.cci(h, l, c, 20),
		ti: () => ti.CCI.calculate({ high: h, low: l, close: c, period: 20 })
	},
	williams_r: {
		params: {},
		ix: () => ix.willr(h, l, c, 14),
		ti: () => ti.WilliamsR.calculate({ high: h, low: l, close: c, period: 14 })
	},
	roc: {
		params: {},
		ix: () => ix.roc(c, 10),
		ti: () => ti.ROC.calculate({ period: 10, values: c })
	},
	trix: {
		params: {},
		ix: () => ix.trix(c, 18),
		ti: () => ti.TRIX.calculate({ period: 18, values: c })
	},
	adx: {
		params: {},
		ix: () => ix.adx(h, l, 14),
		ti: () => ti.ADX.calculate({ high: h, low: l, close: c, period: 14 })
	},
	aroon: { params: {}, ix: () => ix.aroon(h, l, 14) },
	ultimate_oscillator: { params: {}, ix: () => ix.ultosc(h, l, c, 7, 14, 28) },
	stoch: {
		params: {},
		ix: () => ix.stoch(h, l, c, 14, 3, 3),
		ti: () => ti.Stochastic.calculate({ high: h, low: l, close: c, period: 14, signalPeriod: 3 })
	},
	true_range: {
		params: {},
		ix: () => ix.tr(h, l, c),
		ti: () => ti.TrueRange.calculate({ high: h, low: l, close: c })
	},
	atr: {
		params: {},
		ix: () => ix.atr(h, l, c, 14),
		ti: () => ti.ATR.calculate({ high: h, low: l, close: c, period: 14 })
	},
	natr: { params: {}, ix: () => ix.natr(h, l, c, 14) },
	bollinger: {
		params: {},
		ix: () => ix.bbands(c, 20, 2),
		ti: () => ti.BollingerBands.calculate({ period: 20, values: c, stdDev: 2 })
	},
	obv: { params: {}, ix: () => ix.obv(c, v), ti: () => ti.OBV.calculate({ close: c, volume: v }) },
	mfi: {
		params: {},
		ix: () => ix.mfi(h, l, c, v, 14),
		ti: () => ti.MFI.calculate({ high: h, low: l, close: c, volume: v, period: 14 })
	},
	accumulation_distribution: {
		params: {},
		ix: () => ix.ad(h, l, c, v),
		ti: () => ti.ADL.calculate({ high: h, low: l, close: c, volume: v })
	},
	chaikin_money_flow: { params: {}, ix: () => ix.cmf(h, l, c, v, 20) },
	rolling_max: { params: {}, ix: () => ix.max(c, 20) },
	rolling_min: { params: {}, ix: () => ix.min(c, 20) }
};

const rows: {
	id: string;
	axon: number;
	floor: number;
	ixjb94: number | null;
	technicalindicators: number | null;
	speedup: number | null;
}[] = [];
const only = process.env.IND_ONLY?.split(',');
const unknown = only?.filter((id) => !(id in PEERS));
if (unknown?.length)
	throw new Error(
		`IND_ONLY: no peer rows for ${unknown.join(', ')}; rows: ${Object.keys(PEERS).join(', ')}`
	);
for (const [id, peer] of Object.entries(PEERS)) {
	if (only && !only.includes(id)) continue;
	const def = findIndicator(id);
	if (!def) continue;
	const p = Object.fromEntries(def.params.map((s) => [s.name, peer.params[s.name] ?? s.default]));
	const axon = time(() => def.compute(series, p));
	const floor = time(memoryFloor(def));
	const a = peer.ix ? time(peer.ix) : null;
	const b = peer.ti ? time(peer.ti, 3) : null;
	const fastest = Math.min(a ?? Infinity, b ?? Infinity);
	rows.push({
		id,
		axon,
		floor,
		ixjb94: a,
		technicalindicators: b,
		speedup: Number.isFinite(fastest) ? fastest / axon : null
	});
	console.error(
		`${id}: axon ${axon.toFixed(1)} ms, floor ${floor.toFixed(1)} ms, ixjb94 ${a?.toFixed(1) ?? '—'} ms, ti ${b?.toFixed(1) ?? '—'} ms`
	);
}

if (only) {
	for (const r of rows)
		console.log(
			`${r.id}: ${r.speedup === null ? '—' : r.speedup.toFixed(1)}× the fastest peer (floor ${r.floor.toFixed(1)} ms)`
		);
	process.exit(0);
}

// The whole registry at defaults over 1M bars (one core), and the streaming path per bar.
const defaults = (id: string): Params =>
	Object.fromEntries(findIndicator(id)!.params.map((s) => [s.name, s.default]));
// The HMM regime refits Baum–Welch every 63 bars: it is timed on its own, not hidden in the total.
const SEPARATE = new Set(['hmm_regime']);
const fast = INDICATORS.filter((d) => !SEPARATE.has(d.id));
const columns = fast.reduce((n, d) => n + d.outputs.length, 0);
const full = time(() => {
	for (const d of fast) d.compute(series, defaults(d.id));
}, 3);
const floors = fast.map(memoryFloor);
const fullFloor = time(() => {
	for (const f of floors) f();
}, 3);
// Each indicator of the registry alone (median of 3) with its floor, and the cheapest ones taken
// until they reach the issue's 45 columns: the best case for a "default set" of that size.
const each = fast
	.map((d, k) => ({
		id: d.id,
		columns: d.outputs.length,
		ms: time(() => d.compute(series, defaults(d.id)), 3),
		floor: time(floors[k], 3)
	}))
	.sort((a, b) => a.ms / a.columns - b.ms / b.columns);
const cheapest: typeof each = [];
for (const e of each) {
	if (cheapest.reduce((n, x) => n + x.columns, 0) >= 45) break;
	cheapest.push(e);
}
const sum = (xs: typeof each, k: 'ms' | 'floor' | 'columns') => xs.reduce((n, x) => n + x[k], 0);
const hmmBars = 100_000;
const hmmSeries = {
	...series,
	close: series.close.subarray(0, hmmBars),
	time: series.time.subarray(0, hmmBars)
};
const hmmMs = time(
	() => findIndicator('hmm_regime')!.compute(hmmSeries as typeof series, defaults('hmm_regime')),
	1
);
const STREAM_BARS = 200_000;
const streams = fast.map((d) => d.stream(defaults(d.id)));
const t0 = performance.now();
for (let i = 0; i < STREAM_BARS; i++) {
	const bar = {
		time: series.time[i],
		open: series.open[i],
		high: series.high[i],
		low: series.low[i],
		close: series.close[i],
		volume: series.volume[i]
	};
	for (const s of streams) s.update(bar);
}
const perBarUs = ((performance.now() - t0) * 1000) / STREAM_BARS;

const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(1));
const table = [
	`| Indicator (1,000,000 bars) | AXON batch ms | @ixjb94/indicators ms | technicalindicators ms | AXON vs fastest peer | memory floor ms | 5× goal ms (fastest peer / 5) |`,
	`|---|---:|---:|---:|---:|---:|---:|`,
	...rows.map((r) => {
		const fastest = Math.min(r.ixjb94 ?? Infinity, r.technicalindicators ?? Infinity);
		return `| \`${r.id}\` | ${fmt(r.axon)} | ${fmt(r.ixjb94)} | ${fmt(r.technicalindicators)} | ${r.speedup === null ? '—' : `${r.speedup.toFixed(1)}×`} | ${fmt(r.floor)} | ${fmt(fastest / 5)} |`;
	}),
	'',
	`| Whole registry | value |`,
	`|---|---:|`,
	`| indicators / output columns timed together | ${fast.length} / ${columns} (all but hmm_regime) |`,
	`| batch, all at defaults, 1M bars, one core (median of 3) | ${full.toFixed(0)} ms |`,
	`| memory floor of the same calls: read their inputs, write their ${columns} fresh columns (median of 3) | ${fullFloor.toFixed(0)} ms |`,
	`| the cheapest indicators per column until ≥ 45 columns: ${cheapest.length} indicators, ${sum(cheapest, 'columns')} columns, sum of their alone times | ${sum(cheapest, 'ms').toFixed(0)} ms (floor ${sum(cheapest, 'floor').toFixed(0)} ms) |`,
	`| streaming update of all of them, per bar (mean over ${STREAM_BARS.toLocaleString()} bars) | ${perBarUs.toFixed(2)} µs |`,
	`| hmm_regime alone, batch, 100,000 bars (EM refit every 63 bars on 504) | ${hmmMs.toFixed(0)} ms |`,
	'',
	`| Registry indicator alone (1M bars, defaults, median of 3) | columns | ms | memory floor ms |`,
	`|---|---:|---:|---:|`,
	...[...each]
		.sort((a, b) => b.ms - a.ms)
		.map((e) => `| \`${e.id}\` | ${e.columns} | ${fmt(e.ms)} | ${fmt(e.floor)} |`)
].join('\n');
console.log(table);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
	'bench/results/indicators.json',
	JSON.stringify(
		{
			machine: `${cpus()[0]?.model} × ${cpus().length}`,
			node: process.version,
			bars: BARS,
			rows,
			full_ms: full,
			full_floor_ms: fullFloor,
			each,
			cheapest_45: cheapest.map((e) => e.id),
			columns,
			stream_us_per_bar: perBarUs
		},
		null,
		2
	)
);
