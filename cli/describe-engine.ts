import type { FeatureEngine } from '../src/lib/compute/features';

/** The stderr line saying where the features were computed. */
export function describeEngine(engine: FeatureEngine, cpuChosen: boolean): string {
	if (engine.kind === 'webgpu') {
		return `engine: WebGPU on ${engine.adapter}${engine.software ? ' — software fallback, CPU-emulated' : ''}`;
	}
	return `engine: CPU (${cpuChosen ? '--cpu given' : (engine.notice ?? 'WebGPU unavailable')})`;
}
