import { create, globals } from 'webgpu';
Object.assign(globalThis, globals);
const variant = process.argv[2];
let gpu = create([]);
let adapter = await gpu.requestAdapter();
const device = await adapter.requestDevice(); gpu = null; globalThis.gc();
const n = 1000;
const bodies = {
  full: `let c0 = bitcast<f32>(a); let c1 = bitcast<f32>(b); if (c0 > 0.0 && c1 > 0.0) { result = bitcast<u32>(log_ratio(c0, c1)); }`,
  logonly: `let c0 = bitcast<f32>(a); let c1 = bitcast<f32>(b); if (c0 > 0.0 && c1 > 0.0) { result = bitcast<u32>(log(c1 / c0)); }`,
  div: `let c0 = bitcast<f32>(a); let c1 = bitcast<f32>(b); result = bitcast<u32>(c1 / c0);`,
  copy: `result = b;`,
};
const code = `
fn is_missing(bits: u32) -> bool { return (bits & 0x7f800000u) == 0x7f800000u; }
fn log_ratio(c0: f32, c1: f32) -> f32 {
	let q = (c1 - c0) / c0;
	let z = q / (2.0 + q);
	if (abs(z) < 0.1) { let z2 = z * z; return 2.0 * z * (1.0 + z2 * (1.0 / 3.0 + z2 * (1.0 / 5.0 + z2 * (1.0 / 7.0 + z2 / 9.0)))); }
	return log(c1 / c0);
}
struct Shape { rows: u32, a: u32, b: u32, c: u32 }
@group(0) @binding(0) var<uniform> shape: Shape;
@group(0) @binding(1) var<storage, read_write> sources: array<u32>;
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x;
  if (i >= shape.rows) { return; }
  var result = 0x7fc00000u;
  if (i > 0u) { let a = sources[i - 1u]; let b = sources[i]; if (!is_missing(a) && !is_missing(b)) { ${bodies[variant]} } }
  sources[shape.rows + i] = result;
}`;
const pipeline = device.createComputePipeline({ layout: 'auto', compute: { module: device.createShaderModule({ code }), entryPoint: 'main' } });
const shape = device.createBuffer({ size: 16, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
const src = device.createBuffer({ size: 8 * n, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC });
const staging = device.createBuffer({ size: 4 * n, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
device.queue.writeBuffer(shape, 0, Uint32Array.of(n, 0, 0, 0));
device.queue.writeBuffer(src, 0, Float32Array.from({ length: n }, (_, i) => 100 + Math.sin(i)));
const enc = device.createCommandEncoder();
const pass = enc.beginComputePass();
pass.setPipeline(pipeline);
pass.setBindGroup(0, device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries: [{ binding: 0, resource: { buffer: shape } }, { binding: 1, resource: { buffer: src } }] }));
pass.dispatchWorkgroups(Math.ceil(n / 64));
pass.end();
enc.copyBufferToBuffer(src, 4 * n, staging, 0, 4 * n);
device.queue.submit([enc.finish()]);
await staging.mapAsync(GPUMapMode.READ);
const out = new Float32Array(staging.getMappedRange().slice(0));
console.log(variant, out[1], out[n - 1]);
staging.unmap();
device.destroy();
