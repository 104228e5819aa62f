import type { IndicatorDef } from '../indicator';
import { RollingVariance } from '../statistics/kernels/rolling-variance';
import { zscoreColumn, zscoreStep } from '../statistics/zscore';

/** Volume's z-score against its own trailing window: how unusual today's volume is. */
export const volumeZscore: IndicatorDef = {
	id: 'volume_zscore',
	name: 'Volume z-score',
	category: 'volume',
	inputs: ['volume'],
	params: [
		{
			name: 'window',
			default: 20,
			min: 2,
			max: 100_000,
			integer: true,
			description: 'Bars in the rolling window'
		}
	],
	outputs: ['zscore'],
	warmup: (p) => p.window - 1,
	compute: (series, p) => [zscoreColumn(series.volume, p.window)],
	stream(p) {
		const v = new RollingVariance(p.window);
		return { update: (bar) => Float64Array.of(zscoreStep(v, bar.volume, p.window)) };
	},
	definition:
		'zₜ = (Vₜ − V̄ₜ) / sₜ, mean and sample deviation (÷ (w − 1)) over the last w volumes ' +
		'including Vₜ. NaN when sₜ = 0 or a volume is missing (restarts the warm-up).',
	reference: 'Standard score of volume; tested against (V − TTR runMean) / TTR runSD (TTR 0.24).'
};
