/**
 * The designer's block-list edits as pure functions over the spec (the page only binds them to
 * buttons), plus a checker that tolerates half-typed blocks: every block is parsed on its own, so an
 * invalid field is reported on its block while the rest still shows shapes.
 */
import { ModelBlock, ModelHead, ModelSpec, type ModelBlockType } from '../protocol/models';
import { inferShapes, type LayerReport, type ShapeReport } from './infer-shapes';

/** A sensible new block of each type, sized for a small model. */
export function defaultBlock(type: ModelBlockType): ModelBlock {
	switch (type) {
		case 'dense':
			return { type, units: 16, activation: 'relu' };
		case 'dropout':
			return { type, rate: 0.1 };
		case 'layer_norm':
		case 'flatten':
		case 'positional_encoding':
			return { type };
		case 'pool':
			return { type, mode: 'last' };
		case 'rnn':
			return { type, cell: 'lstm', units: 16, returnSequences: true, bidirectional: false };
		case 'conv1d':
			return { type, filters: 16, kernelSize: 3, dilation: 1, causal: true, activation: 'relu' };
		case 'attention_pool':
			return { type, mode: 'additive', units: 16 };
		case 'transformer_encoder':
			return { type, heads: 2, keyDim: 8, ffUnits: 32, causal: true };
		case 'retention':
			return { type, heads: 2, keyDim: 8, form: 'parallel', chunkSize: 8 };
		case 'moe':
			return { type, experts: 4, topK: 1, hidden: 16, capacityFactor: 1.25, auxWeight: 0.01 };
	}
}

/** A copy of `items` with the item at `from` moved to `to` (clamped); the same array when nothing moves. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
	const target = Math.max(0, Math.min(items.length - 1, to));
	if (from === target || from < 0 || from >= items.length) return [...items];
	const copy = [...items];
	const [moved] = copy.splice(from, 1);
	copy.splice(target, 0, moved);
	return copy;
}

/**
 * Shapes and errors for a spec still being typed (`unknown`: it may not parse). Blocks that fail the
 * schema get the schema's message and stop shape propagation at that point.
 */
export function checkDraft(draft: unknown): ShapeReport & { specError: string | null } {
	const parsed = ModelSpec.safeParse(draft);
	if (parsed.success) return { ...inferShapes(parsed.data), specError: null };

	const d = (draft ?? {}) as { blocks?: unknown[]; heads?: unknown[] };
	const blocks = Array.isArray(d.blocks) ? d.blocks : [];
	const firstBad = blocks.findIndex((b) => !ModelBlock.safeParse(b).success);
	const issue = parsed.error.issues[0];
	const specError = `${issue.path.join('.') || 'spec'}: ${issue.message}`;
	if (firstBad < 0) {
		// The blocks are fine; the problem is elsewhere (input, heads, name).
		const heads = (Array.isArray(d.heads) ? d.heads : []).filter(
			(h) => ModelHead.safeParse(h).success
		);
		const fallback = ModelSpec.safeParse({
			...(draft as object),
			heads: heads.length ? heads : [{ name: 'y', kind: 'regression', units: 1 }]
		});
		const base = fallback.success
			? inferShapes(fallback.data)
			: { layers: [], paramCount: 0, ok: false };
		return { ...base, ok: false, specError };
	}
	const valid = ModelSpec.safeParse({ ...(draft as object), blocks: blocks.slice(0, firstBad) });
	const before = valid.success
		? inferShapes(valid.data).layers.filter((l) => l.kind === 'block')
		: [];
	const bad = ModelBlock.safeParse(blocks[firstBad]);
	const badIssue = bad.success ? null : bad.error.issues[0];
	const layers: LayerReport[] = [...before];
	blocks.slice(firstBad).forEach((b, k) => {
		const index = firstBad + k;
		const type = (b as { type?: string })?.type ?? '?';
		layers.push({
			kind: 'block',
			index,
			label: `${index + 1}. ${type}`,
			input: k === 0 ? (before.at(-1)?.output ?? null) : null,
			output: null,
			params: 0,
			extraActivations: 0,
			error:
				k === 0 && badIssue ? `${badIssue.path.join('.') || 'block'}: ${badIssue.message}` : null
		});
	});
	return { layers, paramCount: layers.reduce((n, l) => n + l.params, 0), ok: false, specError };
}
