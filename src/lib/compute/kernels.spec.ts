import { describe, expect, it } from 'vitest';
import { createEmaProgram } from './ema-kernel';
import { createLogReturnProgram } from './log-return-kernel';
import { createRollingStatsProgram } from './rolling-stats-kernel';

const factories = [
	{ name: 'log-return', create: createLogReturnProgram },
	{ name: 'rolling-stats', create: createRollingStatsProgram },
	{ name: 'ema', create: createEmaProgram }
];

describe('feature kernel programs', () => {
	it.each(factories)(
		'create $name program is keyed by kernel name and workgroup size',
		({ name, create }) => {
			const p = create(32);
			expect(p.name).toBe(`${name}@32`);
			expect(p.workgroupSize).toBe(32);
			expect(p.code).toContain('@workgroup_size(32)');
			expect(create(32).code).toBe(p.code);
			expect(create(64).name).not.toBe(p.name);
		}
	);

	it.each(factories)(
		'the $name program reads its shape from a uniform, so one pipeline serves every length',
		({ create }) => {
			const { code } = create(64);
			expect(code).toContain('var<uniform> shape: Shape');
			expect(code).toMatch(/shape\.rows/);
		}
	);

	it.each(factories)(
		'the $name program tests and writes NaN as bits, never as a float constant',
		({ create }) => {
			const { code } = create(64);
			expect(code).toContain('NAN_BITS');
			expect(code).not.toMatch(/\bnan\(|0x7fc00000\.|x != x/i);
		}
	);
});
