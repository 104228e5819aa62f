import { describe, expect, it } from 'vitest';
import { recurrenceWorkgroupSize } from '$lib/compute/rnn';
import { recurrenceProgram } from './recurrence-program';
import { recurrenceRows } from './run-recurrence';

const DEFAULT_LIMITS = {
	maxComputeInvocationsPerWorkgroup: 256,
	maxComputeWorkgroupSizeX: 256,
	maxComputeWorkgroupStorageSize: 16384
};

describe('batch rows per recurrence workgroup', () => {
	it('shares weight reads between 8 rows on a software adapter, 1 row on hardware', () => {
		const swiftshader = { adapterInfo: { vendor: 'google', architecture: 'swiftshader' } };
		const nvidia = { adapterInfo: { vendor: 'nvidia', architecture: 'hopper' } };
		expect(recurrenceRows(swiftshader)).toBe(8);
		expect(recurrenceRows(nvidia)).toBe(1);
		expect(recurrenceRows({})).toBe(1);
	});

	it('counts the rows in the workgroup memory check (4 gate gradients per unit and row)', () => {
		// 256 LSTM units: 4 · 256 · 4 B = 4 KiB per row, so 4 rows fill the default 16 KiB.
		expect(recurrenceWorkgroupSize('lstm', 256, DEFAULT_LIMITS, 4)).toEqual({
			ok: true,
			size: 256
		});
		const small = { ...DEFAULT_LIMITS, maxComputeWorkgroupStorageSize: 8192 };
		expect(recurrenceWorkgroupSize('lstm', 256, small, 4).ok).toBe(false);
		expect(recurrenceWorkgroupSize('lstm', 256, small, 2)).toEqual({ ok: true, size: 256 });
		expect(recurrenceWorkgroupSize('gru', 256, small, 2).ok).toBe(true);
	});

	it('dispatches one workgroup per `rows` batch rows and keys the pipeline by rows', () => {
		const four = recurrenceProgram('lstm', 'forward', [7, 5, 7 * 16], 32, 4);
		const one = recurrenceProgram('lstm', 'forward', [7, 5, 7 * 16], 32, 1);
		expect(four.dispatch).toEqual([2, 1, 1]);
		expect(one.dispatch).toEqual([7, 1, 1]);
		expect(four.shaderKey).not.toBe(one.shaderKey);
		expect(four.getUserCode()).toContain('hNext3');
		expect(recurrenceProgram('gru', 'backward', [7, 5, 3 * 16], 32, 4).getUserCode()).toContain(
			'dhRec3'
		);
	});
});
