import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES } from './default-features';
import { featureName } from './feature-name';
import type { FeatureSpec } from './feature-spec';
import { parseFeatureName } from './parse-feature-name';
import { validateFeatureSpec } from './validate-feature-spec';
import { warmup } from './warmup';

const cases: { spec: FeatureSpec; name: string; warmup: number }[] = [
	{ spec: { kind: 'log_return' }, name: 'log_return', warmup: 1 },
	{ spec: { kind: 'rolling_mean', window: 20 }, name: 'rolling_mean_20', warmup: 19 },
	{
		spec: { kind: 'rolling_mean', window: 20, source: 'log_return' },
		name: 'rolling_mean_20_log_return',
		warmup: 20
	},
	{
		spec: { kind: 'rolling_std', window: 20, source: 'log_return' },
		name: 'rolling_std_20_log_return',
		warmup: 20
	},
	{ spec: { kind: 'ema', period: 12 }, name: 'ema_12', warmup: 11 },
	{ spec: { kind: 'ema', period: 26, source: 'log_return' }, name: 'ema_26_log_return', warmup: 26 }
];

describe('featureName, parseFeatureName and warmup', () => {
	it.each(cases)(
		'featureName($spec) is "$name" with a warm-up of $warmup rows',
		({ spec, name, warmup: w }) => {
			expect(featureName(spec)).toBe(name);
			expect(warmup(spec)).toBe(w);
		}
	);

	it.each(cases)('parseFeatureName("$name") gives the spec back', ({ spec, name }) => {
		const r = parseFeatureName(name);
		expect(r.ok && featureName(r.value)).toBe(featureName(spec));
	});

	it('featureName leaves out the default close source, so ema_12_close and ema_12 are one feature', () => {
		const r = parseFeatureName('ema_12_close');
		expect(r.ok && featureName(r.value)).toBe('ema_12');
		expect(featureName({ kind: 'ema', period: 12, source: 'close' })).toBe('ema_12');
	});

	it('parseFeatureName rejects unknown names and sizes with a message listing the forms', () => {
		for (const bad of ['rsi_14', 'ema', 'ema_0', 'rolling_std_1', 'ema_12_open', 'ema_99999']) {
			const r = parseFeatureName(bad);
			expect(r.ok, bad).toBe(false);
			if (!r.ok) expect(r.code).toBe('bad_input');
		}
		const r = parseFeatureName('rsi_14');
		expect(!r.ok && r.message).toMatch(/log_return, rolling_mean_<w>/);
	});

	it('validateFeatureSpec rejects fractional windows and unknown sources from stored JSON', () => {
		expect(validateFeatureSpec({ kind: 'rolling_mean', window: 2.5 }).ok).toBe(false);
		expect(validateFeatureSpec({ kind: 'ema', period: 3, source: 'open' as never }).ok).toBe(false);
		expect(validateFeatureSpec({ kind: 'rsi' } as never).ok).toBe(false);
	});

	it('DEFAULT_FEATURES have distinct names and are all valid', () => {
		const names = DEFAULT_FEATURES.map(featureName);
		expect(new Set(names).size).toBe(names.length);
		expect(DEFAULT_FEATURES.every((s) => validateFeatureSpec(s).ok)).toBe(true);
	});
});
