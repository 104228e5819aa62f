/**
 * Sends training metrics to the edge without ever making training wait: `log()` only appends to an
 * in-memory queue and returns; a timer flushes the queue in batches of at most 5,000 points (the
 * edge's limit per request), one request at a time, in order. A failed batch stays at the head of the
 * queue and is retried with exponential backoff; the edge overwrites repeated (name, step) points, so a
 * batch that reached the edge but whose answer was lost is safe to resend.
 *
 * @example
 * const uploader = new MetricUploader((points) => logMetrics(token, experimentId, runId, points));
 * uploader.log([{ name: 'loss', step: epoch, value: loss }]); // returns at once
 * await uploader.drain(); // at the end of the run: resolves when all points are sent (or false)
 */
import { MAX_METRIC_POINTS, type MetricPoint } from '$lib/core/protocol';
import type { Result } from '$lib/core/result';
import { backoffMs } from './backoff';

export type MetricSink = (points: MetricPoint[]) => Promise<Result<unknown>>;

export interface UploaderOptions {
	/** How long points may wait to be batched with later ones. */
	flushEveryMs?: number;
	maxBatch?: number;
	/** Injected for tests: timers and randomness. */
	schedule?: (run: () => void, ms: number) => unknown;
	random?: () => number;
}

export class MetricUploader {
	readonly #sink: MetricSink;
	readonly #flushEveryMs: number;
	readonly #maxBatch: number;
	readonly #schedule: (run: () => void, ms: number) => unknown;
	readonly #random: () => number;
	#queue: MetricPoint[] = [];
	#timerSet = false;
	#sending: Promise<void> | null = null;
	#failures = 0;
	#lastError: string | null = null;

	constructor(sink: MetricSink, options: UploaderOptions = {}) {
		this.#sink = sink;
		this.#flushEveryMs = options.flushEveryMs ?? 2_000;
		this.#maxBatch = Math.min(options.maxBatch ?? MAX_METRIC_POINTS, MAX_METRIC_POINTS);
		this.#schedule = options.schedule ?? ((run, ms) => setTimeout(run, ms));
		this.#random = options.random ?? Math.random;
	}

	/** Points waiting to be sent (including a batch in flight). */
	get pending(): number {
		return this.#queue.length;
	}

	get lastError(): string | null {
		return this.#lastError;
	}

	/** Queues points and returns immediately; never awaits the network. */
	log(points: MetricPoint[]): void {
		for (const p of points) this.#queue.push(p);
		this.#arm(this.#flushEveryMs);
	}

	/** Sends everything queued now; resolves when the queue is empty or a batch fails. */
	flush(): Promise<void> {
		this.#sending ??= this.#sendAll().finally(() => {
			this.#sending = null;
		});
		return this.#sending;
	}

	/** Flushes until empty, waiting out backoff between failures; false after `maxAttempts` failures in a row. */
	async drain(
		maxAttempts = 5,
		sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
	): Promise<boolean> {
		for (let i = 0; this.#queue.length > 0; i++) {
			await this.flush();
			if (this.#queue.length === 0) break;
			if (this.#failures >= maxAttempts) return false;
			await sleep(backoffMs(this.#failures, this.#random));
		}
		return true;
	}

	#arm(ms: number): void {
		if (this.#timerSet) return;
		this.#timerSet = true;
		this.#schedule(() => {
			this.#timerSet = false;
			void this.flush();
		}, ms);
	}

	async #sendAll(): Promise<void> {
		while (this.#queue.length > 0) {
			const batch = this.#queue.slice(0, this.#maxBatch);
			const r = await this.#sink(batch);
			if (!r.ok) {
				this.#failures++;
				this.#lastError = r.message;
				this.#arm(backoffMs(this.#failures, this.#random));
				return;
			}
			// Points logged while the batch was in flight were appended behind it: drop exactly the batch.
			this.#queue.splice(0, batch.length);
			this.#failures = 0;
			this.#lastError = null;
		}
	}
}
