/** Defaults and builders of the session form (route-only: used by /battle-arena). */
import { EXPRESSION_PRESETS, type BattleConfig, type ContenderChoice } from '$lib/core/arena';

export interface CustomExpression {
	label: string;
	source: string;
	threshold: number;
}

export interface SessionForm {
	name: string;
	presets: Record<string, boolean>;
	custom: CustomExpression[];
	runs: Record<string, boolean>;
	windows: number;
	trainBars: number;
	mode: 'anchored' | 'rolling';
	fill: 'next_open' | 'close' | 'vwap_proxy';
	lag: number;
	feeBps: number;
	slippageBps: number;
	allowShort: boolean;
	maxLeverage: number;
	/** Percent; 0 = off. */
	maxDrawdownPct: number;
	stopLossPct: number;
	seed: number;
}

export const defaultForm = (): SessionForm => ({
	name: 'Session',
	presets: Object.fromEntries(EXPRESSION_PRESETS.map((p) => [p.id, p.id !== 'rsi-reversion'])),
	custom: [],
	runs: {},
	windows: 4,
	trainBars: 1000,
	mode: 'rolling',
	fill: 'next_open',
	lag: 1,
	feeBps: 5,
	slippageBps: 2,
	allowShort: false,
	maxLeverage: 1,
	maxDrawdownPct: 0,
	stopLossPct: 0,
	seed: 1
});

/** The contenders the form picked; buy & hold is always in. */
export function choicesOf(form: SessionForm, runLabels: Record<string, string>): ContenderChoice[] {
	const presets = EXPRESSION_PRESETS.filter((p) => form.presets[p.id]).map(
		(p): ContenderChoice => ({
			kind: 'expression',
			id: p.id,
			label: p.label,
			template: p.template,
			grid: Object.fromEntries(Object.entries(p.grid).map(([k, v]) => [k, [...v]])),
			threshold: p.threshold,
			allowShort: p.allowShort && form.allowShort
		})
	);
	const custom = form.custom
		.filter((c) => c.source.trim())
		.map((c, i): ContenderChoice => ({
			kind: 'expression',
			id: `custom-${i + 1}`,
			label: c.label.trim() || `Custom ${i + 1}`,
			template: c.source,
			grid: {},
			threshold: c.threshold,
			allowShort: form.allowShort
		}));
	const runs = Object.entries(form.runs)
		.filter(([, on]) => on)
		.map(([runId]): ContenderChoice => ({
			kind: 'experiment',
			id: `run-${runId.slice(0, 8)}`,
			label: runLabels[runId] ?? runId,
			runId
		}));
	return [
		...presets,
		...custom,
		...runs,
		{ kind: 'buy_and_hold', id: 'buy-and-hold', label: 'Buy & hold' }
	];
}

export function configOf(form: SessionForm): BattleConfig {
	return {
		walkForward: { windows: form.windows, trainBars: form.trainBars, mode: form.mode },
		execution: {
			fill: form.fill,
			lag: form.lag,
			fees: { bps: form.feeBps },
			slippage: { bps: form.slippageBps },
			allowShort: form.allowShort,
			maxLeverage: form.maxLeverage,
			...(form.stopLossPct > 0 ? { stops: { stopLoss: form.stopLossPct / 100 } } : {}),
			...(form.maxDrawdownPct > 0 ? { risk: { maxDrawdown: form.maxDrawdownPct / 100 } } : {})
		},
		periodsPerYear: 252,
		seed: form.seed,
		resamples: 500,
		fanPaths: 200
	};
}
