/**
 * Registers tfjs' WASM backend (XNNPACK) and tells it where its `.wasm` binaries are. In the browser
 * (page or worker) Vite serves the three binaries as hashed assets (`wasm-urls.ts`); in Node
 * (tests, benches, CLI) they are read from the installed package's `dist/`. Idempotent.
 */
import * as tf from '@tensorflow/tfjs';
import { err, ok, type Result } from '$lib/core/result';

let registered: Promise<Result<void>> | null = null;

/**
 * Makes `tf.setBackend('wasm')` possible. Resolves to an error Result (never throws) when the package
 * cannot be loaded, so callers can report "WASM unavailable" honestly instead of crashing.
 *
 * @example
 * const r = await registerWasmBackend();
 * if (r.ok) await tf.setBackend('wasm');
 */
export function registerWasmBackend(): Promise<Result<void>> {
	registered ??= register();
	return registered;
}

async function register(): Promise<Result<void>> {
	try {
		const wasm = await import('@tensorflow/tfjs-backend-wasm');
		const dir = await nodeDistDir();
		wasm.setWasmPaths(dir ?? (await import('./wasm-urls')).WASM_URLS);
		if (!tf.findBackendFactory('wasm')) {
			return err('internal', '@tensorflow/tfjs-backend-wasm loaded but did not register.');
		}
		return ok(undefined);
	} catch (e) {
		registered = null;
		return err(
			'internal',
			`The WASM backend failed to load: ${e instanceof Error ? e.message : String(e)}`
		);
	}
}

/**
 * The package's `dist/` directory when running in Node (not in a browser or worker, where the `?url`
 * assets are used), else null. `node:module` is imported through a variable so Vite never bundles it.
 */
async function nodeDistDir(): Promise<string | null> {
	const g = globalThis as { process?: { versions?: { node?: string } }; document?: unknown };
	const isWorker = typeof (globalThis as { importScripts?: unknown }).importScripts === 'function';
	if (!g.process?.versions?.node || g.document !== undefined || isWorker) return null;
	const specifier = 'node:module';
	const { createRequire } = (await import(
		/* @vite-ignore */ specifier
	)) as typeof import('node:module');
	const pkg = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json');
	return pkg.replace(/package\.json$/, 'dist/');
}
