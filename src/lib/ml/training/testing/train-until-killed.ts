/**
 * Child process for the kill-and-resume test: trains the tiny problem on the CPU backend, writes
 * every snapshot to the file named by argv[2] (atomically) and prints `checkpoint <step>`; the test
 * kills it with SIGKILL, mid-run, no cleanup. Run: `node --import tsx train-until-killed.ts <file>`.
 */
import * as tf from '@tensorflow/tfjs';
import { renameSync, writeFileSync } from 'node:fs';
import { runTraining } from '../train-loop';
import { snapshotToJson } from '../training-snapshot';
import { TINY_CONFIG, tinyData, tinyModel } from './tiny-problem';

const file = process.argv[2];
await tf.setBackend('cpu');
const model = tinyModel();
await runTraining({
	model,
	data: tinyData(),
	config: TINY_CONFIG,
	onCheckpoint: async (s) => {
		writeFileSync(`${file}.tmp`, snapshotToJson(s));
		renameSync(`${file}.tmp`, file);
		process.stdout.write(`checkpoint ${s.position.step}\n`);
		// Slow down after each checkpoint so the parent's kill lands before the run ends.
		await new Promise((r) => setTimeout(r, 2000));
	}
});
process.stdout.write('finished\n');
