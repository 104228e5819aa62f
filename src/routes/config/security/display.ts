/** Small, pure display helpers for the security page. */
import type { ApiKeyInfo } from '$lib/core/protocol';

export type KeyStatus = 'active' | 'revoked' | 'expired';

export function keyStatus(
	key: Pick<ApiKeyInfo, 'revoked_at' | 'expires_at'>,
	now = Date.now()
): KeyStatus {
	if (key.revoked_at) return 'revoked';
	if (key.expires_at && Date.parse(key.expires_at) <= now) return 'expired';
	return 'active';
}

/** "Chrome on Linux"-style label from a user agent; the raw string is noise to most people. */
export function describeUserAgent(ua: string | null): string {
	if (!ua) return 'Unknown device';
	const browser = /Edg\//.test(ua)
		? 'Edge'
		: /Firefox\//.test(ua)
			? 'Firefox'
			: /Chrom(e|ium)\//.test(ua)
				? 'Chrome'
				: /Safari\//.test(ua)
					? 'Safari'
					: /curl|node|python|axon/i.test(ua)
						? 'Program'
						: 'Browser';
	const os = /Windows/.test(ua)
		? 'Windows'
		: /Mac OS X/.test(ua)
			? 'macOS'
			: /Android/.test(ua)
				? 'Android'
				: /iPhone|iPad/.test(ua)
					? 'iOS'
					: /Linux/.test(ua)
						? 'Linux'
						: '';
	return os ? `${browser} on ${os}` : browser;
}
