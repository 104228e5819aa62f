// Each trend & momentum indicator against R's TTR (fixtures generated once by
// scripts/fixtures/ttr-trend-momentum.R), on the real ttrc daily bars.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateParams, type Params } from '../indicator';
import { TREND_MOMENTUM } from '../registry-trend-momentum';
import { ttrcSeries } from '../testing/ttrc-series';

interface Fixture {
	generator: string;
	rows: number[];
	cases: { id: string; params: Params; outputs: Record<string, (number | null)[]> }[];
}

const fixture: Fixture = JSON.parse(
	readFileSync('src/lib/core/indicators/fixtures/ttr-trend-momentum.json', 'utf8')
);
const series = ttrcSeries();

/**
 * |AXON − TTR| ≤ TOLERANCE · max(1, |TTR|): relative for prices, absolute near zero (oscillators
 * crossing zero). Measured worst case 5.1e-12 (CCI), mostly the fixture’s rounding to 12 significant
 * digits; the rest is summation order.
 */
const TOLERANCE = 1e-10;

describe(`trend & momentum indicators match ${fixture.generator}`, () => {
	it('the fixture covers every trend & momentum indicator', () => {
		const covered = new Set(fixture.cases.map((c) => c.id));
		expect(TREND_MOMENTUM.filter((d) => !covered.has(d.id)).map((d) => d.id)).toEqual([]);
	});

	for (const c of fixture.cases) {
		const def = TREND_MOMENTUM.find((d) => d.id === c.id);
		it(`${c.id}(${JSON.stringify(c.params)}) equals TTR from its warm-up on, and is NaN before`, () => {
			expect(def).toBeDefined();
			const p = validateParams(def!, c.params);
			if (!p.ok) throw new Error(p.message);
			const outs = def!.compute(series, p.value);
			const from = def!.warmup(p.value);
			for (const [name, expected] of Object.entries(c.outputs)) {
				const got = outs[def!.outputs.indexOf(name)];
				let worst = 0;
				fixture.rows.forEach((row, k) => {
					if (row < from) {
						expect(got[row], `${name}[${row}] in warm-up`).toBeNaN();
						return;
					}
					// Rows ≥ warm-up are defined in TTR too; a null here would be a convention mismatch.
					expect(expected[k], `TTR ${name}[${row}]`).not.toBeNull();
					const b = expected[k]!;
					worst = Math.max(worst, Math.abs(got[row] - b) / Math.max(1, Math.abs(b)));
				});
				expect(worst, name).toBeLessThanOrEqual(TOLERANCE);
			}
		});
	}
});
