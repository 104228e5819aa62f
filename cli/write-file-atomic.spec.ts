import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './write-file-atomic';

const dir = mkdtempSync(join(tmpdir(), 'axon-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
	it('writeFileAtomic replaces the file whole and leaves no temporary file', async () => {
		const path = join(dir, 'out.csv');
		await writeFileAtomic(path, 'old\n');
		await writeFileAtomic(path, 'new\n');
		expect(readFileSync(path, 'utf8')).toBe('new\n');
		expect(readdirSync(dir)).toEqual(['out.csv']);
	});

	it('writeFileAtomic rejects, writing nothing, when the folder does not exist', async () => {
		await expect(writeFileAtomic(join(dir, 'missing', 'out.csv'), 'x')).rejects.toMatchObject({
			code: 'ENOENT'
		});
		expect(readdirSync(dir)).toEqual(['out.csv']);
	});
});
