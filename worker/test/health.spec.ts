import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api } from './helpers';

describe('GET /api/v1/health', () => {
	it('answers ok with a working database and API security headers', async () => {
		const res = await api('/api/v1/health');
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ status: 'ok', service: 'axon', checks: { db: 'ok' } });
		expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
		expect(res.headers.get('Cache-Control')).toBe('no-store');
		expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
		expect(res.headers.get('X-Frame-Options')).toBe('DENY');
	});
});

describe('migrations', () => {
	it('create every table of the seed data model', async () => {
		const { results } = await env.DB.prepare(
			"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
		).all<{ name: string }>();
		const names = results.map((r) => r.name);
		for (const table of [
			'users',
			'experiments',
			'models',
			'model_versions',
			'experiment_runs',
			'battle_sessions',
			'performance_metrics',
			'data_sources',
			'feature_sets',
			'features',
			'audit_log',
			'api_keys',
			'share_links',
			'jobs'
		]) {
			expect(names).toContain(table);
		}
	});

	it('reject a role outside the four known roles', async () => {
		await expect(
			env.DB.prepare(
				"INSERT INTO users (id, email, display_name, role, password_hash, password_salt, password_iterations) VALUES ('x', 'x@y.z', 'x', 'admin', 'h', 's', 1)"
			).run()
		).rejects.toThrow(/CHECK constraint failed/);
	});

	it('keep model versions unique per model', async () => {
		const now = new Date().toISOString();
		await env.DB.batch([
			env.DB.prepare(
				"INSERT INTO users (id, email, display_name, role, password_hash, password_salt, password_iterations) VALUES ('u-mv', 'mv@y.z', 'mv', 'researcher', 'h', 's', 1)"
			),
			env.DB.prepare(
				"INSERT INTO models (id, owner_id, name, model_type, created_at, updated_at) VALUES ('m1', 'u-mv', 'm', 'gru', ?, ?)"
			).bind(now, now),
			env.DB.prepare(
				"INSERT INTO model_versions (id, model_id, version, created_at) VALUES ('v1', 'm1', 1, ?)"
			).bind(now)
		]);
		await expect(
			env.DB.prepare(
				"INSERT INTO model_versions (id, model_id, version, created_at) VALUES ('v2', 'm1', 1, ?)"
			)
				.bind(now)
				.run()
		).rejects.toThrow(/UNIQUE constraint failed/);
	});
});

describe('API routing', () => {
	it('answers unknown API paths with a JSON 404', async () => {
		const res = await api('/api/v1/nope');
		expect(res.status).toBe(404);
		expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
	});

	it('answers a known path with the wrong method with 405 and Allow', async () => {
		const res = await api('/api/v1/health', { method: 'DELETE' });
		expect(res.status).toBe(405);
		expect(res.headers.get('Allow')).toBe('GET');
		expect(await res.json()).toMatchObject({ error: { code: 'method_not_allowed' } });
	});
});
