import type { IndicatorDef, Params } from '../indicator';
import { RollingVariance } from '../statistics/kernels/rolling-variance';
import { bollingerBatch } from './bollinger-batch';

/** Writes middle, upper, lower, %b, bandwidth for the window ending at close `c`. */
function bands(v: RollingVariance, c: number, p: Params, out: Float64Array): void {
	if (!v.push(c)) {
		out.fill(NaN);
		return;
	}
	const sd = Math.sqrt(v.sumSquares / p.period); // population: ÷ n, as TTR and TA-Lib
	const mid = v.mean;
	const up = mid + p.k * sd;
	const dn = mid - p.k * sd;
	out[0] = mid;
	out[1] = up;
	out[2] = dn;
	out[3] = (c - dn) / (up - dn);
	out[4] = (up - dn) / mid;
}

/**
 * Bollinger bands (20, 2) on the close: SMA ± k population standard deviations, with %b and
 * BandWidth. Uses the population σ (÷ n) like TTR `BBands` and TA-Lib BBANDS, so σ here is
 * √((n − 1)/n) times `rolling_std` (sample, ÷ (n − 1)).
 */
export const bollinger: IndicatorDef = {
	id: 'bollinger',
	name: 'Bollinger bands',
	category: 'volatility',
	inputs: ['close'],
	params: [
		{
			name: 'period',
			default: 20,
			min: 1,
			max: 100_000,
			integer: true,
			description: 'Bars in the moving average and deviation'
		},
		{
			name: 'k',
			default: 2,
			min: 0,
			max: 100,
			integer: false,
			description: 'Band width in population standard deviations'
		}
	],
	outputs: ['middle', 'upper', 'lower', 'percent_b', 'bandwidth'],
	warmup: (p) => p.period - 1,
	compute: (series, p) => bollingerBatch(series.close, p.period, p.k),
	stream(p) {
		const v = new RollingVariance(p.period);
		return {
			update(bar) {
				const row = new Float64Array(5);
				bands(v, bar.close, p, row);
				return row;
			}
		};
	},
	definition:
		'middle = SMAₙ(C); σ = √(Σ (C − middle)² / n) (population); upper/lower = middle ± k σ; ' +
		'%b = (C − lower) / (upper − lower); bandwidth = (upper − lower) / middle. On the close ' +
		"(TA-Lib's input); TTR's BBands averages (H + L + C)/3 when given HLC. %b is NaN when σ = 0.",
	reference:
		'Bollinger (2001), Bollinger on Bollinger Bands, ch. 7 (%b) and 8 (BandWidth); TA-Lib ' +
		'BBANDS; tested against TTR 0.24 BBands(close).'
};
