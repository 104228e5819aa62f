/**
 * A deterministic messy OHLCV CSV for equivalence tests of the import path: minute bars with every
 * shape of ISO time the reader accepts (`T` or space, seconds, fractions, `Z`/`z`, ±HH:MM and ±HHMM
 * offsets, date-only), quoted cells, CRLF lines, blank lines, and the problems the quality report
 * finds: gaps, duplicate and out-of-order times, empty, garbled and infinite cells, impossible
 * calendar dates, wrong field counts, non-positive prices, OHLC contradictions, price spikes, zero
 * and negative volume.
 *
 * @example
 * const text = messyOhlcvCsv(5000, 7);
 */
export function messyOhlcvCsv(rows: number, seed: number): string {
	let state = seed >>> 0 || 1;
	// xorshift32: a fixed sequence for a seed, the same on every machine.
	const random = (): number => {
		state ^= state << 13;
		state >>>= 0;
		state ^= state >>> 17;
		state ^= state << 5;
		state >>>= 0;
		return state / 2 ** 32;
	};
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
	const pad = (x: number, n = 2) => String(x).padStart(n, '0');
	const iso = (t: number): string => {
		const d = new Date(t);
		const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
		const hm = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
		const s = pad(d.getUTCSeconds());
		const offsetMin = pick([60, -300, 330, 0]);
		const shifted = new Date(t + offsetMin * 60_000);
		const local = `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}`;
		const sign = offsetMin < 0 ? '-' : '+';
		const oh = pad(Math.floor(Math.abs(offsetMin) / 60));
		const om = pad(Math.abs(offsetMin) % 60);
		switch (Math.floor(random() * 12)) {
			case 0:
				return `${day} ${hm}:${s}`;
			case 1:
				return `${day}T${hm}`;
			case 2:
				return `${day}T${hm}:${s}.${pad(d.getUTCMilliseconds(), 3)}${pick(['', '123', '9'])}Z`;
			case 3:
				return `${day}t${hm}:${s}z`;
			case 4:
				return `${local}${sign}${oh}:${om}`;
			case 5:
				return `${local}${sign}${oh}${om}`;
			case 6:
				return ` ${day}T${hm}:${s}Z `;
			case 7:
				return `"${day}T${hm}:${s}Z"`;
			default:
				return `${day}T${hm}:${s}Z`;
		}
	};
	const badCell = () =>
		pick([
			'',
			' ',
			'abc',
			'NaN',
			'Inf',
			'-inf',
			'Infinity',
			'1e999',
			'0x1F',
			'1_000',
			'--1',
			'.',
			'+.5e',
			'n/a'
		]);
	const badTime = () =>
		pick([
			'',
			'2021-02-30',
			'2024-13-01',
			'2024-01-01T24:00:00Z',
			'2024-01-01T10:00+25:00',
			'yesterday',
			'2024-1-01',
			'2024-01-01T10:00:60Z',
			'2024-01-01Z'
		]);
	const lines = ['time,open,high,low,close,volume'];
	let t = Date.UTC(2023, 11, 29, 14, 30);
	let price = 100;
	for (let i = 0; i < rows; i++) {
		const r = random();
		t += r < 0.02 ? 60_000 * (2 + Math.floor(random() * 30)) : r < 0.025 ? 86_400_000 : 60_000;
		const open = price;
		price *= Math.exp((random() - 0.5) * 0.004);
		let cells: string[] = [
			iso(t),
			open.toFixed(4),
			(Math.max(open, price) * (1 + random() * 0.001)).toFixed(4),
			(Math.min(open, price) * (1 - random() * 0.001)).toFixed(4),
			price.toFixed(4),
			String(Math.floor(random() * 5000))
		];
		const problem = random();
		if (problem < 0.01) cells[0] = badTime();
		else if (problem < 0.03) cells[1 + Math.floor(random() * 5)] = badCell();
		else if (problem < 0.035) cells = cells.slice(0, 4);
		else if (problem < 0.04) cells.push('extra');
		else if (problem < 0.045) cells[3] = pick(['0', '-1.5', '0.0']);
		else if (problem < 0.05) cells[2] = (Number(cells[3]) * 0.99).toFixed(4);
		else if (problem < 0.053) cells[4] = (Number(cells[4]) * 10).toFixed(4);
		else if (problem < 0.056) cells[5] = pick(['0', '-3']);
		else if (problem < 0.06) cells[1] = `"${cells[1]}"`;
		else if (problem < 0.065) cells[4] = pick(['1e2', '+100.5', '.5', '5.', '1E-3', ' 99.5 ']);
		lines.push(cells.join(','));
		const after = random();
		if (after < 0.01)
			lines.push(cells.join(',')); // exact duplicate
		else if (after < 0.015)
			t -= 60_000 * (1 + Math.floor(random() * 20)); // goes back in time
		else if (after < 0.018) lines.push('');
	}
	return lines.map((l, i) => (i % 7 === 3 ? `${l}\r` : l)).join('\n') + '\n';
}
