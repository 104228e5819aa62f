/**
 * The WebAssembly text of the Monte Carlo path kernel: the CPU twin's inner loop (`pathReturns` +
 * `pathMetrics`) for all three path models, written so its outputs are bit-identical to the
 * JavaScript twin (tested in `wasm-paths.spec.ts`).
 *
 * Why WebAssembly: the JS twin spends most of its time in Philox4x32-10's 32×32→64-bit products,
 * which JS can only form from 16-bit halves in f64 with two floor divisions each. One `i64.mul`
 * gives both halves here. Everything else is the same f64 arithmetic in the same order (IEEE-754
 * add, mul, div and sqrt are correctly rounded in both languages, and WebAssembly never fuses a
 * multiply-add), and `log` / `cos` are imported from the host's `Math`, so the same bits come out.
 *
 * The text is generated (Philox's ten rounds unrolled, the three models sharing one loop skeleton);
 * `scripts/build-wasm.ts` assembles it with wabt into `path-kernel-bytes.ts`, and a test checks the
 * committed bytes still match this text.
 *
 * Exported: `memory`, and `bootstrap` / `gbm` / `markov`, each
 * (src, n, restartThreshold, seed, stream, first, count, steps, out,
 *  drift0, drift1, sigma0, sigma1, switch0, switch1, initialMode, initialThreshold) → (),
 * writing per path p (at out + 48·p) the f64 sums the metrics need:
 * cum, ddLog, minLog, Σd, Σd², shift (see `metricsFromSums`).
 */

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;
const ROUNDS = 10;

/** A double as a WAT hexadecimal float, so the assembler cannot round it differently. */
export function hexFloat(x: number): string {
	if (!Number.isFinite(x) || x === 0)
		throw new RangeError(`hexFloat: ${x} is not a finite non-zero`);
	const view = new DataView(new ArrayBuffer(8));
	view.setFloat64(0, x);
	const hi = view.getUint32(0);
	const lo = view.getUint32(4);
	const sign = hi >>> 31 ? '-' : '';
	const exponent = ((hi >>> 20) & 0x7ff) - 1023;
	if (exponent === -1023) throw new RangeError('hexFloat: subnormals are not needed here');
	const mantissa = (hi & 0xfffff).toString(16).padStart(5, '0') + lo.toString(16).padStart(8, '0');
	return `${sign}0x1.${mantissa}p${exponent >= 0 ? '+' : ''}${exponent}`;
}

/** k1 starts at 0 for every block, so its ten round values are constants. */
const k1Round = (r: number) => ((r * W1) >>> 0) | 0;

/** One Philox round on locals $c0…$c3 with round keys $k<r> (from the seed) and constant k1. */
function philoxRound(r: number): string {
	return `
    (local.set $p0 (i64.mul (i64.extend_i32_u (local.get $c0)) (i64.const ${M0})))
    (local.set $p1 (i64.mul (i64.extend_i32_u (local.get $c2)) (i64.const ${M1})))
    (local.set $c0 (i32.xor (i32.xor (i32.wrap_i64 (i64.shr_u (local.get $p1) (i64.const 32))) (local.get $c1)) (local.get $k${r})))
    (local.set $c2 (i32.xor (i32.xor (i32.wrap_i64 (i64.shr_u (local.get $p0) (i64.const 32))) (local.get $c3)) (i32.const ${k1Round(r)})))
    (local.set $c1 (i32.wrap_i64 (local.get $p1)))
    (local.set $c3 (i32.wrap_i64 (local.get $p0)))`;
}

/** Counter (path, s, stream, 0), key (seed, 0): the block `philoxBlock` makes for step s. */
const philoxBlock = `
    (local.set $c0 (local.get $path))
    (local.set $c1 (local.get $s))
    (local.set $c2 (local.get $stream))
    (local.set $c3 (i32.const 0))${Array.from({ length: ROUNDS }, (_, r) => philoxRound(r)).join('')}`;

/** A standard normal from $c0, $c1 by Box–Muller, exactly as `boxMuller` computes it. */
const boxMuller = `
    (f64.mul
      (f64.neg (f64.sqrt (f64.mul (f64.const -2)
        (call $log (f64.mul (f64.convert_i32_u (i32.add (i32.shr_u (local.get $c0) (i32.const 8)) (i32.const 1))) (f64.const 0x1p-24))))))
      (call $cos (f64.mul (f64.const ${hexFloat(2 * Math.PI)})
        (f64.sub (f64.mul (f64.convert_i32_u (i32.shr_u (local.get $c1) (i32.const 8))) (f64.const 0x1p-24)) (f64.const 0.5)))))`;

