const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Lower-case hexadecimal of a byte array. */
export const toHex = (bytes: Uint8Array): string => {
	let s = '';
	for (const b of bytes) s += HEX[b];
	return s;
};

/**
 * SHA-256 (FIPS 180-4) of bytes, or of a string's UTF-8 encoding, as 64 lower-case hex digits. Uses
 * Web Crypto (`crypto.subtle`), which browsers, workers, Node 20 and Cloudflare workerd all provide.
 *
 * @example
 * await sha256Hex('abc'); // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export async function sha256Hex(data: Uint8Array | ArrayBuffer | string): Promise<string> {
	const bytes =
		typeof data === 'string'
			? new TextEncoder().encode(data)
			: data instanceof ArrayBuffer
				? new Uint8Array(data)
				: // Web Crypto refuses views of a SharedArrayBuffer; slice() copies into a plain ArrayBuffer.
					data.buffer instanceof ArrayBuffer
					? (data as Uint8Array<ArrayBuffer>)
					: data.slice();
	return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}
