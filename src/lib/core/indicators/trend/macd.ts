import { ema } from '../../features/ema';
import { defineIndicator } from './define-indicator';
import { EmaState } from './ema-state';
import { intParam } from './int-param';

/**
 * Moving average convergence/divergence (Appel 1979, "The Moving Average Convergence-Divergence
 * Trading Method"): line = EMA_fast − EMA_slow, signal = EMA_signal(line), hist = line − signal.
 * Every EMA is seeded with the SMA of its first inputs (TTR's `MACD(percent = FALSE)`). TA-Lib's
 * MACD seeds the fast EMA later so that both EMAs start together; its early values differ.
 */
export const macd = defineIndicator({
	id: 'macd',
	name: 'MACD (Appel)',
	category: 'trend',
	inputs: ['close'],
	params: [
		intParam('fast', 12, 'Fast EMA span (Appel 12).'),
		intParam('slow', 26, 'Slow EMA span (Appel 26).'),
		intParam('signal', 9, 'Signal EMA span (Appel 9).')
	],
	outputs: ['macd', 'signal', 'hist'],
	warmup: (p) => Math.max(p.fast, p.slow) - 1 + p.signal - 1,
	kernel(p) {
		const fast = new EmaState(p.fast);
		const slow = new EmaState(p.slow);
		const signal = new EmaState(p.signal);
		return {
			step(bar, out) {
				const line = fast.next(bar.close) - slow.next(bar.close);
				const sig = signal.next(line);
				out[0] = line;
				out[1] = sig;
				out[2] = line - sig;
			}
		};
	},
	batch(s, p) {
		const f = ema(s.close, p.fast);
		const sl = ema(s.close, p.slow);
		const line = new Float64Array(f.length);
		for (let i = 0; i < line.length; i++) line[i] = f[i] - sl[i];
		const sig = ema(line, p.signal);
		const hist = new Float64Array(f.length);
		for (let i = 0; i < hist.length; i++) hist[i] = line[i] - sig[i];
		return [line, sig, hist];
	},
	definition:
		'MACD = EMA_fast(C) − EMA_slow(C); signal = EMA_signal(MACD) seeded on MACD’s first `signal` values; hist = MACD − signal. All three outputs start together: warm-up max(fast, slow) − 1 + signal − 1 bars (33 at 12/26/9).',
	reference:
		'Appel 1979; Appel 2005, "Technical Analysis: Power Tools for Active Investors". Tested against TTR::MACD(percent = FALSE) on the TTR ttrc daily dataset (scripts/fixtures/ttr-trend-momentum.R).'
});
