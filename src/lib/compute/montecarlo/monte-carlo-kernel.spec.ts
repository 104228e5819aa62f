import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../core/montecarlo';
import { createMonteCarloProgram } from './monte-carlo-kernel';
import { packParams, PARAMS_BYTES } from './monte-carlo-params';

describe('createMonteCarloProgram', () => {
	it('names the pipeline after its workgroup size, which sizes the reduction', () => {
		const p = createMonteCarloProgram(64);
		expect(p.name).toBe('monte-carlo@64');
		expect(p.code).toContain('array<vec4<f32>, 64>');
		expect(p.code).toContain('var stride = 32u');
	});

	it('refuses a workgroup size the tree reduction cannot halve', () => {
		expect(() => createMonteCarloProgram(48)).toThrow(RangeError);
	});
});

describe('packParams', () => {
	it('lays out the uniform in the WGSL struct order, floats rounded to f32', () => {
		const model = resolveConfig({
			model: { kind: 'bootstrap', returns: Float64Array.of(0.1, 0.2, 0.3), meanBlockLength: 4 },
			paths: 10,
			steps: 252,
			seed: 9
		});
		if (!model.ok) throw new Error(model.message);
		const buf = packParams({
			model: model.value,
			paths: 10,
			firstPath: 20,
			steps: 252,
			seed: 9,
			stream: 3,
			ruinLog: -Infinity,
			annualFactor: Math.sqrt(252)
		});
		expect(buf.byteLength).toBe(PARAMS_BYTES);
		const u = new Uint32Array(buf);
		expect(Array.from(u.subarray(0, 8))).toEqual([10, 20, 252, 0, 9, 3, 3, 2 ** 29]);
		const f = new Float32Array(buf);
		expect(Number.isFinite(f[16])).toBe(true); // ln 0 becomes the lowest finite f32
		expect(f[17]).toBe(Math.fround(Math.sqrt(252)));
	});
});
