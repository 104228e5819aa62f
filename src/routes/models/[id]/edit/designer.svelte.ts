/**
 * The designer's state: a draft spec (possibly invalid while typed), and what follows from it —
 * shapes, errors, parameter count, memory estimate and the JSON text. Pure work is in
 * `$lib/core/models`; this class only holds runes.
 */
import {
	checkDraft,
	defaultBlock,
	estimateMemory,
	moveItem,
	preset,
	PRESET_IDS,
	type PresetId
} from '$lib/core/models';
import { ModelSpec, type ModelBlockType } from '$lib/core/protocol';

/** A spec being edited: the shape of a ModelSpec, but any field may hold a value the schema refuses. */
export type Draft = {
	version: 1;
	name: string;
	input: { window: number; features: number };
	blocks: Record<string, unknown>[];
	heads: Record<string, unknown>[];
};

export const isPresetId = (v: string | null): v is PresetId => PRESET_IDS.includes(v as PresetId);

export class ModelDesigner {
	draft = $state<Draft>(toDraft(preset('mlp', { window: 32, features: 4 })));
	batch = $state(32);
	kind = $state('custom');
	readonly report = $derived(checkDraft($state.snapshot(this.draft)));
	readonly memory = $derived(estimateMemory(this.report, { batch: Math.max(1, this.batch || 1) }));
	readonly json = $derived(JSON.stringify($state.snapshot(this.draft), null, 2));

	load(spec: ModelSpec, kind: string): void {
		this.draft = toDraft(spec);
		this.kind = kind;
	}

	addBlock(type: ModelBlockType, at = this.draft.blocks.length): void {
		this.draft.blocks.splice(at, 0, { ...defaultBlock(type) });
	}

	removeBlock(i: number): void {
		this.draft.blocks.splice(i, 1);
	}

	moveBlock(i: number, to: number): void {
		this.draft.blocks = moveItem(this.draft.blocks, i, to);
	}

	setField(i: number, key: string, value: unknown): void {
		const block = this.draft.blocks[i];
		if (block.type === 'attention_pool' && key === 'mode') {
			this.draft.blocks[i] =
				value === 'multihead'
					? { type: 'attention_pool', mode: 'multihead', heads: 2, keyDim: 8 }
					: { ...defaultBlock('attention_pool') };
			return;
		}
		block[key] = value;
	}

	/** Replaces the draft with a JSON text; the message says what is wrong when it is not a spec. */
	importJson(text: string): string | null {
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch (e) {
			return `Not JSON: ${e instanceof Error ? e.message : String(e)}`;
		}
		const parsed = ModelSpec.safeParse(value);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			return `Not a model spec: ${issue.path.join('.') || 'the top'}: ${issue.message}`;
		}
		this.draft = toDraft(parsed.data);
		return null;
	}
}

function toDraft(spec: ModelSpec): Draft {
	return JSON.parse(JSON.stringify(spec)) as Draft;
}
