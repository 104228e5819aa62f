import type { ResolvedModel } from '../../core/montecarlo';

/** Bytes of the kernel's `Params` uniform: 20 four-byte words (a multiple of 16). */
export const PARAMS_BYTES = 80;

export interface ChunkParams {
	model: ResolvedModel;
	/** Paths in this dispatch and the global index of its first path. */
	paths: number;
	firstPath: number;
	steps: number;
	seed: number;
	stream: number;
	ruinLog: number;
	annualFactor: number;
}

/** Smallest finite f32, standing in for ln 0 = −∞ (WGSL may assume floats are finite). */
const F32_LOWEST = -3.4028234663852886e38;

/**
 * The `Params` uniform for one dispatch, in the field order of the WGSL struct in
 * monte-carlo-kernel.ts. Floats are rounded to f32 here: that is the GPU's only view of them.
 */
export function packParams(p: ChunkParams): ArrayBuffer {
	const buf = new ArrayBuffer(PARAMS_BYTES);
	const u = new Uint32Array(buf);
	const f = new Float32Array(buf);
	const m = p.model;
	u.set([
		p.paths,
		p.firstPath,
		p.steps,
		m.kind,
		p.seed,
		p.stream,
		m.returns.length,
		m.restartThreshold,
		m.switchThreshold[0],
		m.switchThreshold[1],
		m.initialMode,
		m.initialThreshold
	]);
	f.set([m.drift[0], m.sigma[0], m.drift[1], m.sigma[1]], 12);
	f[16] = Math.max(p.ruinLog, F32_LOWEST);
	f[17] = p.annualFactor;
	return buf;
}
