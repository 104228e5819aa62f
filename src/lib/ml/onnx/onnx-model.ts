/**
 * ONNX models through onnxruntime-web (inference only): load bytes, describe inputs and outputs,
 * predict through the common `Predictor` interface. The provider list is tried one provider at a
 * time, because onnxruntime-web falls back from 'webgpu' to 'wasm' silently when given both
 * (PLATFORM.md): the provider reported is the one that created the session.
 *
 * The runtime module is passed in (see `onnx-runtime.ts`): browsers load a build whose WASM binary
 * fits the edge's 25 MiB asset limit, Node loads the package's Node build.
 */
import type * as Ort from 'onnxruntime-web';
import { err, ok, type Result } from '$lib/core/result';
import type { Predictor } from './predictor';

export type OnnxProvider = 'webgpu' | 'wasm';

export interface OnnxTensorInfo {
	name: string;
	/** Element type, e.g. 'float32'; 'unknown' for non-tensor values. */
	type: string;
	/** Dimensions; symbolic ones (e.g. 'batch') as strings, unknown as null. */
	shape: (number | string | null)[];
}

export interface OnnxModel extends Predictor {
	readonly provider: OnnxProvider;
	readonly inputs: OnnxTensorInfo[];
	readonly outputs: OnnxTensorInfo[];
	/** Why a preferred provider was skipped, if one was. */
	readonly notice: string | null;
}

/** The onnxruntime-web module (any of its builds: they share one API). */
export type OrtRuntime = typeof Ort;

type Metadata = Ort.InferenceSession['inputMetadata'][number];

function describe(m: Metadata): OnnxTensorInfo {
	if (!m.isTensor) return { name: m.name, type: 'unknown', shape: [] };
	return { name: m.name, type: m.type, shape: m.shape.map((d) => d ?? null) };
}

/**
 * Creates a session on the first provider in `providers` that works (default: WebGPU, then WASM).
 *
 * @example
 * const r = await loadOnnxModel(await loadOrtRuntime(), new Uint8Array(await file.arrayBuffer()));
 * if (r.ok) console.log(r.value.provider, r.value.inputs);
 */
export async function loadOnnxModel(
	ort: OrtRuntime,
	bytes: Uint8Array,
	providers: readonly OnnxProvider[] = ['webgpu', 'wasm']
): Promise<Result<OnnxModel>> {
	const skipped: string[] = [];
	for (const provider of providers) {
		if (
			provider === 'webgpu' &&
			!(globalThis as { navigator?: { gpu?: unknown } }).navigator?.gpu
		) {
			skipped.push('WebGPU is not available here');
			continue;
		}
		try {
			const session = await ort.InferenceSession.create(bytes, { executionProviders: [provider] });
			return ok(
				wrapSession(
					ort,
					session,
					provider,
					skipped.length ? `${skipped.join('; ')}; ran on ${provider}.` : null
				)
			);
		} catch (e) {
			const message = e instanceof Error ? e.message : String(e);
			// Not an ONNX model at all: no other provider will read it either.
			if (/protobuf|parse|invalid model|failed to load model/i.test(message)) {
				return err('bad_input', `This file is not a readable ONNX model: ${message}`);
			}
			skipped.push(`${provider} failed (${message})`);
		}
	}
	return err('internal', `No onnxruntime-web provider could run the model: ${skipped.join('; ')}.`);
}

function wrapSession(
	ort: OrtRuntime,
	session: Ort.InferenceSession,
	provider: OnnxProvider,
	notice: string | null
): OnnxModel {
	const inputs = session.inputMetadata.map(describe);
	const outputs = session.outputMetadata.map(describe);
	return {
		provider,
		inputs,
		outputs,
		notice,
		engine: `onnxruntime-web ${provider}`,
		async predict(x, shape) {
			const size = shape.reduce((a, b) => a * b, 1);
			if (size !== x.length)
				throw new RangeError(`x has ${x.length} values, shape [${shape.join(', ')}] needs ${size}`);
			const input = new ort.Tensor('float32', x, [...shape]);
			const out = await session.run({ [session.inputNames[0]]: input });
			const first = out[session.outputNames[0]];
			try {
				return Float32Array.from((await first.getData()) as Float32Array);
			} finally {
				input.dispose();
				for (const t of Object.values(out)) t.dispose();
			}
		},
		dispose() {
			void session.release();
		}
	};
}
