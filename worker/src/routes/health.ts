/** `GET /api/v1/health`: liveness plus a one-query D1 check, for `npm start` and uptime probes. */
import type { AppContext } from '../context';
import { jsonResponse } from '../http/respond';

export async function health(c: AppContext): Promise<Response> {
	let db: 'ok' | 'error' = 'ok';
	try {
		await c.env.DB.prepare('SELECT 1').first();
	} catch {
		db = 'error';
	}
	return jsonResponse(db === 'ok' ? 200 : 503, {
		status: db === 'ok' ? 'ok' : 'degraded',
		service: 'axon',
		time: new Date().toISOString(),
		checks: { db }
	});
}
