// Test support only (imported by specs, never by app code): the bundled TTR `ttrc` daily bars.
import { readFileSync } from 'node:fs';
import { parseOhlcvCsv } from '../../data';
import type { OhlcvSeries } from '../../ohlcv';

/** The 5,550 daily bars of TTR's `ttrc` dataset, parsed as the app parses an upload. */
export function ttrcSeries(): OhlcvSeries {
	const parsed = parseOhlcvCsv(readFileSync('static/datasets/ttrc_daily_ohlcv.csv', 'utf8'), {
		symbol: 'TTRC'
	});
	if (!parsed.ok) throw new Error(parsed.message);
	return parsed.value.series;
}
