import { describe, expect, it } from 'vitest';
import { GPU_SUPPORT } from '../../core/indicators/gpu-support';
import { INDICATORS, RELATIONS } from '../../core/indicators/registry';
import { planPrograms } from './codegen';
import { GPU_PLANS } from './gpu-plans';
import { GPU_TOLERANCE } from './gpu-tolerance';

const ENTRIES = [...INDICATORS, ...RELATIONS];

describe('GPU support covers the registry', () => {
	it('marks every registry entry, and nothing else, as GPU or CPU-only', () => {
		expect(Object.keys(GPU_SUPPORT).sort()).toEqual(ENTRIES.map((d) => d.id).sort());
	});

	it.each(ENTRIES.map((d) => [d.id, d] as const))(
		'%s has a plan and a tolerance exactly when marked GPU, else a stated reason',
		(id, def) => {
			const support = GPU_SUPPORT[id];
			if (support.path === 'gpu') {
				const plan = GPU_PLANS[id]();
				expect(plan.id).toBe(id);
				expect(plan.outputs).toHaveLength(def.outputs.length);
				expect([...plan.params].sort()).toEqual(def.params.map((p) => p.name).sort());
				expect(GPU_TOLERANCE[id]?.why.length).toBeGreaterThan(20);
			} else {
				expect(GPU_PLANS[id]).toBeUndefined();
				expect(support.reason.length).toBeGreaterThan(40);
			}
		}
	);
});

describe('planPrograms', () => {
	it('gives every program of a plan its own pipeline-cache name, embedding the workgroup size', () => {
		for (const make of Object.values(GPU_PLANS)) {
			const names = planPrograms(make(), 64).map((p) => p.name);
			expect(new Set(names).size).toBe(names.length);
			expect(names.every((n) => n.endsWith('@64'))).toBe(true);
		}
	});

	it('runs a scan as reduce, carry and apply, and ends with the emit pass', () => {
		const names = planPrograms(GPU_PLANS.ema(), 32).map((p) => p.name);
		expect(names).toEqual([
			'ema-0-map@32',
			'ema-1-scan-reduce@32',
			'ema-1-scan-carry@32',
			'ema-1-scan-apply@32',
			'ema-emit@32'
		]);
	});
});
