import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';

/**
 * Writes `text` to `path` whole or not at all: into a temporary file next to it, then a rename
 * (atomic on one filesystem), so a failure never leaves a truncated output behind.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
	const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
	try {
		await writeFile(temp, text, { flag: 'wx' });
		await rename(temp, path);
	} catch (e) {
		await rm(temp, { force: true });
		throw e;
	}
}
