// WorkerClient over a MessageChannel standing in for a Worker (comlink speaks to either).
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { ok, type Result } from '$lib/core/result';
import { WorkerClient } from './worker-client';

const api = {
	/** Reports twice during the work, then once more after its result has gone back. */
	async work(_port: MessagePort, report: (p: string) => void): Promise<Result<string>> {
		report('half');
		report('done');
		setTimeout(() => report('late'), 0);
		return ok('result');
	}
};

function fakeWorker(): Worker {
	const { port1, port2 } = new MessageChannel();
	Comlink.expose(api, port2);
	return Object.assign(port1, { terminate: () => port1.close() }) as unknown as Worker;
}

describe('WorkerClient progress reports', () => {
	it('delivers reports while the call runs and drops one that arrives after its result', async () => {
		const client = new WorkerClient<typeof api>(fakeWorker);
		const seen: string[] = [];
		const r = await client.call((w, port, report) =>
			w.work(
				port,
				report((p: string) => seen.push(p))
			)
		);
		expect(r).toEqual({ ok: true, value: 'result' });
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(seen).toEqual(['half', 'done']);
		client.terminate();
	});
});
