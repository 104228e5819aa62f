import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES } from '../src/lib/core/features';
import { parseCliArgs } from './parse-args';

describe('parseCliArgs', () => {
	it.each([[['--help']], [['help']], [['-h']], [['features', '--help']]])(
		'parseCliArgs(%j) asks for help',
		(argv) => {
			expect(parseCliArgs(argv)).toEqual({ ok: true, value: { kind: 'help' } });
		}
	);

	it('parseCliArgs(["--version"]) asks for the version', () => {
		expect(parseCliArgs(['--version'])).toEqual({ ok: true, value: { kind: 'version' } });
	});

	it('features defaults to DEFAULT_FEATURES on WebGPU-if-available', () => {
		const r = parseCliArgs(['features', '--input', 'a.csv', '--output', 'b.csv']);
		expect(r).toEqual({
			ok: true,
			value: {
				kind: 'features',
				input: 'a.csv',
				output: 'b.csv',
				specs: [...DEFAULT_FEATURES],
				cpu: false
			}
		});
	});

	it('features reads a comma-separated --features list and --cpu', () => {
		const r = parseCliArgs([
			'features',
			'-i',
			'a.csv',
			'-o',
			'b.csv',
			'-f',
			'ema_12, rolling_std_20_log_return',
			'--cpu'
		]);
		expect(r.ok && r.value).toEqual({
			kind: 'features',
			input: 'a.csv',
			output: 'b.csv',
			specs: [
				{ kind: 'ema', period: 12 },
				{ kind: 'rolling_std', window: 20, source: 'log_return' }
			],
			cpu: true
		});
	});

	it('backtest has the documented defaults and no output unless asked', () => {
		const r = parseCliArgs(['backtest', '-i', 'a.csv', '--signal', '$close - Ref($close, 1)']);
		expect(r).toEqual({
			ok: true,
			value: {
				kind: 'backtest',
				input: 'a.csv',
				signal: '$close - Ref($close, 1)',
				threshold: 0,
				feeBps: 5,
				lag: 1,
				fill: 'next_open'
			}
		});
	});

	it('backtest reads every execution option', () => {
		const r = parseCliArgs([
			'backtest',
			...['-i', 'a.csv', '-s', '$close', '--threshold', '0.01', '--fee-bps', '0'],
			...['--lag', '0', '--fill', 'close', '--stop-loss', '0.05', '--take-profit', '0.1'],
			...['-o', 't.csv']
		]);
		expect(r.ok && r.value).toEqual({
			kind: 'backtest',
			input: 'a.csv',
			signal: '$close',
			threshold: 0.01,
			feeBps: 0,
			lag: 0,
			fill: 'close',
			stopLoss: 0.05,
			takeProfit: 0.1,
			output: 't.csv'
		});
	});

	it('montecarlo has the documented defaults and reads its options', () => {
		expect(parseCliArgs(['montecarlo', '-i', 'a.csv'])).toEqual({
			ok: true,
			value: { kind: 'montecarlo', input: 'a.csv', paths: 10_000, steps: 252, block: 10, seed: 1 }
		});
		const r = parseCliArgs(
			['montecarlo', '-i', 'a.csv', '--paths', '500', '--steps', '20', '--block', '2.5'].concat([
				'--seed',
				'4294967295'
			])
		);
		expect(r.ok && r.value).toEqual({
			kind: 'montecarlo',
			input: 'a.csv',
			paths: 500,
			steps: 20,
			block: 2.5,
			seed: 2 ** 32 - 1
		});
	});

	it.each([
		{ argv: [], message: /No command given/ },
		{ argv: ['fly'], message: /Unknown command "fly"/ },
		{ argv: ['features', '-o', 'b.csv'], message: /needs --input/ },
		{ argv: ['features', '-i', 'a.csv'], message: /needs --output/ },
		{
			argv: ['features', '-i', 'a', '-o', 'b', '-f', 'rsi_14'],
			message: /Unknown feature "rsi_14"/
		},
		{
			argv: ['features', '-i', 'a', '-o', 'b', '-f', 'ema_12,ema_12_close'],
			message: /listed twice/
		},
		{ argv: ['features', '-i', 'a', '-o', 'b', '-f', ' , '], message: /--features is empty/ },
		{ argv: ['features', '--gpu'], message: /Unknown option '--gpu'/ },
		{ argv: ['features', 'x', '-i', 'a', '-o', 'b'], message: /Unexpected argument "x"/ },
		{ argv: ['features', '-i', 'a', '-o', 'b', '--seed', '1'], message: /not take --seed/ },
		{ argv: ['backtest', '-i', 'a'], message: /backtest needs --signal/ },
		{ argv: ['backtest', '-s', '$close'], message: /backtest needs --input/ },
		{
			argv: ['backtest', '-i', 'a', '-s', '$close +'],
			message: /--signal: .*column 9, found end of expression/
		},
		{ argv: ['backtest', '-i', 'a', '-s', '$close', '--fill', 'vwap'], message: /--fill must/ },
		{ argv: ['backtest', '-i', 'a', '-s', '$close', '--lag', '1.5'], message: /--lag must/ },
		{ argv: ['backtest', '-i', 'a', '-s', '$close', '--fee-bps=-1'], message: /--fee-bps/ },
		{ argv: ['backtest', '-i', 'a', '-s', '$close', '--stop-loss', '1'], message: /\(0, 1\)/ },
		{ argv: ['backtest', '-i', 'a', '-s', '$close', '--cpu'], message: /not take --cpu/ },
		{ argv: ['montecarlo', '-i', 'a', '--paths', '0'], message: /--paths must be an integer ≥ 1/ },
		{ argv: ['montecarlo', '-i', 'a', '--seed=-1'], message: /--seed must/ },
		{ argv: ['montecarlo', '-i', 'a', '--block', '0.5'], message: /--block must/ },
		{ argv: ['montecarlo', '-i', 'a', '--steps', ''], message: /--steps must/ }
	])('parseCliArgs($argv) is a bad_input error matching $message', ({ argv, message }) => {
		const r = parseCliArgs(argv);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.code).toBe('bad_input');
			expect(r.message).toMatch(message);
		}
	});
});
