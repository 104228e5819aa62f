import { describe, expect, it } from 'vitest';
import { applyStandardizer } from './apply-standardizer';
import { fitStandardizer } from './fit-standardizer';
import { makeWindows } from './make-windows';

function windows(a: number[], b: number[], window = 2) {
	return makeWindows({
		features: [Float32Array.from(a), Float32Array.from(b)],
		target: new Float32Array(a.length),
		window
	});
}

describe('applyStandardizer', () => {
	it('maps training rows to mean 0 and std 1', () => {
		const a = Array.from({ length: 101 }, (_, t) => Math.sin(t) * 7 + 3);
		const b = Array.from({ length: 101 }, (_, t) => t * t);
		const w = windows(a, b, 1);
		const s = fitStandardizer(w.x, 2, 80, 1);
		const z = applyStandardizer(w.x, 2, s);
		for (let f = 0; f < 2; f++) {
			const col = Array.from({ length: 80 }, (_, i) => z[i * 2 + f]);
			const mean = col.reduce((p, v) => p + v, 0) / 80;
			const variance = col.reduce((p, v) => p + (v - mean) ** 2, 0) / 80;
			expect(mean).toBeCloseTo(0, 5);
			expect(variance).toBeCloseTo(1, 5);
		}
	});
	it('returns a new array and leaves x unchanged', () => {
		const x = Float32Array.of(1, 10, 3, 30);
		const z = applyStandardizer(x, 2, {
			mean: Float64Array.of(2, 20),
			std: Float64Array.of(1, 10)
		});
		expect(Array.from(z)).toEqual([-1, -1, 1, 1]);
		expect(Array.from(x)).toEqual([1, 10, 3, 30]);
	});
});
