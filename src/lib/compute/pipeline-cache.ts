import type { GpuProgram } from './gpu-program';

const caches = new WeakMap<GPUDevice, Map<string, GPUComputePipeline>>();

/**
 * The compute pipeline for `program` on `device`, compiled once and then reused: keyed by the
 * program's name, which embeds everything that changes its code (shapes are uniforms, so one
 * pipeline serves every series length and window). Dropped with the device.
 */
export function getPipeline(device: GPUDevice, program: GpuProgram): GPUComputePipeline {
	let cache = caches.get(device);
	if (!cache) caches.set(device, (cache = new Map()));
	let pipeline = cache.get(program.name);
	if (!pipeline) {
		pipeline = device.createComputePipeline({
			label: program.name,
			layout: 'auto',
			compute: {
				module: device.createShaderModule({ label: program.name, code: program.code }),
				entryPoint: 'main'
			}
		});
		cache.set(program.name, pipeline);
	}
	return pipeline;
}
