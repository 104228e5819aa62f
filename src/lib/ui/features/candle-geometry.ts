/**
 * Pure geometry for the feature chart: candles on a price panel with price-scale overlays (SMA,
 * Bollinger bands…) and a sub-panel for oscillators (RSI, MACD…). d3 computes scales and paths; the
 * Svelte component only renders them, so this is testable without a DOM.
 */
import { extent, line, scaleLinear } from 'd3';

export interface Bars {
	time: ArrayLike<number>;
	open: ArrayLike<number>;
	high: ArrayLike<number>;
	low: ArrayLike<number>;
	close: ArrayLike<number>;
}

export interface Overlay {
	name: string;
	values: ArrayLike<number>;
	color: string;
}

export interface Candle {
	x: number;
	width: number;
	bodyY: number;
	bodyHeight: number;
	wickTop: number;
	wickBottom: number;
	up: boolean;
}

export interface PanelPath {
	name: string;
	color: string;
	d: string;
}

/**
 * True when a column lives on the price scale: its median ratio to close (over finite rows) is in
 * [0.75, 1.33]. Moving averages and bands pass; oscillators (RSI 0–100, returns near 0) do not. A
 * data-driven rule, so expressions are classified as well as registry indicators.
 *
 * @example
 * isPriceScale(sma, close); // true
 * isPriceScale(rsi, close); // false unless the price happens to be near 50
 */
export function isPriceScale(values: ArrayLike<number>, close: ArrayLike<number>): boolean {
	const ratios: number[] = [];
	for (let i = 0; i < values.length; i++) {
		const r = values[i] / close[i];
		if (Number.isFinite(r)) ratios.push(r);
	}
	if (ratios.length === 0) return false;
	ratios.sort((a, b) => a - b);
	const median = ratios[Math.floor(ratios.length / 2)];
	return median >= 0.75 && median <= 1.33;
}

function finiteExtent(columns: ArrayLike<number>[]): [number, number] | null {
	let lo = Infinity;
	let hi = -Infinity;
	for (const c of columns) {
		const [a, b] = extent(Array.from(c).filter(Number.isFinite));
		if (a !== undefined && b !== undefined) {
			lo = Math.min(lo, a);
			hi = Math.max(hi, b);
		}
	}
	return lo <= hi ? [lo, hi === lo ? lo + 1 : hi] : null;
}

function paths(
	overlays: Overlay[],
	x: (i: number) => number,
	y: (v: number) => number
): PanelPath[] {
	return overlays.map((o) => ({
		name: o.name,
		color: o.color,
		// NaN (warm-up) leaves a gap instead of a line to zero.
		d:
			line<number>()
				.defined((i) => Number.isFinite(o.values[i]))
				.x(x)
				.y((i) => y(o.values[i]))(Array.from({ length: o.values.length }, (_, i) => i)) ?? ''
	}));
}

export interface CandleChartGeometry {
	candles: Candle[];
	pricePaths: PanelPath[];
	oscillatorPaths: PanelPath[];
	priceTicks: { y: number; label: string }[];
	oscillatorTicks: { y: number; label: string }[];
	/** y range of each panel in SVG units. */
	pricePanel: [number, number];
	oscillatorPanel: [number, number] | null;
}

/**
 * Candles and overlays for `bars` in a `width` × `height` box: the price panel takes the top 70 %
 * when there are oscillators, all of it otherwise.
 */
export function candleChartGeometry(
	bars: Bars,
	overlays: Overlay[],
	frame: { width: number; height: number; left: number; right: number; top: number; bottom: number }
): CandleChartGeometry {
	const n = bars.close.length;
	const price = overlays.filter((o) => isPriceScale(o.values, bars.close));
	const oscillators = overlays.filter((o) => !price.includes(o));
	const inner = frame.height - frame.top - frame.bottom;
	const split = oscillators.length > 0 ? frame.top + inner * 0.7 : frame.height - frame.bottom;
	const pricePanel: [number, number] = [frame.top, split];
	const oscillatorPanel: [number, number] | null =
		oscillators.length > 0 ? [split + 12, frame.height - frame.bottom] : null;
	const xs = scaleLinear()
		.domain([0, Math.max(1, n)])
		.range([frame.left, frame.width - frame.right]);
	const step = (frame.width - frame.left - frame.right) / Math.max(1, n);
	const center = (i: number) => xs(i) + step / 2;
	const priceDomain = finiteExtent([bars.low, bars.high, ...price.map((o) => o.values)]) ?? [0, 1];
	const yPrice = scaleLinear().domain(priceDomain).range([split, frame.top]).nice();
	const candles: Candle[] = [];
	for (let i = 0; i < n; i++) {
		const o = bars.open[i];
		const c = bars.close[i];
		if (!Number.isFinite(o) || !Number.isFinite(c)) continue;
		const top = yPrice(Math.max(o, c));
		candles.push({
			x: xs(i) + step * 0.15,
			width: Math.max(1, step * 0.7),
			bodyY: top,
			bodyHeight: Math.max(1, yPrice(Math.min(o, c)) - top),
			wickTop: yPrice(bars.high[i]),
			wickBottom: yPrice(bars.low[i]),
			up: c >= o
		});
	}
	const format = (v: number) => (Math.abs(v) >= 1000 ? v.toFixed(0) : v.toPrecision(4));
	let oscillatorPaths: PanelPath[] = [];
	let oscillatorTicks: { y: number; label: string }[] = [];
	if (oscillatorPanel) {
		const domain = finiteExtent(oscillators.map((o) => o.values)) ?? [0, 1];
		const yOsc = scaleLinear()
			.domain(domain)
			.range([oscillatorPanel[1], oscillatorPanel[0]])
			.nice();
		oscillatorPaths = paths(oscillators, center, yOsc);
		oscillatorTicks = yOsc.ticks(3).map((v) => ({ y: yOsc(v), label: format(v) }));
	}
	return {
		candles,
		pricePaths: paths(price, center, yPrice),
		oscillatorPaths,
		priceTicks: yPrice.ticks(5).map((v) => ({ y: yPrice(v), label: format(v) })),
		oscillatorTicks,
		pricePanel,
		oscillatorPanel
	};
}
