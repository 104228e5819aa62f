import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { featureReferenceMarkdown } from './feature-reference';
import { validateParams } from './indicator';
import { INDICATORS, RELATIONS } from './registry';

describe('the indicator registry', () => {
	it('has at least 45 indicators with unique ids', () => {
		const ids = INDICATORS.map((d) => d.id);
		expect(ids.length).toBeGreaterThanOrEqual(45);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('documents every indicator: a definition, a reference and at least one output', () => {
		const undocumented = INDICATORS.filter(
			(d) =>
				d.definition.trim().length < 10 || d.reference.trim().length < 5 || d.outputs.length === 0
		).map((d) => d.id);
		expect(undocumented).toEqual([]);
	});

	it('has default parameters that pass its own validation', () => {
		const invalid = INDICATORS.filter((d) => !validateParams(d).ok).map((d) => d.id);
		expect(invalid).toEqual([]);
	});

	it('keeps docs/features.md in step with the code (run `npm run docs:features`)', () => {
		expect(readFileSync('docs/features.md', 'utf8')).toBe(
			featureReferenceMarkdown([...INDICATORS, ...RELATIONS])
		);
	});
});
