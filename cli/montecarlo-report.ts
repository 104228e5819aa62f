import type { MonteCarloResult } from '../src/lib/core/montecarlo';
import type { MetricSummary } from '../src/lib/core/montecarlo';
import { formatFixed, formatPercent, formatTable } from './format-table';

// Indices of p5, p50 and p95 in QUANTILE_LEVELS (0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99).
const P5 = 1;
const P50 = 3;
const P95 = 5;

const row = (name: string, m: MetricSummary, format: (x: number) => string): string[] => [
	name,
	...[m.mean, m.std, m.quantiles[P5], m.quantiles[P50], m.quantiles[P95]].map(format)
];

/** What `axon montecarlo` prints: the distribution table, the probability of ruin, the seed. */
export function formatMonteCarloReport(
	result: MonteCarloResult,
	source: { returns: number; block: number; seed: number; ruinThreshold: number }
): string {
	const table = formatTable([
		['metric', 'mean', 'std', 'p5', 'p50', 'p95'],
		row('final return', result.finalReturn, formatPercent),
		row('max drawdown', result.maxDrawdown, formatPercent),
		row('Sharpe', result.sharpe, (x) => formatFixed(x))
	]);
	return (
		`${result.paths} paths × ${result.steps} steps, stationary block bootstrap of ` +
		`${source.returns} daily log returns (mean block ${source.block} bars)\n\n` +
		table +
		`\nprobability of ruin (equity ≤ ${formatPercent(source.ruinThreshold)} of start): ` +
		`${formatPercent(result.ruinProbability)}\nseed: ${source.seed}\n`
	);
}
