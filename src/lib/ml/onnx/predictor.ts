/**
 * The one inference interface every model offers, native (tfjs) or imported (ONNX): a flat f32
 * input with its shape in, a flat f32 output out. Anything that predicts (backtests, the arena,
 * the page) takes a `Predictor` and never cares where the model came from.
 */
export interface Predictor {
	/** Where it runs, for the user: e.g. 'tfjs cpu', 'onnxruntime-web wasm'. */
	readonly engine: string;
	/** `x` row-major with `shape` (batch first); resolves to the first output, row-major. */
	predict(x: Float32Array, shape: readonly number[]): Promise<Float32Array>;
	dispose(): void;
}
