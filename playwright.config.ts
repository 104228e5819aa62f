// End-to-end tests in Debian's Chromium with WebGPU (SwiftShader), against the real local edge
// (`wrangler dev` serving the built SPA and /api/v1, with its own fresh D1/DO/R2 state).
import { defineConfig } from '@playwright/test';

export const E2E_PORT = 8788;

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	// SwiftShader trains a tiny GRU in tens of seconds on 2 cores; the whole slice needs minutes.
	timeout: 8 * 60_000,
	expect: { timeout: 30_000 },
	workers: 1,
	retries: 0,
	outputDir: 'test-results',
	reporter: [['list'], ['json', { outputFile: 'artifacts/results/e2e.json' }]],
	use: {
		baseURL: `http://127.0.0.1:${E2E_PORT}`,
		browserName: 'chromium',
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--enable-unsafe-webgpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		},
		screenshot: 'only-on-failure',
		trace: 'retain-on-failure'
	},
	webServer: {
		command: `node scripts/e2e-server.mjs ${E2E_PORT}`,
		url: `http://127.0.0.1:${E2E_PORT}/api/v1/health`,
		reuseExistingServer: false,
		timeout: 180_000,
		stdout: 'pipe',
		stderr: 'pipe'
	}
});
