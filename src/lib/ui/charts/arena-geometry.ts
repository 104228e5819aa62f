/**
 * Pure geometry of the arena charts with d3 (scales, areas, rectangles, markers); the components in
 * this folder only render it, so it is testable without a DOM.
 */
import { area, format, line, max, min, scaleLinear, scaleUtc, utcFormat } from 'd3';

export interface Box {
	width: number;
	height: number;
	margin: { top: number; right: number; bottom: number; left: number };
}

export interface Tick {
	at: number;
	label: string;
}

const idx = (n: number) => Array.from({ length: n }, (_, i) => i);

function yScale(lo: number, hi: number, box: Box) {
	if (!(hi > lo)) [lo, hi] = [lo - 1, hi + 1];
	return scaleLinear()
		.domain([lo, hi])
		.nice()
		.range([box.height - box.margin.bottom, box.margin.top]);
}

const yTicksOf = (y: ReturnType<typeof yScale>, fmt: string): Tick[] =>
	y.ticks(5).map((v) => ({ at: y(v), label: format(fmt)(v) }));

/** A Monte-Carlo fan: the 5–95 % and 25–75 % bands as areas and the median as a line. */
export function fanGeometry(bands: readonly ArrayLike<number>[], box: Box) {
	const steps = bands[2].length;
	const x = scaleLinear()
		.domain([0, Math.max(1, steps - 1)])
		.range([box.margin.left, box.width - box.margin.right]);
	const y = yScale(min(Array.from(bands[0])) ?? 0, max(Array.from(bands[4])) ?? 1, box);
	const band = (lo: ArrayLike<number>, hi: ArrayLike<number>) =>
		area<number>()
			.x((i) => x(i))
			.y0((i) => y(lo[i]))
			.y1((i) => y(hi[i]))(idx(steps)) ?? '';
	return {
		outer: band(bands[0], bands[4]),
		inner: band(bands[1], bands[3]),
		median:
			line<number>()
				.x((i) => x(i))
				.y((i) => y(bands[2][i]))(idx(steps)) ?? '',
		xTicks: x.ticks(6).map((v) => ({ at: x(v), label: format('~s')(v) })),
		yTicks: yTicksOf(y, '.2f')
	};
}

/** Bars of a histogram with equal-width bins over [lo, hi]. */
export function histogramGeometry(
	h: { lo: number; hi: number; counts: ArrayLike<number> },
	box: Box
) {
	const bins = h.counts.length;
	const x = scaleLinear()
		.domain([h.lo, h.hi])
		.range([box.margin.left, box.width - box.margin.right]);
	const y = yScale(0, max(Array.from(h.counts)) ?? 1, box);
	const width = (h.hi - h.lo) / bins;
	const bars = idx(bins).map((b) => {
		const x0 = x(h.lo + b * width);
		const x1 = x(h.lo + (b + 1) * width);
		return {
			x: x0,
			width: Math.max(0.5, x1 - x0 - 1),
			y: y(h.counts[b]),
			height: y(0) - y(h.counts[b]),
			count: h.counts[b]
		};
	});
	return {
		bars,
		zeroX: h.lo < 0 && h.hi > 0 ? x(0) : null,
		xTicks: x.ticks(5).map((v) => ({ at: x(v), label: format('.1%')(v) })),
		yTicks: yTicksOf(y, '~s')
	};
}

/** Drawdown curves (values ≤ 0) as areas down from zero, one per series. */
export function drawdownGeometry(
	time: ArrayLike<number>,
	series: readonly { name: string; color: string; drawdown: ArrayLike<number> }[],
	box: Box
) {
	const n = time.length;
	const x = scaleUtc()
		.domain([new Date(time[0]), new Date(time[n - 1])])
		.range([box.margin.left, box.width - box.margin.right]);
	const lowest = min(series.map((s) => min(Array.from(s.drawdown)) ?? 0)) ?? -1;
	const y = yScale(Math.min(lowest, -0.01), 0, box);
	return {
		areas: series.map((s) => ({
			name: s.name,
			color: s.color,
			d:
				area<number>()
					.x((i) => x(new Date(time[i])))
					.y0(() => y(0))
					.y1((i) => y(s.drawdown[i]))(idx(n)) ?? ''
		})),
		xTicks: x.ticks(5).map((d) => ({ at: x(d), label: utcFormat('%Y')(d) })),
		yTicks: yTicksOf(y, '.0%')
	};
}

export interface PriceBars {
	time: ArrayLike<number>;
	open: ArrayLike<number>;
	high: ArrayLike<number>;
	low: ArrayLike<number>;
	close: ArrayLike<number>;
}

export interface Marker {
	bar: number;
	price: number;
	side: 1 | -1;
	/** Entry (a triangle pointing the trade's way) or exit (a circle). */
	kind: 'entry' | 'exit';
}

/** Bars at most drawn as candles; longer series are drawn as a close line (candles would be < 1 px). */
export const CANDLE_LIMIT = 400;

/** Candles (or a close line for long series) and trade markers on one price chart. */
export function priceGeometry(bars: PriceBars, markers: readonly Marker[], box: Box) {
	const n = bars.close.length;
	const x = scaleLinear()
		.domain([0, Math.max(1, n - 1)])
		.range([box.margin.left, box.width - box.margin.right]);
	const y = yScale(min(Array.from(bars.low)) ?? 0, max(Array.from(bars.high)) ?? 1, box);
	const step = (box.width - box.margin.left - box.margin.right) / Math.max(1, n);
	const candles =
		n <= CANDLE_LIMIT
			? idx(n).map((i) => ({
					x: x(i),
					wickTop: y(bars.high[i]),
					wickBottom: y(bars.low[i]),
					top: y(Math.max(bars.open[i], bars.close[i])),
					height: Math.max(1, Math.abs(y(bars.open[i]) - y(bars.close[i]))),
					width: Math.max(1, step * 0.7),
					up: bars.close[i] >= bars.open[i]
				}))
			: [];
	const closeLine =
		n > CANDLE_LIMIT
			? (line<number>()
					.x((i) => x(i))
					.y((i) => y(bars.close[i]))(idx(n)) ?? '')
			: '';
	const time = scaleUtc().domain([new Date(bars.time[0]), new Date(bars.time[n - 1])]);
	return {
		candles,
		closeLine,
		markers: markers
			.filter((m) => m.bar >= 0 && m.bar < n)
			.map((m) => ({ ...m, x: x(m.bar), y: y(m.price) })),
		xTicks: time.ticks(5).map((d) => ({
			at: x(
				((d.getTime() - bars.time[0]) / Math.max(1, bars.time[n - 1] - bars.time[0])) * (n - 1)
			),
			label: utcFormat('%Y-%m')(d)
		})),
		yTicks: yTicksOf(y, '.2f')
	};
}
