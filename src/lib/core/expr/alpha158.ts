/** A named feature expression. */
export interface NamedExpression {
	name: string;
	expr: string;
}

const WINDOWS = [5, 10, 20, 30, 60] as const;

/** Rolling families in Qlib's order; `{d}` is the window. */
const ROLLING: readonly [string, string][] = [
	['ROC', 'Ref($close, {d})/$close'],
	['MA', 'Mean($close, {d})/$close'],
	['STD', 'Std($close, {d})/$close'],
	['BETA', 'Slope($close, {d})/$close'],
	['RSQR', 'Rsquare($close, {d})'],
	['RESI', 'Resi($close, {d})/$close'],
	['MAX', 'Max($high, {d})/$close'],
	['MIN', 'Min($low, {d})/$close'],
	['QTLU', 'Quantile($close, {d}, 0.8)/$close'],
	['QTLD', 'Quantile($close, {d}, 0.2)/$close'],
	['RANK', 'Rank($close, {d})'],
	['RSV', '($close-Min($low, {d}))/(Max($high, {d})-Min($low, {d})+1e-12)'],
	['IMAX', 'IdxMax($high, {d})/{d}'],
	['IMIN', 'IdxMin($low, {d})/{d}'],
	['IMXD', '(IdxMax($high, {d})-IdxMin($low, {d}))/{d}'],
	['CORR', 'Corr($close, Log($volume+1), {d})'],
	['CORD', 'Corr($close/Ref($close,1), Log($volume/Ref($volume, 1)+1), {d})'],
	['CNTP', 'Mean($close>Ref($close, 1), {d})'],
	['CNTN', 'Mean($close<Ref($close, 1), {d})'],
	['CNTD', 'Mean($close>Ref($close, 1), {d})-Mean($close<Ref($close, 1), {d})'],
	[
		'SUMP',
		'Sum(Greater($close-Ref($close, 1), 0), {d})/(Sum(Abs($close-Ref($close, 1)), {d})+1e-12)'
	],
	[
		'SUMN',
		'Sum(Greater(Ref($close, 1)-$close, 0), {d})/(Sum(Abs($close-Ref($close, 1)), {d})+1e-12)'
	],
	[
		'SUMD',
		'(Sum(Greater($close-Ref($close, 1), 0), {d})-Sum(Greater(Ref($close, 1)-$close, 0), {d}))' +
			'/(Sum(Abs($close-Ref($close, 1)), {d})+1e-12)'
	],
	['VMA', 'Mean($volume, {d})/($volume+1e-12)'],
	['VSTD', 'Std($volume, {d})/($volume+1e-12)'],
	[
		'WVMA',
		'Std(Abs($close/Ref($close, 1)-1)*$volume, {d})' +
			'/(Mean(Abs($close/Ref($close, 1)-1)*$volume, {d})+1e-12)'
	],
	[
		'VSUMP',
		'Sum(Greater($volume-Ref($volume, 1), 0), {d})/(Sum(Abs($volume-Ref($volume, 1)), {d})+1e-12)'
	],
	[
		'VSUMN',
		'Sum(Greater(Ref($volume, 1)-$volume, 0), {d})/(Sum(Abs($volume-Ref($volume, 1)), {d})+1e-12)'
	],
	[
		'VSUMD',
		'(Sum(Greater($volume-Ref($volume, 1), 0), {d})-Sum(Greater(Ref($volume, 1)-$volume, 0), {d}))' +
			'/(Sum(Abs($volume-Ref($volume, 1)), {d})+1e-12)'
	]
];

/**
 * Qlib's Alpha158 feature set, transcribed from `Alpha158DL.get_feature_config` in
 * `qlib/contrib/data/loader.py` (microsoft/qlib) with its default handler config
 * (`kbar: {}`, `price: {windows: [0], feature: [OPEN, HIGH, LOW, VWAP]}`, `rolling: {}` with
 * windows 5, 10, 20, 30, 60): 9 k-bar + 4 price + 29 × 5 rolling = 158 expressions, same names,
 * same order, same expression text.
 *
 * Deviations, all from the evaluator, not the text: `$vwap` is the typical price (h + l + c) / 3
 * (OHLCV bars carry no VWAP); rolling windows need all n bars (Qlib's `min_periods=1` gives
 * partial-window values in warm-up); comparisons with a NaN operand give NaN rather than False
 * (so CNTP/CNTN/CNTD start one bar later); the labels (`Ref($close, -2)/Ref($close, -1) - 1`) are
 * deliberately absent: look-ahead is rejected here and lives in `src/lib/core/labels`.
 */
export const ALPHA158: readonly NamedExpression[] = [
	{ name: 'KMID', expr: '($close-$open)/$open' },
	{ name: 'KLEN', expr: '($high-$low)/$open' },
	{ name: 'KMID2', expr: '($close-$open)/($high-$low+1e-12)' },
	{ name: 'KUP', expr: '($high-Greater($open, $close))/$open' },
	{ name: 'KUP2', expr: '($high-Greater($open, $close))/($high-$low+1e-12)' },
	{ name: 'KLOW', expr: '(Less($open, $close)-$low)/$open' },
	{ name: 'KLOW2', expr: '(Less($open, $close)-$low)/($high-$low+1e-12)' },
	{ name: 'KSFT', expr: '(2*$close-$high-$low)/$open' },
	{ name: 'KSFT2', expr: '(2*$close-$high-$low)/($high-$low+1e-12)' },
	...['open', 'high', 'low', 'vwap'].map((f) => ({
		name: `${f.toUpperCase()}0`,
		expr: `$${f}/$close`
	})),
	...ROLLING.flatMap(([name, template]) =>
		WINDOWS.map((d) => ({ name: `${name}${d}`, expr: template.replaceAll('{d}', String(d)) }))
	)
];
