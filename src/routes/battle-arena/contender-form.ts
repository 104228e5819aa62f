/** Defaults and builders of the session form (route-only: used by /battle-arena). */
import {
	EXPRESSION_PRESETS,
	type BattleConfig,
	type ContenderChoice,
	type ModelChoice
} from '$lib/core/arena';
import { parseBattleReproduce, type BattleReproduceParams } from '$lib/core/protocol';
import { err, ok, type Result } from '$lib/core/result';
import type { ArenaModel, ModelFiles } from '$lib/pipeline/arena-api';

/** An imported model as the form edits it (features one expression per line). */
export interface ModelEntry {
	artifactId: string;
	name: string;
	format: ArenaModel['format'];
	inputShape: ArenaModel['inputShape'];
	/** Set when it was checked in this visit: where it ran. */
	engine?: string;
	on: boolean;
	label: string;
	threshold: number;
	window: number;
	featuresText: string;
	standardize: boolean;
}

export function modelEntry(
	m: Omit<ArenaModel, 'outputShape' | 'engine'> & { engine?: string }
): ModelEntry {
	return {
		artifactId: m.artifactId,
		name: m.name,
		format: m.format,
		inputShape: m.inputShape,
		...(m.engine ? { engine: m.engine } : {}),
		on: true,
		label: m.name,
		threshold: 0,
		window: m.suggested.window,
		featuresText: m.suggested.features.join('\n'),
		standardize: m.suggested.standardize
	};
}

/**
 * The files a user picked → what the arena worker imports: one `.onnx` file, or a native bundle
 * (`model.json` + `weights.bin`, with `card.json`). Anything else is a clear error.
 */
export async function readModelFiles(files: readonly File[]): Promise<Result<ModelFiles>> {
	const byName = (suffix: string) => files.find((f) => f.name.toLowerCase().endsWith(suffix));
	const onnx = byName('.onnx');
	if (onnx) {
		if (files.length > 1) return err('bad_input', 'Pick one .onnx file at a time.');
		return ok({
			name: onnx.name.replace(/\.onnx$/i, ''),
			format: 'onnx',
			onnx: await onnx.arrayBuffer()
		});
	}
	const modelJson = files.find((f) => f.name === 'model.json');
	const weights = byName('.bin');
	const card = files.find((f) => f.name === 'card.json');
	if (!modelJson || !weights || !card)
		return err(
			'bad_input',
			'Pick an .onnx file, or the three files of an AXON export: model.json, weights.bin and card.json.'
		);
	try {
		const cardJson = JSON.parse(await card.text()) as { name?: unknown };
		return ok({
			name: typeof cardJson.name === 'string' ? cardJson.name : 'native model',
			format: 'tfjs',
			tfjs: {
				modelJson: JSON.parse(await modelJson.text()),
				weights: await weights.arrayBuffer(),
				card: cardJson
			}
		});
	} catch {
		return err('bad_input', 'model.json or card.json is not valid JSON.');
	}
}

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
	models: ModelEntry[];
	/** Also enter the checked models' mean prediction as one contender (two or more models). */
	ensemble: boolean;
	ensembleThreshold: number;
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
	models: [],
	ensemble: false,
	ensembleThreshold: 0,
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
	const models = form.models
		.filter((m) => m.on)
		.map((m): ModelChoice => ({
			kind: m.format === 'onnx' ? 'onnx' : 'native',
			id: `model-${m.artifactId.slice(0, 8)}`,
			label: m.label.trim() || m.name,
			artifactId: m.artifactId,
			inputs: {
				window: m.window,
				features: m.featuresText
					.split('\n')
					.map((l) => l.trim())
					.filter(Boolean),
				standardize: m.standardize
			},
			threshold: m.threshold,
			allowShort: form.allowShort
		}));
	const ensemble: ContenderChoice[] =
		form.ensemble && models.length >= 2
			? [
					{
						kind: 'ensemble',
						id: 'ensemble',
						label: `Ensemble (mean of ${models.map((m) => m.label).join(', ')})`,
						members: models,
						threshold: form.ensembleThreshold,
						allowShort: form.allowShort
					}
				]
			: [];
	return [
		...presets,
		...custom,
		...runs,
		...models,
		...ensemble,
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

/**
 * The form prefilled from a shared session's reproduce link: its walk-forward and execution settings,
 * seed, and the expression presets it ran (other contenders — experiments, models — are this
 * browser's own and must be picked again).
 */
export function applyReproduce(form: SessionForm, r: BattleReproduceParams): SessionForm {
	return {
		...form,
		name: r.name,
		windows: r.windows,
		trainBars: r.train_bars,
		mode: r.mode,
		fill: r.fill,
		lag: r.lag,
		allowShort: r.allow_short,
		seed: r.seed,
		presets: Object.fromEntries(EXPRESSION_PRESETS.map((p) => [p.id, r.contenders.includes(p.id)]))
	};
}

/** Where a shared session's reproduce request waits while the visitor loads the data first. */
export const REPRODUCE_KEY = 'axon.reproduce-battle';

/**
 * The reproduce request for this visit: from the URL (and remembered for the tab, so loading the
 * dataset on /data and coming back keeps it), else the one remembered earlier in this tab.
 * Both are validated by `parseBattleReproduce`; anything invalid is ignored.
 */
export function reproduceRequest(
	search: URLSearchParams,
	storage: Pick<Storage, 'getItem' | 'setItem'>
): BattleReproduceParams | null {
	const fromUrl = parseBattleReproduce(search);
	if (fromUrl) {
		storage.setItem(REPRODUCE_KEY, search.toString());
		return fromUrl;
	}
	const stored = storage.getItem(REPRODUCE_KEY);
	return stored ? parseBattleReproduce(new URLSearchParams(stored)) : null;
}
