/**
 * Runs the retention kernels on a GpuContext: upload f32, dispatch, read back once, destroy every
 * buffer made. Data in, data out, like the other compute runners; the tfjs op over the same kernels
 * (tfjs-program bodies in retention-tfjs-wgsl.ts) is ml/fused/fused-retention-op.ts.
 */
import type { GpuContext } from '../../device';
import { withBuffers } from '../with-buffers';
import type { RetentionShape } from './retention-shape';
import {
	retentionOutputProgram,
	retentionStatesProgram,
	retentionStepProgram
} from './retention-wgsl';

type Arr = ArrayLike<number>;

/**
 * Chunkwise retention (two dispatches) of `q, k [rows, N, dk]`, `v [rows, N, dv]`.
 *
 * @example
 * const o = await runRetentionChunkwise(ctx, q, k, v, [0.97], { rows: 8, steps: 128, keyDim: 32, valueDim: 32, heads: 1 }, 32);
 */
export async function runRetentionChunkwise(
	ctx: GpuContext,
	q: Arr,
	k: Arr,
	v: Arr,
	gamma: Arr,
	s: RetentionShape,
	chunk: number
): Promise<Float32Array> {
	const chunks = Math.ceil(s.steps / chunk);
	return withBuffers(ctx, async (buf, run, read) => {
		const uniform = buf.uniform(shapeWords(s, chunk, chunks));
		const [qb, kb, vb, gb] = [q, k, v, gamma].map((a) => buf.input(a));
		const states = buf.output(s.rows * chunks * s.keyDim * s.valueDim);
		const out = buf.output(s.rows * s.steps * s.valueDim);
		run(retentionStatesProgram, s.rows * s.keyDim * s.valueDim, [uniform, kb, vb, gb, states]);
		run(retentionOutputProgram, s.rows * s.steps * s.valueDim, [
			uniform,
			qb,
			kb,
			vb,
			gb,
			states,
			out
		]);
		return read(out, s.rows * s.steps * s.valueDim);
	});
}

/** One recurrent step: returns the new state `[rows, dk, dv]` and `o [rows, dv]`. */
export async function runRetentionStep(
	ctx: GpuContext,
	state: Arr,
	q: Arr,
	k: Arr,
	v: Arr,
	gamma: Arr,
	s: Omit<RetentionShape, 'steps'>
): Promise<{ state: Float32Array; out: Float32Array }> {
	return withBuffers(ctx, async (buf, run, read) => {
		const uniform = buf.uniform(shapeWords({ ...s, steps: 1 }, 1, 1));
		const [qb, kb, vb, gb] = [q, k, v, gamma].map((a) => buf.input(a));
		const sb = buf.input(state, true);
		const out = buf.output(s.rows * s.valueDim);
		run(retentionStepProgram, s.rows * s.valueDim, [uniform, qb, kb, vb, gb, sb, out]);
		const [newState, o] = await Promise.all([
			read(sb, state.length),
			read(out, s.rows * s.valueDim)
		]);
		return { state: newState, out: o };
	});
}

function shapeWords(s: RetentionShape, chunk: number, chunks: number): Uint32Array<ArrayBuffer> {
	return Uint32Array.of(
		s.rows,
		s.steps,
		s.keyDim,
		s.valueDim,
		s.heads,
		chunk,
		s.reverse ? 1 : 0,
		chunks
	);
}
