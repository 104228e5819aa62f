import { describe, expect, it } from 'vitest';
import { truncate } from '../indicators/testing';
import { ALPHA158 } from './alpha158';
import { compile } from './compile';
import { evaluateAst } from './evaluate';
import { ttrcSeries } from '../indicators/testing/ttrc-series';
import { warmupOf } from './warmup-of';

const series = ttrcSeries();
const compiled = ALPHA158.map(({ name, expr }) => {
	const ast = compile(expr);
	if (!ast.ok) throw new Error(`${name}: ${ast.message}`);
	return { name, ast: ast.value, warmup: warmupOf(ast.value) };
});

describe('ALPHA158', () => {
	it('ALPHA158 holds 158 uniquely named expressions in Qlib order', () => {
		expect(ALPHA158).toHaveLength(158);
		expect(new Set(ALPHA158.map((f) => f.name)).size).toBe(158);
		expect(ALPHA158.slice(0, 14).map((f) => f.name)).toEqual([
			'KMID',
			'KLEN',
			'KMID2',
			'KUP',
			'KUP2',
			'KLOW',
			'KLOW2',
			'KSFT',
			'KSFT2',
			'OPEN0',
			'HIGH0',
			'LOW0',
			'VWAP0',
			'ROC5'
		]);
		expect(ALPHA158.at(-1)).toEqual({
			name: 'VSUMD60',
			expr:
				'(Sum(Greater($volume-Ref($volume, 1), 0), 60)-Sum(Greater(Ref($volume, 1)-$volume, 0), 60))' +
				'/(Sum(Abs($volume-Ref($volume, 1)), 60)+1e-12)'
		});
	});

	it('every feature is NaN exactly during its warm-up and finite after it on TTRC daily bars', () => {
		const bad: string[] = [];
		for (const { name, ast, warmup } of compiled) {
			const v = evaluateAst(ast, series);
			const firstFinite = v.findIndex(Number.isFinite);
			const gaps = v.subarray(warmup).filter((x) => !Number.isFinite(x)).length;
			if (firstFinite !== warmup || gaps > 0)
				bad.push(`${name} (warm-up ${warmup}, first ${firstFinite}, gaps ${gaps})`);
		}
		expect(bad).toEqual([]);
	});

	it('no feature at row t changes when bars after t are removed', () => {
		const full = compiled.map(({ ast }) => evaluateAst(ast, series));
		const leaks: string[] = [];
		for (const t of [70, 1_234, series.close.length - 20]) {
			const cut = truncate(series, t + 1);
			compiled.forEach(({ name, ast }, k) => {
				const part = evaluateAst(ast, cut);
				const same = part.every((v, i) => Object.is(v, full[k][i]));
				if (!same) leaks.push(`${name}@${t}`);
			});
		}
		expect(leaks).toEqual([]);
	});
});