/** The step's log return into $r, per model. */
const stepReturn: Record<'bootstrap' | 'gbm' | 'markov', string> = {
	bootstrap: `
    (if (i32.or (i32.eqz (local.get $s)) (i32.lt_u (i32.shr_u (local.get $c1) (i32.const 1)) (local.get $thr)))
      (then (local.set $index (i32.wrap_i64 (i64.shr_u
        (i64.mul (i64.extend_i32_u (local.get $c0)) (i64.extend_i32_u (local.get $n))) (i64.const 32)))))
      (else
        (local.set $index (i32.add (local.get $index) (i32.const 1)))
        (if (i32.eq (local.get $index) (local.get $n)) (then (local.set $index (i32.const 0))))))
    (local.set $r (f64.load (i32.add (local.get $src) (i32.shl (local.get $index) (i32.const 3)))))`,
	gbm: `
    (local.set $r (f64.add (local.get $drift0) (f64.mul (local.get $sigma0) ${boxMuller})))`,
	markov: `
    (local.set $x2 (i32.shr_u (local.get $c2) (i32.const 1)))
    (if (i32.eqz (local.get $s))
      (then (local.set $regime
        (if (result i32) (i32.eq (local.get $initialMode) (i32.const 2))
          (then (i32.lt_u (local.get $x2) (local.get $initialThreshold)))
          (else (local.get $initialMode)))))
      (else (if (i32.lt_u (local.get $x2) (select (local.get $switch1) (local.get $switch0) (local.get $regime)))
        (then (local.set $regime (i32.sub (i32.const 1) (local.get $regime)))))))
    (local.set $r (f64.add
      (select (local.get $drift1) (local.get $drift0) (local.get $regime))
      (f64.mul (select (local.get $sigma1) (local.get $sigma0) (local.get $regime)) ${boxMuller})))`
};

/** `pathMetrics`' running sums, in its order of operations. */
const accumulate = `
    (if (i32.eqz (local.get $s)) (then (local.set $shift (local.get $r))))
    (local.set $cum (f64.add (local.get $cum) (local.get $r)))
    (if (f64.gt (local.get $cum) (local.get $peak))
      (then (local.set $peak (local.get $cum)))
      (else (if (f64.gt (f64.sub (local.get $peak) (local.get $cum)) (local.get $dd))
        (then (local.set $dd (f64.sub (local.get $peak) (local.get $cum)))))))
    (if (f64.lt (local.get $cum) (local.get $min)) (then (local.set $min (local.get $cum))))
    (local.set $d (f64.sub (local.get $r) (local.get $shift)))
    (local.set $sd (f64.add (local.get $sd) (local.get $d)))
    (local.set $sd2 (f64.add (local.get $sd2) (f64.mul (local.get $d) (local.get $d))))`;

const store = (slot: number, local: string) =>
	`(f64.store offset=${slot * 8} (local.get $o) (local.get $${local}))`;

function pathFunction(model: 'bootstrap' | 'gbm' | 'markov'): string {
	const keys = Array.from({ length: ROUNDS }, (_, r) => `(local $k${r} i32)`).join(' ');
	const keySchedule = Array.from(
		{ length: ROUNDS },
		(_, r) => `(local.set $k${r} (i32.add (local.get $seed) (i32.const ${((r * W0) >>> 0) | 0})))`
	).join('\n  ');
	return `
 (func (export "${model}")
  (param $src i32) (param $n i32) (param $thr i32) (param $seed i32) (param $stream i32)
  (param $first i32) (param $count i32) (param $steps i32) (param $out i32)
  (param $drift0 f64) (param $drift1 f64) (param $sigma0 f64) (param $sigma1 f64)
  (param $switch0 i32) (param $switch1 i32) (param $initialMode i32) (param $initialThreshold i32)
  (local $i i32) (local $path i32) (local $s i32) (local $index i32) (local $regime i32) (local $x2 i32) (local $o i32)
  (local $c0 i32) (local $c1 i32) (local $c2 i32) (local $c3 i32) (local $p0 i64) (local $p1 i64)
  ${keys}
  (local $r f64) (local $cum f64) (local $peak f64) (local $dd f64) (local $min f64)
  (local $sd f64) (local $sd2 f64) (local $shift f64) (local $d f64)
  ${keySchedule}
  (if (i32.eqz (local.get $count)) (then (return)))
  (loop $paths
   (local.set $path (i32.add (local.get $first) (local.get $i)))
   (local.set $cum (f64.const 0)) (local.set $peak (f64.const 0)) (local.set $dd (f64.const 0))
   (local.set $min (f64.const 0)) (local.set $sd (f64.const 0)) (local.set $sd2 (f64.const 0))
   (local.set $shift (f64.const 0)) (local.set $index (i32.const 0)) (local.set $regime (i32.const 0))
   (local.set $s (i32.const 0))
   (loop $steps_loop${philoxBlock}${stepReturn[model]}${accumulate}
    (local.set $s (i32.add (local.get $s) (i32.const 1)))
    (br_if $steps_loop (i32.lt_u (local.get $s) (local.get $steps))))
   (local.set $o (i32.add (local.get $out) (i32.mul (local.get $i) (i32.const 48))))
   ${store(0, 'cum')} ${store(1, 'dd')} ${store(2, 'min')}
   ${store(3, 'sd')} ${store(4, 'sd2')} ${store(5, 'shift')}
   (local.set $i (i32.add (local.get $i) (i32.const 1)))
   (br_if $paths (i32.lt_u (local.get $i) (local.get $count)))))`;
}

/** The whole module's text. */
export function pathKernelWat(): string {
	return `(module
 (import "math" "log" (func $log (param f64) (result f64)))
 (import "math" "cos" (func $cos (param f64) (result f64)))
 (memory (export "memory") 1)${pathFunction('bootstrap')}${pathFunction('gbm')}${pathFunction('markov')}
)
`;
}
