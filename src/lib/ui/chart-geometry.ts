/**
 * Pure chart geometry with d3: scales, ticks and SVG paths for line charts. Components only render
 * what this returns, so the maths is testable without a DOM.
 */
import { extent, scaleLinear, scaleUtc, line, utcFormat, utcYear, format } from 'd3';

export interface LineSeries {
	name: string;
	x: ArrayLike<number>;
	y: ArrayLike<number>;
	color: string;
}

export interface ChartGeometry {
	paths: { name: string; color: string; d: string; points: { x: number; y: number }[] }[];
	xTicks: { x: number; label: string }[];
	yTicks: { y: number; label: string }[];
	empty: boolean;
}

const TWO_YEARS_MS = 2 * 365.25 * 86_400_000;

/** Over more than two years, ticks fall on whole years so labels never repeat or crowd. */
function timeTicks(x0: number, x1: number): Date[] {
	const domain = scaleUtc().domain([new Date(x0), new Date(x1)]);
	if (x1 - x0 <= TWO_YEARS_MS) return domain.ticks(5);
	const years = new Date(x1).getUTCFullYear() - new Date(x0).getUTCFullYear();
	const step = Math.max(1, Math.ceil(years / 5));
	return domain.ticks(utcYear.every(step)!);
}

const timeLabel = (x0: number, x1: number) => utcFormat(x1 - x0 > TWO_YEARS_MS ? '%Y' : '%Y-%m');

/** Series with at most this many finite points are drawn with markers as well as a line. */
const MARKER_LIMIT = 60;

export interface Frame {
	width: number;
	height: number;
	margin: { top: number; right: number; bottom: number; left: number };
	xKind: 'time' | 'linear';
	yFormat?: string;
}

/** Non-finite points break the line rather than dragging it to zero (warm-up NaNs stay visible gaps). */
export function lineChartGeometry(series: LineSeries[], frame: Frame): ChartGeometry {
	const { width, height, margin } = frame;
	const xs: number[] = [];
	const ys: number[] = [];
	for (const s of series) {
		for (let i = 0; i < s.x.length; i++) {
			if (Number.isFinite(s.y[i]) && Number.isFinite(s.x[i])) {
				xs.push(s.x[i]);
				ys.push(s.y[i]);
			}
		}
	}
	if (xs.length === 0) return { paths: [], xTicks: [], yTicks: [], empty: true };
	let [x0, x1] = extent(xs) as [number, number];
	// A single x (one epoch, one bar) still needs a non-empty domain to place its point.
	if (x0 === x1) [x0, x1] = [x0 - 1, x1 + 1];
	let [y0, y1] = extent(ys) as [number, number];
	if (y0 === y1) [y0, y1] = [y0 - 1, y1 + 1];
	const range: [number, number] = [margin.left, width - margin.right];
	const x =
		frame.xKind === 'time'
			? scaleUtc()
					.domain([new Date(x0), new Date(x1)])
					.range(range)
			: scaleLinear().domain([x0, x1]).range(range);
	const y = scaleLinear()
		.domain([y0, y1])
		.nice()
		.range([height - margin.bottom, margin.top]);
	const xAt = (v: number) => (frame.xKind === 'time' ? x(new Date(v) as never) : x(v as never));
	const paths = series.map((s) => {
		const gen = line<number>()
			.defined((i) => Number.isFinite(s.y[i]) && Number.isFinite(s.x[i]))
			.x((i) => xAt(s.x[i]))
			.y((i) => y(s.y[i]));
		const all = Array.from({ length: s.x.length }, (_, i) => i);
		const finite = all.filter((i) => Number.isFinite(s.y[i]) && Number.isFinite(s.x[i]));
		// Short series (a few epochs) get point markers: a lone point draws no line at all.
		const points =
			finite.length <= MARKER_LIMIT ? finite.map((i) => ({ x: xAt(s.x[i]), y: y(s.y[i]) })) : [];
		return { name: s.name, color: s.color, d: gen(all) ?? '', points };
	});
	const fmtY = format(frame.yFormat ?? '~s');
	const xTicks =
		frame.xKind === 'time'
			? timeTicks(x0, x1).map((d) => ({ x: xAt(d.getTime()), label: timeLabel(x0, x1)(d) }))
			: scaleLinear()
					.domain([x0, x1])
					.ticks(6)
					.map((v) => ({ x: xAt(v), label: format('~s')(v) }));
	const yTicks = y.ticks(5).map((v) => ({ y: y(v), label: fmtY(v) }));
	return { paths, xTicks, yTicks, empty: false };
}
