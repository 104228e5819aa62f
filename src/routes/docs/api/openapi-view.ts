/**
 * Reads the edge's OpenAPI document into what the docs page shows: operations grouped by tag, an
 * example body built from each JSON Schema, and a curl command per operation. Pure and defensive:
 * the document is data from the network, so unknown shapes degrade to "no example", never a crash.
 *
 * @example
 * const ops = operationsOf(doc);
 * curlFor(ops[0], { origin: 'http://127.0.0.1:8787', params: {}, body: '{}' });
 */
type Json = Record<string, unknown>;

export interface Operation {
	method: string;
	path: string;
	summary: string;
	tag: string;
	permission: string | null;
	needsAuth: boolean;
	pathParams: string[];
	queryParams: { name: string; required: boolean }[];
	bodySchema: Json | null;
	successStatus: string;
}

const isObject = (v: unknown): v is Json =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

export function operationsOf(doc: unknown): Operation[] {
	if (!isObject(doc) || !isObject(doc.paths)) return [];
	const ops: Operation[] = [];
	for (const [path, methods] of Object.entries(doc.paths)) {
		if (!isObject(methods)) continue;
		for (const [method, op] of Object.entries(methods)) {
			if (!isObject(op)) continue;
			const params = Array.isArray(op.parameters) ? op.parameters.filter(isObject) : [];
			const body = isObject(op.requestBody) ? op.requestBody : null;
			const schema = body && isObject(body.content) ? body.content['application/json'] : null;
			const responses = isObject(op.responses) ? Object.keys(op.responses) : [];
			ops.push({
				method: method.toUpperCase(),
				path,
				summary: typeof op.summary === 'string' ? op.summary : '',
				tag: Array.isArray(op.tags) && typeof op.tags[0] === 'string' ? op.tags[0] : 'other',
				permission: typeof op['x-permission'] === 'string' ? op['x-permission'] : null,
				needsAuth: Array.isArray(op.security) && op.security.length > 0,
				pathParams: params.filter((p) => p.in === 'path').map((p) => String(p.name)),
				queryParams: params
					.filter((p) => p.in === 'query')
					.map((p) => ({ name: String(p.name), required: p.required === true })),
				bodySchema: isObject(schema) && isObject(schema.schema) ? schema.schema : null,
				successStatus: responses.find((s) => /^[123]\d\d$/.test(s)) ?? '200'
			});
		}
	}
	return ops;
}

export function groupByTag(ops: readonly Operation[]): [string, Operation[]][] {
	const groups = new Map<string, Operation[]>();
	for (const op of ops) groups.set(op.tag, [...(groups.get(op.tag) ?? []), op]);
	return [...groups];
}

/**
 * A plausible value for a JSON Schema: its default or example if given, else the first enum value,
 * else a value that meets the type's lower bounds. Optional object properties are left out, so the
 * example shows what must be sent.
 */
export function exampleFromSchema(schema: unknown, depth = 0): unknown {
	if (!isObject(schema) || depth > 8) return null;
	if ('default' in schema) return schema.default;
	if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
	if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
	if ('const' in schema) return schema.const;
	for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
		const options = schema[key];
		if (Array.isArray(options) && options.length > 0)
			return exampleFromSchema(options[0], depth + 1);
	}
	switch (schema.type) {
		case 'object': {
			const props = isObject(schema.properties) ? schema.properties : {};
			const required = Array.isArray(schema.required) ? schema.required.map(String) : [];
			return Object.fromEntries(
				required.map((name) => [name, exampleFromSchema(props[name], depth + 1)])
			);
		}
		case 'array': {
			const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
			return Array.from({ length: Math.max(1, min) }, () =>
				exampleFromSchema(schema.items, depth + 1)
			);
		}
		case 'string':
			return exampleString(schema);
		case 'integer':
		case 'number': {
			const min = typeof schema.minimum === 'number' ? schema.minimum : null;
			const exclusive =
				typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : null;
			if (min !== null) return min;
			if (exclusive !== null) return schema.type === 'integer' ? exclusive + 1 : exclusive + 0.5;
			return schema.type === 'integer' ? 1 : 0.5;
		}
		case 'boolean':
			return false;
		default:
			return null;
	}
}

function exampleString(schema: Json): string {
	if (schema.format === 'email') return 'you@example.com';
	if (schema.format === 'date-time') return new Date(0).toISOString();
	const min = typeof schema.minLength === 'number' ? schema.minLength : 1;
	if (typeof schema.pattern === 'string' && /0-9a-f/.test(schema.pattern))
		return 'a'.repeat(Math.max(min, 64));
	return 'example'.padEnd(min, 'x');
}

/** Fills `{name}` segments, URI-encoding each value; unfilled ones stay visible as `{name}`. */
export function fillPath(path: string, params: Record<string, string>): string {
	return path.replace(/\{([^}]+)\}/g, (whole, name: string) =>
		params[name] ? encodeURIComponent(params[name]) : whole
	);
}

/** Single-quotes a value for a POSIX shell. */
export function shellQuote(value: string): string {
	return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function curlFor(
	op: Pick<Operation, 'method' | 'path' | 'needsAuth'>,
	options: { origin: string; params: Record<string, string>; body: string | null }
): string {
	const lines = [
		`curl -X ${op.method} ${shellQuote(options.origin + fillPath(op.path, options.params))}`
	];
	if (op.needsAuth) lines.push(`-H "Authorization: Bearer $AXON_TOKEN"`);
	if (options.body !== null) {
		lines.push(`-H 'Content-Type: application/json'`, `--data ${shellQuote(options.body)}`);
	}
	return lines.join(' \\\n  ');
}
