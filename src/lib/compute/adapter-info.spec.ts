import { describe, expect, it } from 'vitest';
import { adapterLabel, isSoftwareAdapter, readAdapterInfo } from './adapter-info';

const adapterWith = (info: object, extra: object = {}) =>
	({ info, ...extra }) as unknown as GPUAdapter;
const swiftshader = {
	vendor: 'google',
	architecture: 'swiftshader',
	device: 'swiftshader-device-subzero-',
	description: 'SwiftShader driver 5.0.0'
};

describe('adapter info', () => {
	it('isSoftwareAdapter recognises SwiftShader, llvmpipe and fallback adapters', () => {
		for (const info of [
			swiftshader,
			{
				vendor: 'mesa',
				architecture: '',
				device: 'llvmpipe (LLVM 15.0.6, 256 bits)',
				description: ''
			},
			{
				vendor: 'microsoft',
				architecture: '',
				device: '',
				description: 'Microsoft Basic Render Driver'
			}
		]) {
			const a = adapterWith(info);
			expect(isSoftwareAdapter(a, readAdapterInfo(a)), JSON.stringify(info)).toBe(true);
		}
		const fallback = adapterWith({ vendor: 'x' }, { isFallbackAdapter: true });
		expect(isSoftwareAdapter(fallback, readAdapterInfo(fallback))).toBe(true);
	});

	it('isSoftwareAdapter treats a named hardware GPU as hardware', () => {
		const a = adapterWith({
			vendor: 'nvidia',
			architecture: 'hopper',
			device: '',
			description: 'NVIDIA H100'
		});
		expect(isSoftwareAdapter(a, readAdapterInfo(a))).toBe(false);
	});

	it('readAdapterInfo gives empty strings where the browser withholds fields', () => {
		expect(readAdapterInfo({} as GPUAdapter)).toEqual({
			vendor: '',
			architecture: '',
			device: '',
			description: ''
		});
	});

	it('adapterLabel names vendor and architecture, with the driver description in brackets', () => {
		expect(adapterLabel(swiftshader)).toBe('google swiftshader (SwiftShader driver 5.0.0)');
		expect(adapterLabel({ vendor: '', architecture: '', device: '', description: '' })).toBe(
			'unknown adapter'
		);
	});
});
