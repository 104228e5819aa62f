import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// tfjs backends use dynamic import() inside workers: ES-module workers are required.
	worker: { format: 'es' },
	server: { host: '127.0.0.1' },
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.spec.ts', 'cli/**/*.spec.ts', 'scripts/**/*.spec.ts'],
					exclude: ['src/**/*.gpu.spec.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'gpu',
					environment: 'node',
					include: ['src/**/*.gpu.spec.ts'],
					testTimeout: 120_000,
					// One Dawn device at a time: SwiftShader is CPU emulation and the machine has 2 cores.
					fileParallelism: false
				}
			}
		]
	}
});
