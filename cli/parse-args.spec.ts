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

	it.each([
		{ argv: [], message: /No command given/ },
		{ argv: ['train'], message: /Unknown command "train"/ },
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
		{ argv: ['features', 'x', '-i', 'a', '-o', 'b'], message: /Unexpected argument "x"/ }
	])('parseCliArgs($argv) is a bad_input error matching $message', ({ argv, message }) => {
		const r = parseCliArgs(argv);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.code).toBe('bad_input');
			expect(r.message).toMatch(message);
		}
	});
});
