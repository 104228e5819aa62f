import { describe, expect, it } from 'vitest';
import { preset } from '$lib/core/models';
import { ModelDesigner } from './designer.svelte';

const start = () => {
	const d = new ModelDesigner();
	d.load(preset('lstm_attention', { window: 32, features: 4 }), 'lstm_attention');
	return d;
};

describe('ModelDesigner', () => {
	it('adding a dense block after pooling updates its shape and the parameter count', () => {
		const d = start();
		const before = d.report.paramCount;
		d.addBlock('dense');
		const row = d.report.layers.find((l) => l.kind === 'block' && l.index === 3)!;
		expect(row.input).toEqual([16]);
		expect(row.output).toEqual([16]);
		expect(d.report.paramCount).toBe(before + 16 * 16 + 16);
		expect(d.memory.totalBytes).toBeGreaterThan(4 * 4 * d.report.paramCount - 1);
	});

	it('an invalid block shows its error, and removing or fixing it clears the error', () => {
		const d = start();
		d.addBlock('positional_encoding');
		expect(d.report.layers[3].error).toMatch(/needs a sequence/);
		d.removeBlock(3);
		expect(d.report.ok).toBe(true);
		d.setField(2, 'units', 0);
		expect(d.report.layers[2].error).toMatch(/units/);
		d.setField(2, 'units', 8);
		expect(d.report.ok).toBe(true);
	});

	it('reorders blocks, and switching attention pooling to multi-head swaps its fields', () => {
		const d = start();
		d.moveBlock(2, 0);
		expect(d.draft.blocks.map((b) => b.type)).toEqual(['attention_pool', 'rnn', 'rnn']);
		expect(d.report.ok).toBe(false);
		d.moveBlock(0, 2);
		d.setField(2, 'mode', 'multihead');
		expect(d.draft.blocks[2]).toEqual({
			type: 'attention_pool',
			mode: 'multihead',
			heads: 2,
			keyDim: 8
		});
		expect(d.report.ok).toBe(true);
	});

	it('exports JSON that imports back to the same spec, and refuses JSON that is not a spec', () => {
		const d = start();
		const json = d.json;
		const e = new ModelDesigner();
		expect(e.importJson(json)).toBeNull();
		expect(e.json).toBe(json);
		expect(e.importJson('{"version":1}')).toMatch(/Not a model spec/);
		expect(e.importJson('{')).toMatch(/Not JSON/);
	});
});
