/** GPU plans for the relation and calendar indicators. */
import { PlanBuilder, rd, type Col, type GpuPlan } from '../plan';
import { central, field, logReturns, sma } from './building-blocks';

/** Both series' one-bar log returns and their window means (from row w). */
function returnPair(b: PlanBuilder) {
	const w = b.ip('window');
	const x = logReturns(b, field(b, 'close'));
	const y = logReturns(b, field(b, 'other_close'));
	return { w, x, y, mx: sma(b, x, w), my: sma(b, y, w) };
}

const cross = (x: Col, y: Col, mx: Col, my: Col, w: string) =>
	`wcross(${x.index}u, ${y.index}u, t, ${w}, ${rd(mx)}, ${rd(my)})`;

export function rollingCorrelationPlan(): GpuPlan {
	const b = new PlanBuilder('rolling_correlation', ['window']);
	const { w, x, y, mx, my } = returnPair(b);
	const sxx = b.map(mx.start, central(x, mx, w, 2));
	const syy = b.map(mx.start, central(y, my, w, 2));
	const corr = b.map(mx.start, `${cross(x, y, mx, my, w)} / sqrt(${rd(sxx)} * ${rd(syy)})`);
	return b.build([{ col: corr, nanWhen: `${rd(sxx)} == 0.0 || ${rd(syy)} == 0.0` }]);
}

export function rollingBetaPlan(): GpuPlan {
	const b = new PlanBuilder('rolling_beta', ['window']);
	const { w, x, y, mx, my } = returnPair(b);
	const syy = b.map(mx.start, central(y, my, w, 2));
	const beta = b.map(mx.start, `${cross(x, y, mx, my, w)} / ${rd(syy)}`);
	return b.build([{ col: beta, nanWhen: `${rd(syy)} == 0.0` }]);
}

/**
 * Calendar features from the UTC day number (exact in f32, see `pack-inputs.ts`), with Hinnant's
 * civil_from_days in i32 arithmetic. The last-business-day flag needs only the weekday and the days
 * left in the month: a Mon–Thu is last when the month ends today, a Friday when it ends within 2 days.
 */
export function calendarPlan(): GpuPlan {
	const b = new PlanBuilder('calendar', []);
	const day = field(b, 'utc_day');
	const days = `i32(${rd(day)})`;
	// 1970-01-01 was a Thursday (weekday 3 with Monday = 0).
	const dow = b.map('0', `f32(((${days} % 7) + 7 + 3) % 7)`);
	const z = `(${days} + 719468)`;
	const era = `(select(${z}, ${z} - 146096, ${z} < 0) / 146097)`;
	const doe = `(${z} - ${era} * 146097)`;
	const yoe = `((${doe} - ${doe} / 1460 + ${doe} / 36524 - ${doe} / 146096) / 365)`;
	const doy = `(${doe} - (365 * ${yoe} + ${yoe} / 4 - ${yoe} / 100))`;
	const mp = `((5 * ${doy} + 2) / 153)`;
	const dom = b.map('0', `f32(${doy} - (153 * ${mp} + 2) / 5 + 1)`);
	const month = b.map('0', `f32(select(${mp} - 9, ${mp} + 3, ${mp} < 10))`);
	const year = `(${yoe} + ${era} * 400 + select(0, 1, ${rd(month)} <= 2.0))`;
	const leap = `((${year} % 4 == 0 && ${year} % 100 != 0) || ${year} % 400 == 0)`;
	const m = `i32(${rd(month)})`;
	const monthDays = `select(select(31, 30, ${m} == 4 || ${m} == 6 || ${m} == 9 || ${m} == 11), select(28, 29, ${leap}), ${m} == 2)`;
	const left = `(${monthDays} - i32(${rd(dom)}))`;
	const wd = `i32(${rd(dow)})`;
	const monthEnd = b.map(
		'0',
		`select(0.0, 1.0, (${wd} < 4 && ${left} == 0) || (${wd} == 4 && ${left} < 3))`
	);
	// sin/cos from tables computed in f64 here: WGSL only promises 2⁻¹¹ absolute error for sin/cos
	// (SwiftShader was off by 1.8e-4), while the table is exact to f32 rounding.
	const table = (f: (a: number) => number, n: number) =>
		`array<f32, ${n}>(${Array.from({ length: n }, (_, i) => f((2 * Math.PI * i) / n).toPrecision(9)).join(', ')})`;
	const dowAt = (f: (a: number) => number) => `${table(f, 7)}[u32(${rd(dow)})]`;
	const monthAt = (f: (a: number) => number) => `${table(f, 12)}[u32(${rd(month)}) - 1u]`;
	return b.build([
		{ col: dow },
		{ col: month },
		{ col: dom },
		{ col: monthEnd },
		{ col: b.map('0', dowAt(Math.sin)) },
		{ col: b.map('0', dowAt(Math.cos)) },
		{ col: b.map('0', monthAt(Math.sin)) },
		{ col: b.map('0', monthAt(Math.cos)) }
	]);
}
