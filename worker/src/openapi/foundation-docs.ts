/** OpenAPI descriptions of the foundation routes mounted in worker/src/index.ts (health, experiments, live). */
import { z } from 'zod';
import { Experiment, ExperimentCreate } from '../../../src/lib/core/protocol';
import type { RouteDoc } from './route-doc';

const Health = z.object({
	status: z.enum(['ok', 'degraded']),
	service: z.literal('axon'),
	time: z.string(),
	checks: z.object({ db: z.enum(['ok', 'error']) })
});

export const foundationRouteDocs: RouteDoc[] = [
	{
		method: 'GET',
		path: '/api/v1/health',
		summary: 'Liveness and database check',
		tag: 'health',
		auth: 'public',
		response: Health
	},
	{
		method: 'POST',
		path: '/api/v1/experiments',
		summary: 'Create an experiment',
		tag: 'experiments',
		auth: 'token',
		permission: 'experiments:create',
		body: ExperimentCreate,
		response: Experiment,
		status: 201
	},
	{
		method: 'GET',
		path: '/api/v1/experiments/{id}',
		summary: 'Get one of your experiments (another user’s is a 404)',
		tag: 'experiments',
		auth: 'token',
		permission: 'experiments:read',
		response: Experiment
	},
	{
		method: 'GET',
		path: '/api/v1/live/{symbol}',
		summary: 'Live bars over WebSocket (send ?token=<access token>; answers 101)',
		tag: 'live',
		auth: 'token',
		permission: 'live:read',
		query: z.object({ token: z.string() }),
		status: 101
	}
];
