import { rangeVolatility } from './range-volatility';

/** ln(H/L)², the Parkinson term. */
export const parkinsonTerm = (_o: number, h: number, l: number): number => {
	const r = Math.log(h / l);
	return r * r;
};

/** Parkinson (1980) high–low volatility, annualised, TTR `volatility(calc = "parkinson")`. */
export const volParkinson = rangeVolatility(
	{
		id: 'vol_parkinson',
		name: 'Parkinson volatility',
		definition: 'σₜ = √( N / (4 n ln 2) · Σ ln(Hᵢ/Lᵢ)² ) over the last n bars; N periods per year.',
		reference:
			'Parkinson (1980), "The extreme value method for estimating the variance of the rate of ' +
			'return", J. Business 53(1); tested against TTR 0.24 volatility(calc = "parkinson", N = 252).'
	},
	parkinsonTerm,
	({ high, low }, out) => {
		for (let i = 0; i < out.length; i++) out[i] = parkinsonTerm(0, high[i], low[i]);
	},
	(p) => p.periods_per_year / (4 * p.window * Math.LN2)
);
