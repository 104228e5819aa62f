/**
 * Dataset import: parse → validate → hash → store, all or nothing. Runs in the data worker (and in
 * Node tests against fake-indexeddb).
 */
import { parseOhlcvCsv } from '$lib/core/data';
import { contentHash } from '$lib/core/hash';
import { generateGbm } from '$lib/core/synthetic';
import type { OhlcvSeries } from '$lib/core/ohlcv';
import { err, ok, type Result } from '$lib/core/result';
import type { AxonDb } from '$lib/store/db';
import { newId, saveDataset } from '$lib/store/repositories';
import { summarize, type DatasetSummary } from './dataset-summary';

/** Uploads larger than this are refused before parsing (about 2 million daily bars). */
export const MAX_CSV_BYTES = 100 * 1024 * 1024;

async function store(
	db: AxonDb,
	series: OhlcvSeries,
	meta: { name: string; source: string; warnings: string[] }
): Promise<Result<DatasetSummary>> {
	const n = series.close.length;
	const { symbol: _symbol, ...columns } = series;
	const record = await saveDataset(db, {
		id: newId(),
		name: meta.name,
		symbol: series.symbol,
		source: meta.source,
		contentHash: await contentHash(series),
		rows: n,
		firstTime: series.time[0],
		lastTime: series.time[n - 1],
		warnings: meta.warnings,
		createdAt: Date.now(),
		columns
	});
	return ok(summarize(record));
}

/** Imports OHLCV CSV text. A malformed file returns an error that names the row and stores nothing. */
export async function importCsvDataset(
	db: AxonDb,
	text: string,
	meta: { name: string; symbol: string; source: string }
): Promise<Result<DatasetSummary>> {
	if (text.length > MAX_CSV_BYTES) {
		return err('too_large', `The file is larger than ${MAX_CSV_BYTES / 2 ** 20} MiB.`);
	}
	const parsed = parseOhlcvCsv(text, { symbol: meta.symbol });
	if (!parsed.ok) return parsed;
	const { series, warnings } = parsed.value;
	return storeIfLongEnough(db, series, { name: meta.name, source: meta.source, warnings });
}

/** Bars needed to train, validate and test the slice's smallest model. */
export const MIN_BARS = 50;

/** Stores a series as a dataset unless it is too short for the slice. */
export async function storeIfLongEnough(
	db: AxonDb,
	series: OhlcvSeries,
	meta: { name: string; source: string; warnings: string[] }
): Promise<Result<DatasetSummary>> {
	if (series.close.length < MIN_BARS) {
		return err(
			'bad_input',
			`Only ${series.close.length} usable bars: at least ${MIN_BARS} are needed to train and test.`
		);
	}
	return store(db, series, meta);
}

export interface SyntheticRequest {
	seed: number;
	bars: number;
	mu: number;
	sigma: number;
}

/** A seeded geometric-Brownian-motion dataset; the seed and parameters are kept in its source. */
export async function createSyntheticDataset(
	db: AxonDb,
	req: SyntheticRequest
): Promise<Result<DatasetSummary>> {
	if (!Number.isInteger(req.seed) || req.seed < 0 || req.seed >= 2 ** 32) {
		return err('bad_input', 'The seed must be a whole number from 0 to 4294967295.');
	}
	if (!Number.isInteger(req.bars) || req.bars < 50 || req.bars > 2_000_000) {
		return err('bad_input', 'Bars must be a whole number from 50 to 2,000,000.');
	}
	if (!Number.isFinite(req.mu) || !Number.isFinite(req.sigma) || req.sigma <= 0 || req.sigma > 5) {
		return err('bad_input', 'Drift must be finite and volatility in (0, 5].');
	}
	const series = generateGbm({
		seed: req.seed,
		bars: req.bars,
		s0: 100,
		mu: req.mu,
		sigma: req.sigma,
		symbol: 'GBM'
	});
	const source = `synthetic GBM seed=${req.seed} bars=${req.bars} mu=${req.mu} sigma=${req.sigma}`;
	return store(db, series, { name: `GBM seed ${req.seed}`, source, warnings: [] });
}
