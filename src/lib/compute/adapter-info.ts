/** What an adapter says about itself; empty strings where the browser withholds a field. */
export interface AdapterInfo {
	vendor: string;
	architecture: string;
	device: string;
	description: string;
}

type AdapterWithInfo = GPUAdapter & {
	info?: Partial<AdapterInfo> & { isFallbackAdapter?: boolean };
	isFallbackAdapter?: boolean;
};

/** Reads `adapter.info` (or nothing, on older implementations) into plain strings. */
export function readAdapterInfo(adapter: GPUAdapter): AdapterInfo {
	const info = (adapter as AdapterWithInfo).info ?? {};
	return {
		vendor: info.vendor ?? '',
		architecture: info.architecture ?? '',
		device: info.device ?? '',
		description: info.description ?? ''
	};
}

const SOFTWARE = /swiftshader|llvmpipe|lavapipe|softpipe|software|microsoft basic render|\bwarp\b/i;

/**
 * True for CPU-emulated adapters: correct but slow, so the UI and benchmarks must say so. Trusts
 * `isFallbackAdapter` where present (on the adapter in older spec drafts, on `info` in newer ones)
 * and otherwise recognises SwiftShader (vendor `google`), llvmpipe/lavapipe and WARP by name.
 */
export function isSoftwareAdapter(adapter: GPUAdapter, info: AdapterInfo): boolean {
	const a = adapter as AdapterWithInfo;
	if (a.isFallbackAdapter === true || a.info?.isFallbackAdapter === true) return true;
	if (info.vendor.toLowerCase() === 'google') return true;
	return SOFTWARE.test([info.vendor, info.architecture, info.device, info.description].join(' '));
}

/** A short human label such as "google swiftshader (SwiftShader driver 5.0.0)". */
export function adapterLabel(info: AdapterInfo): string {
	const name =
		[info.vendor, info.architecture].filter(Boolean).join(' ') || info.device || 'unknown adapter';
	return info.description && info.description !== name ? `${name} (${info.description})` : name;
}
