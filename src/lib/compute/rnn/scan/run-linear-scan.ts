import type { GpuContext } from '../../device';
import { withBuffers } from '../with-buffers';
import type { ScanShape } from './linear-scan-reference';
import { linearScanProgram } from './linear-scan-wgsl';

/**
 * h_t = a_t ⊙ h_{t−1} + b_t on the GPU, one dispatch (reversed: the adjoint, see the reference).
 *
 * @example
 * const h = await runLinearScan(ctx, oneMinusZ, zTimesCandidate, { batch: 8, steps: 512, channels: 64 });
 */
export async function runLinearScan(
	ctx: GpuContext,
	a: ArrayLike<number>,
	b: ArrayLike<number>,
	s: ScanShape
): Promise<Float32Array> {
	const total = s.batch * s.steps * s.channels;
	return withBuffers(ctx, async (buf, run, read) => {
		const uniform = buf.uniform(Uint32Array.of(s.batch, s.steps, s.channels, s.reverse ? 1 : 0));
		const h = buf.output(total);
		run(linearScanProgram, 0, [uniform, buf.input(a), buf.input(b), h], s.batch * s.channels);
		return read(h, total);
	});
}
