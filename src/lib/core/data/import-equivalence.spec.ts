import { describe, expect, it } from 'vitest';
import golden from './fixtures/import-golden.json';
import { describeInvalidBar } from './invalid-bar';
import { goldenOutcomes } from './import-golden.testing';
import { readBarsChunked } from './read-bars-chunked';
import { readBarsLenient } from './read-bars-lenient';

// The fixture was written by the import path before its fast paths (digit-by-digit ISO times and
// decimals, typed-array builders, selection medians, one time order per report): raw columns as
// bit-exact fingerprints, issues, the quality report and the fixed series under four fix option sets.
// Regenerate it only for an intended change of results.
describe('the import path (chunked and Papa readers, quality report, fixes)', () => {
	it('gives bit-identical columns and identical reports on the real file and messy synthetic ones', async () => {
		const outcomes = await goldenOutcomes();
		expect(outcomes.ttrc).toEqual(golden.ttrc);
		expect(outcomes.messy).toEqual(golden.messy);
		expect(outcomes.messySmall).toEqual(golden.messySmall);
	});

	it('rejects impossible dates with the same issue and message on both readers', async () => {
		const text =
			'time,close\n2024-01-02T10:00:00Z,1\n2021-02-30T10:00:00Z,2\n2024-01-01T24:00:00Z,3\n';
		const chunked = await readBarsChunked([text], { symbol: 'X' });
		const lenient = readBarsLenient(text, { symbol: 'X' });
		expect(chunked.ok && lenient.ok).toBe(true);
		if (!chunked.ok || !lenient.ok) return;
		const raw = chunked.value[0];
		expect(raw.issues).toEqual(lenient.value.issues);
		expect([describeInvalidBar(raw, 1), describeInvalidBar(raw, 2)]).toEqual([
			'row 3: time is "2021-02-30T10:00:00Z", not a time in the file\'s format',
			'row 4: time is "2024-01-01T24:00:00Z", not a time in the file\'s format'
		]);
	});
});
