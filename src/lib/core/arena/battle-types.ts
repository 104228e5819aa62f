import type { BootstrapInterval } from '../stats';
import type { EquityFan } from '../montecarlo/equity-fan';
import type { Histogram } from '../montecarlo/histogram';
import type { ContenderKind } from './contender';
import type { ExecutionConfig } from './execution-config';
import type { ArenaMetrics } from './metrics';
import type { Halt } from './simulate';
import type { WalkForwardOptions, WalkForwardWindow } from './walk-forward';

/** Everything that decides a session's numbers besides the bars and the contenders. */
export interface BattleConfig {
	walkForward: WalkForwardOptions;
	/** Plain data only (no fee function): sessions are stored and sent to the edge. */
	execution: Omit<ExecutionConfig, 'fees'> & { fees?: { bps?: number; fixed?: number } };
	periodsPerYear: number;
	/** Philox seed of every bootstrap and Monte-Carlo draw in the session. */
	seed: number;
	/** Bootstrap resamples for confidence intervals and the SPA test. Default 500. */
	resamples?: number;
	/** Paths of each Monte-Carlo fan. Default 200. */
	fanPaths?: number;
	/** Confidence level of intervals and verdicts. Default 0.95. */
	level?: number;
}

/** A trade as the price chart marks it; bars count from the first out-of-sample bar. */
export interface TradeMarker {
	side: 1 | -1;
	entryBar: number;
	exitBar: number;
	entryPrice: number;
	exitPrice: number;
	pnl: number;
}

export interface ContenderOutcome {
	id: string;
	label: string;
	kind: ContenderKind;
	/** Configurations this contender brought to the selection (its grid size, or 1). */
	trials: number;
	/** The configuration traded in each walk-forward window (its label). */
	chosen: string[];
	/** Out-of-sample equity (starting at the initial cash), drawdown (≤ 0) and per-bar returns. */
	equity: Float64Array;
	drawdown: Float64Array;
	returns: Float64Array;
	metrics: ArenaMetrics;
	/** Percentile stationary-bootstrap interval of the annualised Sharpe ratio. */
	sharpeCi: BootstrapInterval;
	psr: number;
	dsr: number;
	verdict: string;
	/** PBO by CSCV over this contender's grid (null without a grid). */
	pbo: { pbo: number; combinations: number; verdict: string } | null;
	fan: EquityFan;
	histogram: Histogram;
	trades: TradeMarker[];
	halt: Halt | null;
}

export interface BattleOutcome {
	windows: WalkForwardWindow[];
	/** The out-of-sample bars every contender traded: [testStart of window 0, testEnd of the last). */
	start: number;
	end: number;
	time: Float64Array;
	open: Float64Array;
	high: Float64Array;
	low: Float64Array;
	close: Float64Array;
	contenders: ContenderOutcome[];
	/** Trials behind the DSR: Σ over contenders of their grid sizes. */
	trials: number;
	benchmarkId: string;
	/** Hansen SPA: does the best contender beat buy-and-hold? (null with no challenger). */
	spa: { pValue: number; statistic: number; best: string | null; verdict: string } | null;
}

export interface BattleProgress {
	/** 'predict': models running over the session's bars before the battle (arena worker). */
	phase: 'predict' | 'fit' | 'evaluate' | 'stats';
	/** 0..1 */
	fraction: number;
	message: string;
}
