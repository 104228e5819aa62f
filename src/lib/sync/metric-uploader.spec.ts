import { describe, expect, it } from 'vitest';
import type { MetricPoint } from '$lib/core/protocol';
import { err, ok, type Result } from '$lib/core/result';
import { MetricUploader } from './metric-uploader';

const points = (n: number, from = 0): MetricPoint[] =>
	Array.from({ length: n }, (_, i) => ({
		name: 'loss',
		step: from + i,
		value: 1 / (from + i + 1)
	}));

/** Timers under test control: nothing runs until `fire()`. */
function manualTimers() {
	const due: { run: () => void; ms: number }[] = [];
	return {
		schedule: (run: () => void, ms: number) => due.push({ run, ms }),
		delays: () => due.map((d) => d.ms),
		fire: () => due.splice(0).forEach((d) => d.run())
	};
}

describe('MetricUploader', () => {
	it('log() returns at once even while the network hangs', () => {
		const timers = manualTimers();
		const uploader = new MetricUploader(() => new Promise<Result<unknown>>(() => {}), {
			schedule: timers.schedule
		});
		uploader.log(points(3));
		timers.fire();
		uploader.log(points(2, 3));
		expect(uploader.pending).toBe(5);
	});

	it('sends batches of at most 5,000 points, in order, each point once', async () => {
		const sent: MetricPoint[][] = [];
		const uploader = new MetricUploader(async (batch) => (sent.push(batch), ok(null)), {
			schedule: () => {}
		});
		uploader.log(points(12_001));
		await uploader.flush();
		expect(sent.map((b) => b.length)).toEqual([5000, 5000, 2001]);
		expect(sent.flat().map((p) => p.step)).toEqual(points(12_001).map((p) => p.step));
		expect(uploader.pending).toBe(0);
	});

	it('keeps a failed batch and retries it with growing backoff until it goes through', async () => {
		const timers = manualTimers();
		let failuresLeft = 2;
		const delivered: number[] = [];
		const uploader = new MetricUploader(
			async (batch) => {
				if (failuresLeft-- > 0) return err('internal', 'The edge is unreachable');
				delivered.push(...batch.map((p) => p.step));
				return ok(null);
			},
			{ schedule: timers.schedule, random: () => 0.999, flushEveryMs: 2000 }
		);
		uploader.log(points(10));
		expect(timers.delays()).toEqual([2000]);
		timers.fire();
		await uploader.flush();
		expect(uploader.lastError).toBe('The edge is unreachable');
		expect(uploader.pending).toBe(10);
		expect(timers.delays()).toEqual([1998]);
		timers.fire();
		await uploader.flush();
		expect(timers.delays()).toEqual([3996]);
		timers.fire();
		await uploader.flush();
		expect(delivered).toEqual(points(10).map((p) => p.step));
		expect(uploader.pending).toBe(0);
	});

	it('drain() gives up after repeated failures and reports it, keeping the points', async () => {
		const uploader = new MetricUploader(async () => err('internal', 'down'), {
			schedule: () => {}
		});
		uploader.log(points(4));
		expect(await uploader.drain(3, async () => {})).toBe(false);
		expect(uploader.pending).toBe(4);
	});
});
