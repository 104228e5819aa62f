/** GPU plans for the returns and rolling-statistics indicators (CPU twins: core/indicators/statistics). */
import { PlanBuilder, rd, type Col, type GpuPlan } from '../plan';
import { central, field, lagged, sampleStd, sma, sourceColumn } from './building-blocks';

export function simpleReturnPlan(): GpuPlan {
	const b = new PlanBuilder('simple_return', ['period']);
	const k = b.ip('period');
	const close = field(b, 'close');
	return b.build([{ col: b.map(k, `${rd(close)} / ${lagged(close, k)} - 1.0`) }]);
}

/** ln of the price ratio, not a difference of logs: the ratio is exact to ~1 ulp, so is its log. */
export function logReturnPlan(): GpuPlan {
	const b = new PlanBuilder('log_return', ['period']);
	const k = b.ip('period');
	const close = field(b, 'close');
	return b.build([{ col: b.map(k, `log(${rd(close)} / ${lagged(close, k)})`) }]);
}

/** A rolling statistic over `source` (close or log return) for window parameter `window`. */
function rolling(
	id: string,
	extra: string[],
	make: (b: PlanBuilder, x: Col, w: string) => { col: Col; nanWhen?: string }
): GpuPlan {
	const b = new PlanBuilder(id, ['window', ...extra, 'source']);
	const x = sourceColumn(b, field(b, 'close'));
	return b.build([make(b, x, b.ip('window'))]);
}

const windowStart = (x: Col, w: string) => `${x.start} + ${w} - 1`;

export const rollingMeanPlan = () =>
	rolling('rolling_mean', [], (b, x, w) => ({ col: sma(b, x, w) }));

export const rollingStdPlan = () =>
	rolling('rolling_std', [], (b, x, w) => ({ col: sampleStd(b, x, w).std }));

export const rollingMinPlan = () =>
	rolling('rolling_min', [], (b, x, w) => ({
		col: b.map(windowStart(x, w), `wmin(${x.index}u, t, ${w})`)
	}));

export const rollingMaxPlan = () =>
	rolling('rolling_max', [], (b, x, w) => ({
		col: b.map(windowStart(x, w), `wmax(${x.index}u, t, ${w})`)
	}));

/** Order statistics by rank counting: O(w²) per bar, meant for windows up to a few hundred. */
export const rollingMedianPlan = () =>
	rolling('rolling_median', [], (b, x, w) => ({
		col: b.map(
			windowStart(x, w),
			`select(wkth(${x.index}u, t, ${w}, (${w} - 1) / 2), 0.5 * (wkth(${x.index}u, t, ${w}, ${w} / 2 - 1) + wkth(${x.index}u, t, ${w}, ${w} / 2)), ${w} % 2 == 0)`
		)
	}));

/** Hyndman & Fan type 7: h = (w − 1) q, linear between the neighbouring order statistics. */
export const rollingQuantilePlan = () =>
	rolling('rolling_quantile', ['q'], (b, x, w) => {
		const h = `(f32(${w} - 1) * ${b.p('q')})`;
		const lo = `i32(floor(${h}))`;
		const at = (k: string) => `wkth(${x.index}u, t, ${w}, ${k})`;
		return {
			col: b.map(
				windowStart(x, w),
				`${at(lo)} + (${h} - floor(${h})) * (${at(`min(${lo} + 1, ${w} - 1)`)} - ${at(lo)})`
			)
		};
	});

/** Central moments m₂, m₃ or m₄ (÷ n) around a two-pass mean. */
function moment(b: PlanBuilder, x: Col, mean: Col, w: string, k: number): Col {
	return b.map(mean.start, `${central(x, mean, w, k)} / f32(${w})`);
}

export const rollingSkewPlan = () =>
	rolling('rolling_skew', [], (b, x, w) => {
		const mean = sma(b, x, w);
		const m2 = moment(b, x, mean, w, 2);
		const m3 = moment(b, x, mean, w, 3);
		const n = `f32(${w})`;
		return {
			col: b.map(
				mean.start,
				`sqrt(${n} * (${n} - 1.0)) / (${n} - 2.0) * ${rd(m3)} / pow(${rd(m2)}, 1.5)`
			),
			nanWhen: `${rd(m2)} == 0.0`
		};
	});

export const rollingKurtosisPlan = () =>
	rolling('rolling_kurtosis', [], (b, x, w) => {
		const mean = sma(b, x, w);
		const m2 = moment(b, x, mean, w, 2);
		const m4 = moment(b, x, mean, w, 4);
		const n = `f32(${w})`;
		return {
			col: b.map(
				mean.start,
				`(${n} - 1.0) / ((${n} - 2.0) * (${n} - 3.0)) * ((${n} + 1.0) * ${rd(m4)} / (${rd(m2)} * ${rd(m2)}) - 3.0 * (${n} - 1.0))`
			),
			nanWhen: `${rd(m2)} == 0.0`
		};
	});

/** z of the newest value against its own window (sample deviation); NaN when it is 0. */
export function zscoreOf(b: PlanBuilder, x: Col, w: string): { col: Col; nanWhen: string } {
	const { mean, std } = sampleStd(b, x, w);
	return {
		col: b.map(mean.start, `(${rd(x)} - ${rd(mean)}) / ${rd(std)}`),
		nanWhen: `${rd(std)} == 0.0`
	};
}

export const rollingZscorePlan = () => rolling('rolling_zscore', [], zscoreOf);
