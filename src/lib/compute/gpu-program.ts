/**
 * A compute program as data: WGSL source plus the workgroup size it was generated for. `name` is the
 * pipeline-cache key, so it must change whenever the code does (it embeds the workgroup size).
 * Programs are pure values: built and inspected in unit tests without a GPU.
 */
export interface GpuProgram {
	name: string;
	code: string;
	workgroupSize: number;
}

/**
 * WGSL shared by the feature kernels: the `Shape` uniform and the NaN helpers. Storage is read and written as raw u32 bits so NaN survives:
 * WGSL lets implementations assume floats are finite (a `x != x` test may be folded away) and makes a
 * NaN-valued constant a shader-creation error, so missing values are tested and written as bit
 * patterns instead.
 */
export const FEATURE_KERNEL_PRELUDE = /* wgsl */ `
const NAN_BITS: u32 = 0x7fc00000u;

// True for NaN and ±Infinity: all exponent bits set.
fn is_missing(bits: u32) -> bool {
	return (bits & 0x7f800000u) == 0x7f800000u;
}

// The shape every feature kernel reads: rows per column and how many rolling / EMA columns there are.
struct Shape {
	rows: u32,
	rolling: u32,
	emas: u32,
	pad: u32,
}
`;

/**
 * WGSL for a flat thread index over a 2-D dispatch (see `dispatchSize`): large series need more
 * workgroups than one dimension allows (65 535 by default).
 */
export const flatIndexWgsl = (workgroupSize: number) => /* wgsl */ `
fn flat_index(gid: vec3<u32>, groups: vec3<u32>) -> u32 {
	return gid.x + gid.y * groups.x * ${workgroupSize}u;
}
`;
