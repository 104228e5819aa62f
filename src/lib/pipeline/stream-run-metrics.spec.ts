import { describe, expect, it } from 'vitest';
import type { MetricPoint } from '$lib/core/protocol';
import { err, ok } from '$lib/core/result';
import { startRunStream, type StreamDeps } from './stream-run-metrics';

/** A fake edge: records what arrives; `down` makes metric uploads fail. */
function fakeEdge(opts: { down?: boolean } = {}) {
	const sent: MetricPoint[][] = [];
	const calls: string[] = [];
	const deps: StreamDeps = {
		sync: async () => (calls.push('sync'), ok({ remoteId: 'remote-exp' })),
		createRun: async () => (calls.push('createRun'), ok({ id: 'remote-run' })),
		logMetrics: async (_e, _r, points) => {
			if (opts.down) return err('internal', 'network down');
			sent.push(points);
			return ok({});
		},
		patchRun: async (_e, _r, body) => (calls.push(`patch:${body.status}`), ok({})),
		requeue: async () => {
			calls.push('requeue');
		},
		// Flush as soon as the event loop turns, so the test sees each epoch arrive.
		uploader: { flushEveryMs: 0, random: () => 0 }
	};
	return { deps, sent, calls };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('streaming an experiment’s metrics to the edge epoch by epoch', () => {
	it('sends each epoch’s points when the epoch ends, not only at the end of training', async () => {
		const edge = fakeEdge();
		const stream = await startRunStream('local-exp', edge.deps);
		expect(stream).not.toBeNull();
		stream!.epoch({ epoch: 1, loss: 0.9, valLoss: 1.1, learningRate: 1e-3, samplesPerSec: 5000 });
		await tick();
		expect(edge.sent.flat()).toEqual([
			{ name: 'loss', step: 1, value: 0.9 },
			{ name: 'val_loss', step: 1, value: 1.1 },
			{ name: 'learning_rate', step: 1, value: 1e-3 },
			{ name: 'samples_per_sec', step: 1, value: 5000 }
		]);
		stream!.epoch({ epoch: 2, loss: Number.NaN, valLoss: null });
		stream!.epoch({ epoch: 3, loss: 0.7, valLoss: 0.95, valMetric: 0.04 });
		await tick();
		// A diverged (NaN) loss stays local: the edge takes finite numbers only.
		expect(edge.sent.flat().filter((p) => p.step > 1)).toEqual([
			{ name: 'loss', step: 3, value: 0.7 },
			{ name: 'val_loss', step: 3, value: 0.95 },
			{ name: 'val_ic', step: 3, value: 0.04 }
		]);
		expect(await stream!.finish('completed', { loss: 0.7 })).toBe(true);
		expect(edge.calls).toEqual(['sync', 'createRun', 'patch:completed', 'requeue']);
	});

	it('never blocks training on a hanging network: epoch() returns at once', async () => {
		const edge = fakeEdge();
		let requests = 0;
		// A request that never answers: if epoch() awaited the network, this test would hang.
		edge.deps.logMetrics = () => {
			requests++;
			return new Promise(() => {});
		};
		const stream = (await startRunStream('local-exp', edge.deps))!;
		const results = Array.from({ length: 50 }, (_, i) => stream.epoch({ epoch: i + 1, loss: 1 }));
		expect(results.every((r) => r === undefined)).toBe(true);
		await tick();
		// One batch in flight, the rest queued behind it (one request at a time, in order).
		expect(requests).toBe(1);
	});

	it('keeps points queued when uploads fail, and says so when the run finishes', async () => {
		const edge = fakeEdge({ down: true });
		const stream = (await startRunStream('local-exp', edge.deps))!;
		stream.epoch({ epoch: 1, loss: 0.5 });
		await tick();
		expect(edge.sent).toEqual([]);
		expect(await stream.finish('completed')).toBe(false);
		// The final record still goes back to the outbox for the next sync.
		expect(edge.calls.at(-1)).toBe('requeue');
	});

	it('streams nothing when the experiment cannot reach the edge at the start', async () => {
		const edge = fakeEdge();
		edge.deps.sync = async () => err('internal', 'offline');
		expect(await startRunStream('local-exp', edge.deps)).toBeNull();
	});
});
