import { describe, expect, it } from 'vitest';
import { getPipeline } from './pipeline-cache';

function fakeDevice() {
	let compiled = 0;
	const device = {
		createShaderModule: (d: { code: string }) => d,
		createComputePipeline: (d: { label: string }) => ({ id: ++compiled, label: d.label })
	} as unknown as GPUDevice;
	return { device, compiled: () => compiled };
}

describe('getPipeline', () => {
	it('getPipeline compiles a program once per device and name', () => {
		const a = fakeDevice();
		const b = fakeDevice();
		const program = { name: 'ema@64', code: '', workgroupSize: 64 };
		const first = getPipeline(a.device, program);
		expect(getPipeline(a.device, { ...program })).toBe(first);
		expect(a.compiled()).toBe(1);
		getPipeline(a.device, { ...program, name: 'ema@32' });
		expect(a.compiled()).toBe(2);
		getPipeline(b.device, program);
		expect(b.compiled()).toBe(1);
	});
});
