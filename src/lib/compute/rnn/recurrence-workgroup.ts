import { gateCount, type RnnCell } from './rnn-layout';

/** The adapter limits the persistent recurrence kernels depend on (a subset of GPUSupportedLimits). */
export type RecurrenceLimits = Pick<
	GPUSupportedLimits,
	| 'maxComputeInvocationsPerWorkgroup'
	| 'maxComputeWorkgroupSizeX'
	| 'maxComputeWorkgroupStorageSize'
>;

/**
 * Threads per workgroup for the recurrence kernels: one thread per hidden unit, rounded up to a
 * power of two (≥ 32) so that a handful of pipelines serve every layer width. One workgroup owns a
 * batch row for the whole sequence, so the hidden state lives in workgroup memory and there is no
 * inter-workgroup synchronisation; the price is that `units` is capped by the adapter's workgroup
 * size (256 by default). Workgroup memory used: `gates · size · rows` f32 at most (the backward
 * pass's shared gate gradients for each of the `rows` batch rows a workgroup owns; the forward pass
 * shares 1 (LSTM) or 2 (GRU) values per unit and row), 4 KiB per row at 256 threads for the LSTM,
 * checked against the limit too.
 *
 * @example
 * recurrenceWorkgroupSize('lstm', 13, device.limits); // { ok: true, size: 32 }
 */
export function recurrenceWorkgroupSize(
	cell: RnnCell,
	units: number,
	limits: RecurrenceLimits,
	rows = 1
): { ok: true; size: number } | { ok: false; message: string } {
	const maxThreads = Math.min(
		limits.maxComputeInvocationsPerWorkgroup,
		limits.maxComputeWorkgroupSizeX
	);
	let size = 32;
	while (size < units) size *= 2;
	const sharedBytes = gateCount(cell) * size * 4 * rows;
	if (size > maxThreads || sharedBytes > limits.maxComputeWorkgroupStorageSize) {
		return {
			ok: false,
			message: `The fused ${cell.toUpperCase()} kernel keeps one thread per unit in one workgroup: ${units} units need ${size} threads and ${sharedBytes} B of workgroup memory, but this adapter allows ${maxThreads} threads and ${limits.maxComputeWorkgroupStorageSize} B. Use at most ${maxThreads} units or the tfjs-layers ${cell.toUpperCase()}.`
		};
	}
	return { ok: true, size };
}
