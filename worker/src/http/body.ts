/**
 * Reading untrusted request bodies: JSON only, bounded in size before it is buffered, then validated
 * with a zod schema from the shared protocol. Failures are `HttpError`s with field-level details.
 */
import type { z } from 'zod';
import { HttpError } from './errors';

/** Default cap for JSON bodies: experiment configs are a few KiB; 256 KiB leaves ample headroom. */
export const MAX_JSON_BODY_BYTES = 256 * 1024;

export interface FieldIssue {
	path: string;
	message: string;
}

/** Turns zod issues into `{ path: 'model_config.units', message }` pairs a form can show per field. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
	return error.issues.slice(0, 50).map((issue) => ({
		path: issue.path.map(String).join('.') || '(body)',
		message: issue.message
	}));
}

export function parseWith<S extends z.ZodType>(
	schema: S,
	value: unknown,
	what: string
): z.output<S> {
	const parsed = schema.safeParse(value);
	if (!parsed.success) {
		throw new HttpError('bad_input', `Invalid ${what}: fix the listed fields.`, {
			issues: fieldIssues(parsed.error)
		});
	}
	return parsed.data;
}

export async function readJsonBody<S extends z.ZodType>(
	request: Request,
	schema: S,
	maxBytes = MAX_JSON_BODY_BYTES
): Promise<z.output<S>> {
	const type = request.headers.get('Content-Type') ?? '';
	if (!/^application\/json\s*(;|$)/i.test(type)) {
		throw new HttpError(
			'unsupported_media_type',
			'Send the body as JSON (Content-Type: application/json).'
		);
	}
	const text = await readBoundedText(request, maxBytes);
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw new HttpError('bad_json', 'The request body is not valid JSON.');
	}
	return parseWith(schema, value, 'request body');
}

/**
 * Reads at most `maxBytes` of the body. Content-Length is checked first (cheap rejection), but it can
 * be absent (chunked uploads) or wrong, so the stream is counted too and cancelled as soon as it goes
 * over. JSON bodies and raw uploads (artifacts) share this; `tooLarge` words the 413 for each.
 */
export async function readBoundedBytes(
	request: Request,
	maxBytes: number,
	tooLarge: () => HttpError = () =>
		new HttpError(
			'too_large',
			`The request body is larger than ${Math.floor(maxBytes / 1024)} KiB.`
		)
): Promise<Uint8Array> {
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

/** The body as text, at most `maxBytes`, strict UTF-8. */
export async function readBoundedText(request: Request, maxBytes: number): Promise<string> {
	const bytes = await readBoundedBytes(request, maxBytes);
	// fatal: invalid UTF-8 is rejected instead of silently becoming U+FFFD in stored text.
	try {
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		throw new HttpError('bad_json', 'The request body is not valid UTF-8.');
	}
}
