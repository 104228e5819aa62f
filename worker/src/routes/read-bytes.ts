/**
 * Raw (non-JSON) upload bodies, bounded before they are buffered: the declared Content-Length is
 * checked first, then the stream is counted and cancelled as soon as it goes over (chunked uploads
 * have no length, and a length can lie). The JSON twin is `http/body.ts#readBoundedText`.
 */
import { toHex } from '../encoding';
import { HttpError } from '../http/errors';

export async function readBoundedBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
	const tooLarge = () =>
		new HttpError(
			'too_large',
			`The upload is larger than ${Math.floor(maxBytes / 1024 / 1024)} MiB.`,
			{
				max_bytes: maxBytes
			}
		);
	const declared = Number(request.headers.get('Content-Length') ?? NaN);
	if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
	if (!request.body) return new Uint8Array(0);
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total > maxBytes) {
			await reader.cancel();
			throw tooLarge();
		}
		chunks.push(value);
	}
	const bytes = new Uint8Array(total);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return bytes;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
	return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}
