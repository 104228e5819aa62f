// syncExperiment against a stubbed edge: the record is pushed; the local run history follows as a
// tracked run, except when the run is streamed live (its stream creates the run itself).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AxonDb } from '$lib/store/db';
import { createExperimentWithRun } from '$lib/store/repositories';
import { syncExperiment } from './sync-experiment';

function stubEdge() {
	const calls: string[] = [];
	vi.stubGlobal(
		'fetch',
		vi.fn(async (url: string, init: RequestInit = {}) => {
			const method = init.method ?? 'GET';
			calls.push(`${method} ${url}`);
			const body = init.body ? JSON.parse(String(init.body)) : {};
			const now = new Date().toISOString();
			if (method === 'POST' && url === '/api/v1/experiments')
				return Response.json(
					{
						...body,
						id: 'remote-exp',
						owner_id: 'u',
						created_at: now,
						updated_at: now,
						version: 1
					},
					{ status: 201 }
				);
			if (method === 'POST' && url.endsWith('/runs'))
				return Response.json(
					{
						id: 'remote-run',
						experiment_id: 'remote-exp',
						name: body.name ?? null,
						status: 'running',
						parameters: {},
						final_metrics: null,
						started_at: now,
						ended_at: null
					},
					{ status: 201 }
				);
			return Response.json({ error: { code: 'not_found', message: 'no' } }, { status: 404 });
		})
	);
	return calls;
}

async function runningExperiment(db: AxonDb) {
	const { experiment } = await createExperimentWithRun(
		db,
		{
			id: crypto.randomUUID(),
			name: 'live',
			datasetId: 'd',
			featureSetId: 'fs',
			body: {
				name: 'live',
				status: 'created',
				model_config: { model_type: 'gru', window: 8, units: 8 },
				data_config: {
					dataset: 'ttrc',
					content_hash: 'a'.repeat(64),
					rows: 3,
					features: ['log_return'],
					train_fraction: 0.7
				},
				training_config: { seed: 1, epochs: 2, batch_size: 16, learning_rate: 0.01, backend: 'cpu' }
			},
			remote: null,
			error: null,
			createdAt: Date.now(),
			updatedAt: Date.now()
		},
		1
	);
	return experiment.id;
}

afterEach(() => vi.unstubAllGlobals());

describe('syncExperiment', () => {
	it('pushes the record and, by default, its run history as a tracked run', async () => {
		const calls = stubEdge();
		const db = new AxonDb(`sync-${crypto.randomUUID()}`);
		const r = await syncExperiment(db, 't', await runningExperiment(db));
		expect(r).toEqual({ ok: true, value: { remoteId: 'remote-exp' } });
		expect(calls.filter((c) => c.endsWith('/runs'))).toHaveLength(1);
	});

	it('pushes only the record when the run streams live, so the edge gets one run, not two', async () => {
		const calls = stubEdge();
		const db = new AxonDb(`sync-${crypto.randomUUID()}`);
		const r = await syncExperiment(db, 't', await runningExperiment(db), { uploadRun: false });
		expect(r).toEqual({ ok: true, value: { remoteId: 'remote-exp' } });
		expect(calls).toEqual(['POST /api/v1/experiments']);
	});
});
