/**
 * An indicator's GPU batch path as data: a short list of passes over f32 columns, each column laid
 * out time-major `[bars × lanes]` (lane = series × paramSets + paramSet, so neighbouring threads read
 * neighbouring words). Passes are turned into WGSL by `codegen.ts`; a plan is a pure value, built and
 * inspected without a GPU.
 *
 * Three pass kinds cover the registry's GPU indicators:
 * - `map`: one thread per (bar, lane), an elementwise f32 expression (returns, true range, ratios…);
 * - `window`: one thread per (bar, lane) that re-reads its whole window (sums, moments, extremes,
 *   order statistics). Recomputing each window costs O(w) per bar but never drifts, parallelises
 *   over bars as well as lanes, and is the right trade for windows up to a few hundred bars;
 * - `scan`: the affine recurrence yₜ = aₜ·yₜ₋₁ + bₜ (EMA, Wilder, KAMA, cumulative sums) by a
 *   work-efficient blocked parallel scan over time (see `affine-scan.ts`).
 *
 * Warm-up is structural, not data-driven: every column carries `start`, a WGSL i32 expression of
 * the lane's parameters giving its first defined row on finite input. Rows before it are never
 * read by a correct plan, and output rows before the latest output's start are written as NaN, the
 * same warm-up the CPU path produces. Data-dependent NaNs (a zero deviation, an empty volume window)
 * are `nanWhen` conditions on the outputs. The engine only accepts finite, positive prices (see
 * `gpuInputProblem`): gaps restart the CPU path's warm-up mid-series, which this layout does not model.
 */
import type { BarField } from '../../core/indicators/indicator';

/**
 * Input fields the GPU sees: bar fields as f32, the second series' close, the UTC day number, and
 * two discrete per-bar decisions taken in f64 on the host (see `pack-inputs.ts`).
 */
export type GpuInputField =
	Exclude<BarField, 'time'> | 'other_close' | 'utc_day' | 'directional_move' | 'typical_price_move';

export const GPU_INPUT_FIELDS: readonly GpuInputField[] = [
	'open',
	'high',
	'low',
	'close',
	'volume',
	'other_close',
	'utc_day',
	'directional_move',
	'typical_price_move'
];

/** A column of the workspace: index and first defined row (WGSL i32 expression). */
export interface Col {
	readonly index: number;
	readonly start: string;
}

export interface MapPass {
	kind: 'map';
	dst: Col;
	/** f32 expression of `t` (i32 row), `rd(col, row)`, `inp(field, row)`, `prm(k)`. */
	expr: string;
}

export interface WindowPass {
	kind: 'window';
	dst: Col;
	/** Window length in rows (WGSL i32 expression). */
	window: string;
	/** Statements run once per output row, before the loop (may declare `var`s). */
	init: string;
	/** Statements run for each row `j` of the window, oldest first (`k` = 0 … w − 1 its position). */
	step: string;
	/** The f32 result after the loop. */
	result: string;
}

export interface ScanPass {
	kind: 'scan';
	dst: Col;
	/** y at row `dst.start` (f32 expression of `t`). */
	seed: string;
	/** aₜ and bₜ for rows after the seed (f32 expressions of `t`). */
	a: string;
	b: string;
}

export type Pass = MapPass | WindowPass | ScanPass;

export interface PlanOutput {
	col: Col;
	/** Row-wise condition (WGSL bool of `t`) under which the CPU path returns NaN. */
	nanWhen?: string;
}

export interface GpuPlan {
	/** Registry id this plan reproduces. */
	id: string;
	passes: Pass[];
	outputs: PlanOutput[];
	columns: number;
	/** Parameter names in the order `prm(k)` reads them. */
	params: readonly string[];
	/** Extra WGSL functions this plan's expressions call (appended to every program of the plan). */
	helpers: string;
}

/** Builds a plan; column indices are allocated in call order. */
export class PlanBuilder {
	readonly #passes: Pass[] = [];
	readonly #params: readonly string[];
	#helpers: string[] = [];
	#columns = 0;

	constructor(
		readonly id: string,
		params: readonly string[]
	) {
		this.#params = params;
	}

	/** f32 value of a parameter. */
	p(name: string): string {
		const k = this.#params.indexOf(name);
		if (k < 0) throw new Error(`${this.id}: no parameter "${name}"`);
		return `prm(${k}u)`;
	}

	/** i32 value of an integer parameter. */
	ip(name: string): string {
		return `i32(${this.p(name)})`;
	}

	#col(start: string): Col {
		return { index: this.#columns++, start };
	}

	/** Adds WGSL functions (once per distinct text) for this plan's expressions. */
	helper(code: string): void {
		if (!this.#helpers.includes(code)) this.#helpers.push(code);
	}

	/** An elementwise column defined from row `start` on. */
	map(start: string, expr: string): Col {
		const dst = this.#col(start);
		this.#passes.push({ kind: 'map', dst, expr });
		return dst;
	}

	/** A column reduced over the last `window` rows, defined from `start`. */
	window(start: string, window: string, body: Omit<WindowPass, 'kind' | 'dst' | 'window'>): Col {
		const dst = this.#col(start);
		this.#passes.push({ kind: 'window', dst, window, ...body });
		return dst;
	}

	/** yₛ = seed, yₜ = aₜ yₜ₋₁ + bₜ for t > s = `start`. */
	scan(start: string, body: Omit<ScanPass, 'kind' | 'dst'>): Col {
		const dst = this.#col(start);
		this.#passes.push({ kind: 'scan', dst, ...body });
		return dst;
	}

	build(outputs: PlanOutput[]): GpuPlan {
		return {
			id: this.id,
			passes: this.#passes,
			outputs,
			columns: this.#columns,
			params: this.#params,
			helpers: this.#helpers.join('\n')
		};
	}
}

/** WGSL read of column `c` at row expression `row`. */
export const rd = (c: Col, row = 't') => `rd(${c.index}u, ${row})`;

/** WGSL read of an input field at row expression `row`. */
export const inp = (field: GpuInputField, row = 't') =>
	`inp(${GPU_INPUT_FIELDS.indexOf(field)}u, ${row})`;

/** WGSL max of start expressions. */
export const maxStart = (...starts: string[]): string =>
	starts.reduce((a, b) => (a === b ? a : `max(${a}, ${b})`));
