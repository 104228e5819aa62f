import { acquireNodeGpu } from '/work/main/src/lib/compute/node-gpu';
import { computeFeatures } from '/work/main/src/lib/compute/features';
import { computeFeaturesCpu, DEFAULT_FEATURES } from '/work/main/src/lib/core/features';
import { syntheticCloses } from '/work/main/src/lib/core/features/synthetic-closes';
const r = await acquireNodeGpu();
if (!r.ok) { console.log(r); process.exit(1); }
console.log(r.value.adapterInfo, r.value.isSoftware, r.value.limits.maxStorageBufferBindingSize);
const specs = [...DEFAULT_FEATURES, { kind: 'rolling_std', window: 20 } as const, { kind: 'rolling_mean', window: 5 } as const, {kind:'ema', period: 9, source:'log_return'} as const];
for (const n of [1000]) {
  const close = syntheticCloses(n, 3);
  const series = { symbol: 'X', time: new Float64Array(n), open: close, high: close, low: close, close, volume: close };
  const t0 = performance.now();
  const g = await computeFeatures(series, specs, { gpu: r.value });
  const t1 = performance.now();
  const c = computeFeaturesCpu(series, specs);
  const t2 = performance.now();
  console.log(n, g.engine, (t1-t0).toFixed(1), (t2-t1).toFixed(1));
  c.columns.forEach((col, k) => { let maxAbs = 0, maxRel = 0, nanMismatch = 0; for (let i = 0; i < n; i++) { const a = col[i], b = g.matrix.columns[k][i]; if (Number.isNaN(a) !== Number.isNaN(b)) nanMismatch++; else if (!Number.isNaN(a)) { maxAbs = Math.max(maxAbs, Math.abs(a-b)); maxRel = Math.max(maxRel, Math.abs(a-b)/Math.max(Math.abs(a),1e-30)); } } console.log('  ', c.names[k], 'abs', maxAbs.toExponential(2), 'rel', maxRel.toExponential(2), 'nanMismatch', nanMismatch); });
}
r.value.device.destroy();
