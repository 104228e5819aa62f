/**
 * WGSL helpers shared by the recurrence kernels. They are appended to tfjs-backend-webgpu's shader
 * prelude, which declares `result` (the output), one read-only storage array per input, and
 * `uniforms` with each input's shape; `uniforms.hardGate` selects the gate nonlinearity at run time
 * so one pipeline serves both.
 *
 * f32 error: `exp` on SwiftShader/Vulkan is within a few ulp; σ and tanh as written below lose no
 * more than ~4 ulp absolute (their outputs are bounded by 1, and exp only sees non-positive
 * arguments, so nothing overflows for |a| → ∞: σ → 0 or 1, tanh → ±1 exactly).
 */
export const RECURRENCE_WGSL_PRELUDE = /* wgsl */ `
fn stableSigmoid(a: f32) -> f32 {
	let e = exp(-abs(a));
	return select(e / (1.0 + e), 1.0 / (1.0 + e), a >= 0.0);
}

fn stableTanh(a: f32) -> f32 {
	let e = exp(-2.0 * abs(a));
	return sign(a) * (1.0 - e) / (1.0 + e);
}

fn gateAct(a: f32) -> f32 {
	if (uniforms.hardGate != 0) {
		return clamp(0.2 * a + 0.5, 0.0, 1.0);
	}
	return stableSigmoid(a);
}

// d gate / d preactivation from the gate's output (see rnn-math.ts gateSlope).
fn gateSlope(y: f32) -> f32 {
	if (uniforms.hardGate != 0) {
		return select(0.0, 0.2, y > 0.0 && y < 1.0);
	}
	return y * (1.0 - y);
}

// The batch row this workgroup owns; tfjs may fold a long 1-D dispatch into 2-D.
fn batchRow() -> i32 {
	return i32(workgroupId.x + workgroupId.y * numWorkgroups.x);
}
`;

/** Custom uniforms appended to tfjs' `Uniforms` struct (shapes come from tfjs' own fields). */
export const RECURRENCE_UNIFORMS = 'reverse : i32, hardGate : i32,';

/**
 * `rows` copies of a WGSL fragment, one per batch row a workgroup owns. Unrolled in the source so
 * each row's state lives in its own named registers (a function-scope array indexed in a loop may
 * be spilled to memory by the shader compiler).
 */
export const perRow = (rows: number, code: (r: number) => string): string =>
	Array.from({ length: rows }, (_, r) => code(r)).join('\n');
