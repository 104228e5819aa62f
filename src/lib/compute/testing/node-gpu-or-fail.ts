/**
 * For GPU specs in Node: a Dawn device, or an exception. No adapter is a failure, not a skip — CI
 * has the SwiftShader driver (Debian's chromium package), so a missing adapter is a broken machine.
 */
import type { GpuContext } from '../device';
import { acquireNodeGpu } from '../node-gpu';

export async function nodeGpuOrFail(): Promise<GpuContext> {
	const r = await acquireNodeGpu();
	if (!r.ok)
		throw new Error(`${r.message} Install chromium (SwiftShader) or set VK_ICD_FILENAMES.`);
	return r.value;
}
