/** The contenders the live arena offers (route-only): fixed expressions, one point of each preset grid. */
import { EXPRESSION_PRESETS, fillTemplate } from '$lib/core/arena';
import { streamingBuyAndHold, streamingExpression, type StreamingContender } from '$lib/core/live';

/** The grid point each preset trades live: the middle of its grid. */
const LIVE_PARAMS: Record<string, Record<string, number>> = {
	'sma-cross': { fast: 10, slow: 50 },
	'rsi-reversion': { n: 14 },
	momentum: { n: 60 }
};

export const LIVE_CHOICES = [
	{ id: 'buy-and-hold', label: 'Buy & hold' },
	...EXPRESSION_PRESETS.map((p) => ({
		id: p.id,
		label: `${p.label} (${Object.entries(LIVE_PARAMS[p.id] ?? {})
			.map(([k, v]) => `${k}=${v}`)
			.join(', ')})`
	}))
];

export function liveContender(id: string, allowShort: boolean): StreamingContender {
	if (id === 'buy-and-hold') return streamingBuyAndHold();
	const preset = EXPRESSION_PRESETS.find((p) => p.id === id);
	if (!preset) throw new Error(`unknown contender ${id}`);
	const label = LIVE_CHOICES.find((c) => c.id === id)!.label;
	const r = streamingExpression({
		id,
		label,
		source: fillTemplate(preset.template, LIVE_PARAMS[id] ?? {}),
		threshold: preset.threshold,
		allowShort: preset.allowShort && allowShort
	});
	if (!r.ok) throw new Error(r.message);
	return r.value;
}
