/**
 * Training memory, estimated from a shape report: weights, their gradients, Adam's two moment
 * estimates (Kingma & Ba 2015), and the activations one batch keeps for the backward pass.
 * float32 throughout, so 4 bytes a value. An estimate for choosing sizes, not an allocator trace.
 */
import type { ShapeReport } from './infer-shapes';

export interface MemoryEstimate {
	weightsBytes: number;
	gradientsBytes: number;
	adamBytes: number;
	activationsBytes: number;
	totalBytes: number;
}

const BYTES = 4;

/**
 * @example
 * const m = estimateMemory(inferShapes(spec), { batch: 32 });
 * formatBytes(m.totalBytes);
 */
export function estimateMemory(report: ShapeReport, opts: { batch: number }): MemoryEstimate {
	const weightsBytes = report.paramCount * BYTES;
	const perSample = report.layers.reduce(
		(n, l) => n + (l.output ? l.output.reduce((a, b) => a * b, 1) : 0) + l.extraActivations,
		0
	);
	const activationsBytes = perSample * opts.batch * BYTES;
	const gradientsBytes = weightsBytes;
	const adamBytes = 2 * weightsBytes;
	return {
		weightsBytes,
		gradientsBytes,
		adamBytes,
		activationsBytes,
		totalBytes: weightsBytes + gradientsBytes + adamBytes + activationsBytes
	};
}

/** `1536 → "1.5 KiB"`. */
export function formatBytes(bytes: number): string {
	const units = ['B', 'KiB', 'MiB', 'GiB'];
	let v = bytes;
	let u = 0;
	while (v >= 1024 && u < units.length - 1) {
		v /= 1024;
		u++;
	}
	return `${u === 0 ? v : v.toFixed(1)} ${units[u]}`;
}
