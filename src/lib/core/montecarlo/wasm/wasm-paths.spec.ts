import { describe, expect, it } from 'vitest';
import { assembleWat } from '../../../../../scripts/lib/assemble-wat';
import { resolveConfig, type MonteCarloConfig } from '../config';
import type { PathOutputs } from '../monte-carlo-result';
import { annualFactorOf, ruinLogOf, simulatePaths, simulatePathsJs } from '../run-monte-carlo-cpu';
import { hexFloat, pathKernelWat } from './path-kernel-wat';
import { pathKernel, pathKernelBytes, simulatePathsWasm } from './wasm-paths';

/** Runs both engines on paths [first, first + count) and expects every output bit to agree. */
function expectIdentical(config: MonteCarloConfig, first: number, count: number): PathOutputs {
	const model = resolveConfig(config);
	if (!model.ok) throw new Error(model.message);
	const js = simulatePathsJs(config, model.value, first, count);
	const wasm = simulatePathsWasm(
		config,
		model.value,
		first,
		count,
		ruinLogOf(config),
		annualFactorOf(config)
	);
	expect(wasm).not.toBeNull();
	for (const key of ['finalReturn', 'maxDrawdown', 'sharpe', 'ruined'] as const) {
		const a = js[key];
		const b = wasm![key];
		let firstDiff = -1;
		for (let i = 0; i < count && firstDiff < 0; i++) if (!Object.is(a[i], b[i])) firstDiff = i;
		expect({ key, firstDiff }).toEqual({ key, firstDiff: -1 });
	}
	return wasm!;
}

// A source with fat tails and a trend, so restarts, wraps, drawdowns and ruin all happen.
const source = Float64Array.from(
	{ length: 997 },
	(_, i) => 0.0004 + 0.012 * Math.sin(i * 2.3) + (i % 97 === 0 ? -0.08 : 0)
);

describe('WebAssembly Monte Carlo kernel', () => {
	it('is the committed binary of its generated text (rebuild with `npm run build:wasm`)', async () => {
		const assembled = await assembleWat('path-kernel.wat', pathKernelWat());
		expect(Buffer.from(pathKernelBytes()).equals(Buffer.from(assembled))).toBe(true);
	});

	it('loads in Node', () => {
		expect(pathKernel()).not.toBeNull();
	});

	it('writes constants as exact hexadecimal floats', () => {
		expect(hexFloat(1)).toBe('0x1.0000000000000p+0');
		expect(hexFloat(2 * Math.PI)).toBe('0x1.921fb54442d18p+2');
		expect(hexFloat(-0.375)).toBe('-0x1.8000000000000p-2');
	});

	it.each([
		['typical blocks', 10, 252, 1],
		['a restart at every step (mean block 1)', 1, 60, 77],
		['blocks that almost never restart (wrapping the series)', 1e9, 2500, 2 ** 32 - 1]
	])('bootstrap: bit-identical to the JavaScript twin — %s', (_, meanBlockLength, steps, seed) => {
		const out = expectIdentical(
			{
				model: { kind: 'bootstrap', returns: source, meanBlockLength },
				paths: 3000,
				steps,
				seed,
				stream: 5,
				ruinThreshold: 0.8
			},
			100,
			400
		);
		expect(out.ruined.some((r) => r === 1)).toBe(true);
	});

	it('bootstrap of a one-return series, one step, and path indices at the top of the u32 range', () => {
		expectIdentical(
			{
				model: { kind: 'bootstrap', returns: Float64Array.of(0.01), meanBlockLength: 3 },
				paths: 2 ** 32,
				steps: 1,
				seed: 9
			},
			2 ** 32 - 50,
			50
		);
		expectIdentical(
			{
				model: { kind: 'bootstrap', returns: source, meanBlockLength: 4 },
				paths: 2 ** 32,
				steps: 2,
				seed: 0
			},
			2 ** 32 - 50,
			50
		);
	});

	it('gbm: bit-identical, including sigma 0 (no variance, Sharpe 0)', () => {
		expectIdentical(
			{
				model: { kind: 'gbm', mu: 3e-4, sigma: 0.02 },
				paths: 500,
				steps: 252,
				seed: 42,
				stream: 1
			},
			0,
			500
		);
		const flat = expectIdentical(
			{ model: { kind: 'gbm', mu: 1e-3, sigma: 0 }, paths: 10, steps: 30, seed: 3 },
			0,
			10
		);
		expect(flat.sharpe[0]).toBe(0);
	});

	it.each([['stationary'] as const, [0] as const, [1] as const])(
		'markov-gbm: bit-identical with initial regime %s, and with an absorbing regime',
		(initialRegime) => {
			expectIdentical(
				{
					model: {
						kind: 'markov-gbm',
						regimes: [
							{ mu: 8e-4, sigma: 0.008 },
							{ mu: -1.5e-3, sigma: 0.035 }
						],
						transition: [
							[0.97, 0.03],
							[0.2, 0.8]
						],
						initialRegime
					},
					paths: 400,
					steps: 252,
					seed: 2024,
					ruinThreshold: 0.6
				},
				17,
				300
			);
			expectIdentical(
				{
					model: {
						kind: 'markov-gbm',
						regimes: [
							{ mu: 0, sigma: 0.01 },
							{ mu: 0, sigma: 0.05 }
						],
						transition: [
							[0.9, 0.1],
							[0, 1]
						],
						initialRegime
					},
					paths: 100,
					steps: 100,
					seed: 1
				},
				0,
				100
			);
		}
	);

	it('spans several kernel calls (more paths than one output chunk) without a seam', () => {
		const config: MonteCarloConfig = {
			model: { kind: 'bootstrap', returns: source, meanBlockLength: 5 },
			paths: 40_000,
			steps: 4,
			seed: 11
		};
		const all = expectIdentical(config, 0, 40_000);
		const model = resolveConfig(config);
		if (!model.ok) throw new Error(model.message);
		const tail = simulatePaths(config, model.value, 33_000, 7000);
		expect(Array.from(tail.finalReturn)).toEqual(Array.from(all.finalReturn.subarray(33_000)));
	});
});
