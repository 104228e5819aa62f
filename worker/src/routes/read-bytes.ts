/**
 * Raw (non-JSON) upload bodies: the shared bounded reader (`http/body.ts#readBoundedBytes`) with the
 * upload's own 413 wording, and the content hash artifacts are stored under.
 */
import { toHex } from '../encoding';
import { readBoundedBytes } from '../http/body';
import { HttpError } from '../http/errors';

export function readBoundedUpload(request: Request, maxBytes: number): Promise<Uint8Array> {
	return readBoundedBytes(
		request,
		maxBytes,
		() =>
			new HttpError(
				'too_large',
				`The upload is larger than ${Math.floor(maxBytes / 1024 / 1024)} MiB.`,
				{ max_bytes: maxBytes }
			)
	);
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
	return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}
