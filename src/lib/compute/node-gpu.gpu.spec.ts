import { describe, expect, it } from 'vitest';
import { adapterLabel } from './device';
import { acquireNodeGpu } from './node-gpu';

describe('acquireNodeGpu', () => {
	it('gives a device with the adapter described and the full buffer limits requested', async () => {
		const r = await acquireNodeGpu();
		if (!r.ok)
			throw new Error(`${r.message} Install chromium (SwiftShader) or set VK_ICD_FILENAMES.`);
		const { device, adapterInfo, isSoftware, limits } = r.value;
		try {
			expect(adapterLabel(adapterInfo)).not.toBe('unknown adapter');
			// CI has no GPU: the adapter there is SwiftShader, which must be labelled software.
			if (/swiftshader/i.test(adapterInfo.architecture)) expect(isSoftware).toBe(true);
			expect(limits.maxStorageBufferBindingSize).toBeGreaterThanOrEqual(128 * 1024 * 1024);
			expect(device.limits.maxBufferSize).toBe(limits.maxBufferSize);
		} finally {
			device.destroy();
		}
	});
});
