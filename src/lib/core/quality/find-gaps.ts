import type { RawBars } from '../data/raw-bars';
import { countWeekdays, dayOfWeek } from './count-weekdays';
import { median } from './median';
import { timeOrder } from './time-order';

const DAY_MS = 86_400_000;
/**
 * A spacing within 0.8–1.2 days is daily. Not wider: R's business-time series (EuStockMarkets: 260
 * bars a year, 1.4 days apart) are evenly spaced and have no calendar to check against.
 */
const DAILY_FROM = 0.8;
const DAILY_TO = 1.2;
/** Above this share of bars on Saturdays and Sundays a daily market trades weekends (crypto: 2/7). */
const WEEKEND_OPEN_SHARE = 0.1;

/**
 * How missing bars are counted:
 * - `business_days` (daily data, weekends closed): the Monday–Friday dates strictly between two
 *   consecutive bars' UTC dates are missing; a weekend is never a gap.
 * - `calendar_days` (daily data that trades weekends): every date strictly between them.
 * - `spacing` (weekly and slower, or any data given an `expectedSpacingMs` that is not daily):
 *   round(Δt / spacing) − 1 bars are missing, so a gap starts at 1.5 spacings.
 * - `intraday_spacing` (spacing under 0.8 days): as `spacing`, but only between bars on the same UTC
 *   date, since sessions close overnight and at weekends; whole missing days are not detected.
 */
export type GapRule = 'business_days' | 'calendar_days' | 'spacing' | 'intraday_spacing';

/** A stretch of missing bars, ending at the bar `row` (its source row or index). */
export interface Gap {
	row: number;
	/** Times (ms UTC) of the bars either side of the gap. */
	from: number;
	to: number;
	/** How many bars are missing, by the rule in force. */
	missing: number;
}

export interface FindGapsOptions {
	/** The bar spacing; by default the median of the positive time steps. 0.8–1.2 days means daily. */
	expectedSpacingMs?: number;
	/** Whether a daily market trades at weekends; by default `open` when over 10% of bars fall on one. */
	weekends?: 'open' | 'closed';
	/**
	 * Gaps of at most this many missing bars are counted apart as `shortGaps` (exchange holidays, which
	 * close a market for one weekday at a time) instead of as gaps. Default 1 under `business_days`,
	 * else 0.
	 */
	holidayTolerance?: number;
}

export interface GapFindings {
	rule: GapRule;
	/** NaN when the bars have fewer than two distinct times. */
	spacingMs: number;
	spacingInferred: boolean;
	/** Gaps longer than the holiday tolerance, in time order. */
	gaps: Gap[];
	/** Gaps within the holiday tolerance. */
	shortGaps: number;
	/** Missing bars over all `gaps`. */
	missingBars: number;
}

/**
 * Finds missing bars between consecutive distinct times (in time order, whatever the file order),
 * with the rule that fits the data's spacing (see `GapRule`). `order` is `timeOrder(raw)` when the
 * caller has it.
 *
 * @example
 * findGaps(raw).gaps; // [{ row: 40, from: …, to: …, missing: 3 }] for three missing weekdays
 */
export function findGaps(
	raw: RawBars,
	opts: FindGapsOptions = {},
	order: readonly number[] = timeOrder(raw)
): GapFindings {
	const time = raw.time;
	const steps = new Float64Array(Math.max(0, order.length - 1));
	let stepCount = 0;
	for (let k = 1; k < order.length; k++) {
		const d = time[order[k]] - time[order[k - 1]];
		if (d > 0) steps[stepCount++] = d;
	}
	const spacingMs = opts.expectedSpacingMs ?? median(steps.subarray(0, stepCount));
	const daily = spacingMs >= DAILY_FROM * DAY_MS && spacingMs <= DAILY_TO * DAY_MS;
	let rule: GapRule = 'spacing';
	if (daily) {
		let weekendBars = 0;
		for (const i of order) {
			const w = dayOfWeek(Math.floor(raw.time[i] / DAY_MS));
			if (w === 0 || w === 6) weekendBars++;
		}
		const weekends =
			opts.weekends ?? (weekendBars > WEEKEND_OPEN_SHARE * order.length ? 'open' : 'closed');
		rule = weekends === 'closed' ? 'business_days' : 'calendar_days';
	} else if (spacingMs < DAILY_FROM * DAY_MS) rule = 'intraday_spacing';
	const tolerance = opts.holidayTolerance ?? (rule === 'business_days' ? 1 : 0);

	const findings: GapFindings = {
		rule,
		spacingMs,
		spacingInferred: opts.expectedSpacingMs === undefined,
		gaps: [],
		shortGaps: 0,
		missingBars: 0
	};
	if (!(spacingMs > 0)) return findings;
	for (let k = 1; k < order.length; k++) {
		const from = time[order[k - 1]];
		const to = time[order[k]];
		if (to <= from) continue;
		const dayFrom = Math.floor(from / DAY_MS);
		const dayTo = Math.floor(to / DAY_MS);
		let missing: number;
		if (rule === 'business_days') missing = countWeekdays(dayFrom + 1, dayTo);
		else if (rule === 'calendar_days') missing = Math.max(0, dayTo - dayFrom - 1);
		else if (rule === 'intraday_spacing' && dayFrom !== dayTo) missing = 0;
		else missing = Math.round((to - from) / spacingMs) - 1;
		if (missing <= 0) continue;
		if (missing <= tolerance) {
			findings.shortGaps++;
			continue;
		}
		findings.gaps.push({ row: raw.origin[order[k]], from, to, missing });
		findings.missingBars += missing;
	}
	return findings;
}
