import { compile, evaluateAst } from '../expr';
import type { OhlcvSeries } from '../ohlcv';
import { err, ok, type Result } from '../result';
import type { Contender } from './contender';

export interface ExpressionStrategy {
	id: string;
	label: string;
	/**
	 * An expression of `core/expr` with `{name}` placeholders for grid parameters, e.g.
	 * `Mean($close, {fast}) / Mean($close, {slow}) - 1`.
	 */
	template: string;
	/** Values per placeholder; the grid is their Cartesian product. Empty = a fixed expression. */
	grid: Record<string, readonly number[]>;
	/** Long where the signal is above +threshold, short below −threshold (flat if !allowShort). */
	threshold: number;
	allowShort: boolean;
}

/** Fills `{name}` placeholders: `fillTemplate('Mean($close, {n})', { n: 5 })` → `Mean($close, 5)`. */
export function fillTemplate(template: string, params: Record<string, number>): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}

/** The Cartesian product of a grid, in the order the names are listed (last name varies fastest). */
export function gridPoints(grid: Record<string, readonly number[]>): Record<string, number>[] {
	let points: Record<string, number>[] = [{}];
	for (const [name, values] of Object.entries(grid))
		points = points.flatMap((p) => values.map((v) => ({ ...p, [name]: v })));
	return points;
}

/** The signal → target rule shared by the batch and the live arena. */
export function targetOf(signal: number, threshold: number, allowShort: boolean): number {
	if (signal > threshold) return 1;
	if (signal < -threshold) return allowShort ? -1 : 0;
	return 0; // NaN (warm-up) lands here too: flat
}

/**
 * A contender from an expression strategy: one candidate per grid point (each compiled once and
 * evaluated once per series, then sliced per window), or a single fixed expression. Every filled
 * expression is compiled up front, so a typo is reported before the session starts.
 *
 * @example
 * expressionContender({ id: 'sma', label: 'SMA cross', template: 'Mean($close,{f})/Mean($close,{s})-1',
 * 	grid: { f: [5, 10], s: [50] }, threshold: 0, allowShort: false }); // ok, 2 candidates
 */
export function expressionContender(strategy: ExpressionStrategy): Result<Contender> {
	const points = gridPoints(strategy.grid);
	const variants: Contender[] = [];
	for (const params of points) {
		const source = fillTemplate(strategy.template, params);
		const ast = compile(source);
		if (!ast.ok) return err('bad_input', `${strategy.label}: ${ast.message}`);
		const tag = Object.entries(params)
			.map(([k, v]) => `${k}=${v}`)
			.join(', ');
		// The whole series is evaluated once per candidate; windows slice it (expressions are causal).
		let cached: { series: OhlcvSeries; values: Float64Array } | null = null;
		variants.push({
			id: tag ? `${strategy.id}[${tag}]` : strategy.id,
			label: tag ? `${strategy.label} (${tag})` : strategy.label,
			kind: 'expression',
			targets(bars, window) {
				if (cached?.series !== bars)
					cached = { series: bars, values: evaluateAst(ast.value, bars) };
				const out = new Float64Array(window.end - window.start);
				for (let i = 0; i < out.length; i++)
					out[i] = targetOf(
						cached.values[window.start + i],
						strategy.threshold,
						strategy.allowShort
					);
				return out;
			}
		});
	}
	if (variants.length === 1) return ok({ ...variants[0], id: strategy.id, label: strategy.label });
	return ok({
		id: strategy.id,
		label: strategy.label,
		kind: 'expression',
		targets: (bars, window) => variants[0].targets(bars, window),
		candidates: variants
	});
}
