/**
 * Compute pipelines for the indicator programs, with one explicit bind-group layout shared by all
 * of them (an `auto` layout would drop the bindings a program does not use, and then one bind group
 * could not serve every pass). Compiled once per device and program name, like `pipeline-cache.ts`.
 */
import type { GpuProgram } from '../gpu-program';

interface DeviceCache {
	layout: GPUBindGroupLayout;
	pipelineLayout: GPUPipelineLayout;
	pipelines: Map<string, GPUComputePipeline>;
}

const caches = new WeakMap<GPUDevice, DeviceCache>();

const storage = (binding: number, type: GPUBufferBindingType): GPUBindGroupLayoutEntry => ({
	binding,
	visibility: GPUShaderStage.COMPUTE,
	buffer: { type }
});

/** The shared layout: dims (uniform), params, inputs (read), workspace, scratch, out (read-write). */
export function indicatorLayout(device: GPUDevice): DeviceCache {
	let cache = caches.get(device);
	if (!cache) {
		const layout = device.createBindGroupLayout({
			label: 'indicator-bindings',
			entries: [
				storage(0, 'uniform'),
				storage(1, 'read-only-storage'),
				storage(2, 'read-only-storage'),
				storage(3, 'storage'),
				storage(4, 'storage'),
				storage(5, 'storage')
			]
		});
		cache = {
			layout,
			pipelineLayout: device.createPipelineLayout({ bindGroupLayouts: [layout] }),
			pipelines: new Map()
		};
		caches.set(device, cache);
	}
	return cache;
}

/** The pipeline for `program`, compiled on first use. */
export function indicatorPipeline(device: GPUDevice, program: GpuProgram): GPUComputePipeline {
	const cache = indicatorLayout(device);
	let pipeline = cache.pipelines.get(program.name);
	if (!pipeline) {
		pipeline = device.createComputePipeline({
			label: program.name,
			layout: cache.pipelineLayout,
			compute: {
				module: device.createShaderModule({ label: program.name, code: program.code }),
				entryPoint: 'main'
			}
		});
		cache.pipelines.set(program.name, pipeline);
	}
	return pipeline;
}
