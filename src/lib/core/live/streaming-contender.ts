import { compile, evaluateAst, warmupOf } from '../expr';
import type { OhlcvSeries } from '../ohlcv';
import { err, ok, type Result } from '../result';
import { targetOf } from '../arena/expression-contender';
import type { LiveBar } from './paper-account';

/** A contender fed bar by bar: `next(bar)` returns the target decided at that bar's close. */
export interface StreamingContender {
	id: string;
	label: string;
	next(bar: LiveBar): number;
}

/** Always fully long: the streaming buy-and-hold benchmark. */
export function streamingBuyAndHold(id = 'buy-and-hold'): StreamingContender {
	return { id, label: 'Buy & hold', next: () => 1 };
}

/**
 * An expression strategy on a live feed. The expression language has no incremental evaluator, so
 * each bar re-evaluates the expression on a rolling buffer of the last `warmup + 1 + slack` bars
 * (`warmupOf`) and keeps the last value. For window-based operators (Mean, Std, Ref, Max, …) this is
 * the batch value up to float rounding of the rolling sums; operators with infinite memory (EMA) see
 * a truncated history, which the slack (default 200 bars) makes negligible.
 *
 * @example
 * const c = streamingExpression({ id: 'mom', label: 'Momentum', source: '$close / Ref($close, 20) - 1', threshold: 0, allowShort: false });
 */
export function streamingExpression(spec: {
	id: string;
	label: string;
	source: string;
	threshold: number;
	allowShort: boolean;
	slack?: number;
}): Result<StreamingContender & { lastSignal(): number }> {
	const ast = compile(spec.source);
	if (!ast.ok) return err('bad_input', `${spec.label}: ${ast.message}`);
	const capacity = warmupOf(ast.value) + 1 + (spec.slack ?? 200);
	const buffer: LiveBar[] = [];
	let signal = NaN;
	return ok({
		id: spec.id,
		label: spec.label,
		next(bar) {
			buffer.push(bar);
			if (buffer.length > capacity) buffer.shift();
			const values = evaluateAst(ast.value, seriesOf(buffer));
			signal = values[values.length - 1];
			return targetOf(signal, spec.threshold, spec.allowShort);
		},
		lastSignal: () => signal
	});
}

function seriesOf(bars: readonly LiveBar[]): OhlcvSeries {
	const col = (k: keyof LiveBar) => Float64Array.from(bars, (b) => b[k]);
	return {
		symbol: 'LIVE',
		time: col('time'),
		open: col('open'),
		high: col('high'),
		low: col('low'),
		close: col('close'),
		volume: col('volume')
	};
}
