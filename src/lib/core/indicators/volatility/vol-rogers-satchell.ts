import { rangeVolatility } from './range-volatility';

/** ln(H/C) ln(H/O) + ln(L/C) ln(L/O), the Rogers–Satchell drift-free term. */
export const rogersSatchellTerm = (o: number, h: number, l: number, c: number): number =>
	Math.log(h / c) * Math.log(h / o) + Math.log(l / c) * Math.log(l / o);

/** Rogers & Satchell (1991) drift-independent volatility, annualised. */
export const volRogersSatchell = rangeVolatility(
	{
		id: 'vol_rogers_satchell',
		name: 'Rogers–Satchell volatility',
		definition:
			'σₜ = √( N/n · Σ [ ln(Hᵢ/Cᵢ) ln(Hᵢ/Oᵢ) + ln(Lᵢ/Cᵢ) ln(Lᵢ/Oᵢ) ] ) over the last n bars.',
		reference:
			'Rogers & Satchell (1991), "Estimating variance from high, low and closing prices", Ann. ' +
			'Appl. Probab. 1(4); tested against TTR 0.24 volatility(calc = "rogers.satchell", N = 252).'
	},
	rogersSatchellTerm,
	({ open, high, low, close }, out) => {
		for (let i = 0; i < out.length; i++)
			out[i] = rogersSatchellTerm(open[i], high[i], low[i], close[i]);
	},
	(p) => p.periods_per_year / p.window
);
