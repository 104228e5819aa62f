/**
 * Browser only: the WASM backend's three binaries as Vite assets (hashed, served from the build), in
 * the shape `setWasmPaths` takes. Imported lazily by `wasm-backend.ts`, never in Node, where `?url`
 * imports mean nothing outside Vite (benches and the CLI run under tsx).
 */
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export const WASM_URLS: Record<string, string> = {
	'tfjs-backend-wasm.wasm': wasmUrl,
	'tfjs-backend-wasm-simd.wasm': simdUrl,
	'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdUrl
};
