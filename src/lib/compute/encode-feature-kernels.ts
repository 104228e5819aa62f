import { dispatchSize } from './dispatch-size';
import { createEmaProgram } from './ema-kernel';
import type { FeatureKernelPlan } from './feature-plan';
import type { GpuProgram } from './gpu-program';
import { createLogReturnProgram } from './log-return-kernel';
import { getPipeline } from './pipeline-cache';
import { createRollingStatsProgram } from './rolling-stats-kernel';

export interface FeatureBuffers {
	shape: GPUBuffer;
	sources: GPUBuffer;
	params: GPUBuffer;
	out: GPUBuffer;
	staging: GPUBuffer;
}

/**
 * Records the feature kernels into `encoder`: one compute pass with up to three dispatches
 * (log returns, every rolling column, every EMA column — WebGPU orders dispatches and makes each
 * one's storage writes visible to the next), then the copies into the readback buffer.
 */
export function encodeFeatureKernels(
	device: GPUDevice,
	encoder: GPUCommandEncoder,
	b: FeatureBuffers,
	plan: FeatureKernelPlan,
	rows: number,
	workgroupSize: number,
	maxGroupsPerDimension: number
): void {
	const pass = encoder.beginComputePass({ label: 'features' });
	const dispatch = (program: GpuProgram, entries: GPUBuffer[], threads: number) => {
		const pipeline = getPipeline(device, program);
		pass.setPipeline(pipeline);
		pass.setBindGroup(
			0,
			device.createBindGroup({
				layout: pipeline.getBindGroupLayout(0),
				entries: entries.map((buffer, binding) => ({ binding, resource: { buffer } }))
			})
		);
		pass.dispatchWorkgroups(...dispatchSize(threads, workgroupSize, maxGroupsPerDimension));
	};
	const kernelInputs = [b.shape, b.sources, b.params, b.out];
	if (plan.needsLogReturn)
		dispatch(createLogReturnProgram(workgroupSize), [b.shape, b.sources], rows);
	if (plan.rolling > 0)
		dispatch(createRollingStatsProgram(workgroupSize), kernelInputs, rows * plan.rolling);
	if (plan.emas > 0) dispatch(createEmaProgram(workgroupSize), kernelInputs, plan.emas);
	pass.end();

	const columnBytes = rows * 4;
	if (plan.rolling + plan.emas > 0) encoder.copyBufferToBuffer(b.out, 0, b.staging, 0, b.out.size);
	for (const column of plan.logReturnColumns) {
		encoder.copyBufferToBuffer(
			b.sources,
			columnBytes,
			b.staging,
			column * columnBytes,
			columnBytes
		);
	}
}
