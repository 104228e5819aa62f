import { describe, expect, it } from 'vitest';
import { MODEL_BLOCK_TYPES, ModelBlock } from '../protocol/models';
import { checkDraft, defaultBlock, moveItem } from './edit-blocks';
import { preset } from './presets';

describe('designer edits', () => {
	it.each([...MODEL_BLOCK_TYPES])('a new %s block is valid as it comes', (type) => {
		expect(ModelBlock.safeParse(defaultBlock(type)).success).toBe(true);
	});

	it('moves a block up or down, and clamps at the ends', () => {
		expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
		expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
		expect(moveItem(['a', 'b', 'c'], 0, 5)).toEqual(['b', 'c', 'a']);
	});

	it('reports a half-typed block on that block, with the shapes before it intact', () => {
		const spec = preset('lstm_attention', { window: 8, features: 2, width: 4 });
		const draft = {
			...spec,
			blocks: [spec.blocks[0], { type: 'dense', units: 0, activation: 'relu' }, spec.blocks[2]]
		};
		const r = checkDraft(draft);
		expect(r.ok).toBe(false);
		expect(r.layers[0].output).toEqual([8, 4]);
		expect(r.layers[1].error).toMatch(/units/);
		expect(r.layers[2].error).toBeNull();
		expect(r.specError).toMatch(/blocks\.1/);
	});

	it('a valid draft reports the same as shape inference', () => {
		const r = checkDraft(preset('retnet', { window: 8, features: 2 }));
		expect(r.ok).toBe(true);
		expect(r.specError).toBeNull();
		expect(r.paramCount).toBeGreaterThan(0);
	});
});
