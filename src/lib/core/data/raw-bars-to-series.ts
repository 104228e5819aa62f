import type { OhlcvSeries } from '../ohlcv';
import { err, ok, type Result } from '../result';
import { describeInvalidBar, isInvalidBar } from './invalid-bar';
import { originLabel, type RawBars } from './raw-bars';

/**
 * Turns raw bars into an `OhlcvSeries` only if they are already clean, with the strict parser's rules:
 * every time and price finite, prices positive, volume finite and non-negative (when there is a
 * volume column), times strictly ascending. Nothing is changed: the first problem, in source order,
 * is an error naming its row or index. To repair data instead, use `assessQuality` and `applyFixes`.
 *
 * @example
 * const r = rawBarsToSeries(raw);
 * if (!r.ok) console.error(r.message); // 'row 5: timestamps not ascending …'
 */
export function rawBarsToSeries(raw: RawBars): Result<OhlcvSeries> {
	const n = raw.time.length;
	if (n === 0) return err('bad_input', 'no bars');
	for (let i = 0; i < n; i++) {
		// The cheap check first: the sentence (and its search of the issues) only for a bad bar.
		const invalid = isInvalidBar(raw, i) ? describeInvalidBar(raw, i) : null;
		if (invalid !== null) return err('bad_input', invalid, { [raw.originWord]: raw.origin[i] });
		if (i === 0) continue;
		const [t, previous] = [raw.time[i], raw.time[i - 1]];
		if (t === previous) {
			return err(
				'bad_input',
				`duplicate timestamp at ${originLabel(raw, i)}: the same time as ${originLabel(raw, i - 1)}`,
				{ [raw.originWord]: raw.origin[i] }
			);
		}
		if (t < previous) {
			return err(
				'bad_input',
				`timestamps not ascending at ${originLabel(raw, i)}: earlier than ${originLabel(raw, i - 1)}`,
				{ [raw.originWord]: raw.origin[i] }
			);
		}
	}
	return ok({
		symbol: raw.symbol,
		time: raw.time.slice(),
		open: raw.open.slice(),
		high: raw.high.slice(),
		low: raw.low.slice(),
		close: raw.close.slice(),
		volume: raw.volume.slice()
	});
}
