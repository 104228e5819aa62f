// Kill-and-resume: a child process trains and checkpoints to a file; it is killed with SIGKILL
// mid-epoch (no cleanup, as when a tab or worker dies); the run resumed here from the last file
// reaches the same final weights, bit for bit, as an uninterrupted run.
import * as tf from '@tensorflow/tfjs';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_CONFIG, flatWeights, tinyData, tinyModel } from './testing/tiny-problem';
import { runTraining } from './train-loop';
import { snapshotFromJson } from './training-snapshot';

const dir = mkdtempSync(join(tmpdir(), 'axon-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
	await tf.setBackend('cpu');
});

/** Starts the child and resolves once it printed `checkpoint <step>`; then kills it. */
function trainAndKillAfter(
	step: number,
	file: string
): Promise<{ signal: string | null; out: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			['--import', 'tsx', 'src/lib/ml/training/testing/train-until-killed.ts', file],
			{
				stdio: ['ignore', 'pipe', 'pipe']
			}
		);
		let out = '';
		child.stdout.on('data', (d: Buffer) => {
			out += d.toString();
			if (out.includes(`checkpoint ${step}\n`)) child.kill('SIGKILL');
		});
		child.on('error', reject);
		child.on('exit', (_code, signal) => resolve({ signal, out }));
	});
}

describe('resume after the training process dies', () => {
	it('a run killed (SIGKILL) after checkpoint k resumes from it to the uninterrupted final weights', async () => {
		const file = join(dir, 'snapshot.json');
		const killed = await trainAndKillAfter(6, file);
		expect(killed.signal).toBe('SIGKILL');
		expect(killed.out).not.toContain('finished');
		const snapshot = snapshotFromJson(readFileSync(file, 'utf8'));
		expect(snapshot.position).toEqual({ epoch: 2, batch: 2, step: 6 });

		const resumedModel = tinyModel(999); // different init: every weight must come from the checkpoint
		const resumed = await runTraining({
			model: resumedModel,
			data: tinyData(),
			config: TINY_CONFIG,
			resumeFrom: snapshot
		});
		const reference = tinyModel();
		const straight = await runTraining({ model: reference, data: tinyData(), config: TINY_CONFIG });
		expect(resumed.ok && straight.ok).toBe(true);
		expect(await flatWeights(resumedModel)).toEqual(await flatWeights(reference));
		if (resumed.ok && straight.ok) expect(resumed.value.history).toEqual(straight.value.history);
		resumedModel.dispose();
		reference.dispose();
	}, 60_000);
});
