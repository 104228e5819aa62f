import { rangeVolatility } from './range-volatility';

const K = 2 * Math.LN2 - 1;

/** ½ ln(H/L)² − (2 ln 2 − 1) ln(C/O)², the Garman–Klass term. */
const garmanKlassTerm = (o: number, h: number, l: number, c: number): number => {
	const hl = Math.log(h / l);
	const co = Math.log(c / o);
	return 0.5 * hl * hl - K * co * co;
};

/**
 * Garman & Klass (1980) volatility in TTR's form (no overnight term, so it measures intraday
 * variance only), annualised. A window can sum negative (when |ln C/O| dominates ln H/L); σ is
 * then NaN, as in TTR.
 */
export const volGarmanKlass = rangeVolatility(
	{
		id: 'vol_garman_klass',
		name: 'Garman–Klass volatility',
		definition:
			'σₜ = √( N/n · Σ [ ½ ln(Hᵢ/Lᵢ)² − (2 ln 2 − 1) ln(Cᵢ/Oᵢ)² ] ) over the last n bars.',
		reference:
			'Garman & Klass (1980), "On the estimation of security price volatilities from historical ' +
			'data", J. Business 53(1), σ̂₅ (practical form); tested against TTR 0.24 ' +
			'volatility(calc = "garman.klass", N = 252).'
	},
	garmanKlassTerm,
	({ open, high, low, close }, out) => {
		for (let i = 0; i < out.length; i++)
			out[i] = garmanKlassTerm(open[i], high[i], low[i], close[i]);
	},
	(p) => p.periods_per_year / p.window
);
