/**
 * A typed comlink client for one dedicated worker: started lazily on first use, one call at a time in
 * order, cancellable with an AbortSignal, and every failure returned as data (comlink drops custom
 * error classes, and a crashed worker must not leave the page hanging).
 *
 * @example
 * const client = new WorkerClient<TrainApi>(() => new Worker(new URL('...', import.meta.url), { type: 'module' }));
 * const r = await client.call((api, port, progress) => api.runExperiment(id, port, progress(onProgress)), { signal });
 */
import * as Comlink from 'comlink';
import { err, type Result } from '$lib/core/result';
import { portFromSignal } from './abort-port';

/** How long a worker gets to stop cooperatively after abort before it is terminated: one GRU step on a
 * software WebGPU adapter takes seconds (PLATFORM.md), so the grace is generous. */
const ABORT_GRACE_MS = 10_000;

export class WorkerClient<Api> {
	#factory: () => Worker;
	#worker: Worker | null = null;
	#api: Comlink.Remote<Api> | null = null;
	#queue: Promise<unknown> = Promise.resolve();

	constructor(factory: () => Worker) {
		this.#factory = factory;
	}

	#start(): Comlink.Remote<Api> {
		if (!this.#api) {
			this.#worker = this.#factory();
			this.#api = Comlink.wrap<Api>(this.#worker);
		}
		return this.#api;
	}

	/** Stops the worker now; the next call starts a fresh one. */
	terminate(): void {
		this.#worker?.terminate();
		this.#worker = null;
		this.#api = null;
	}

	/**
	 * Runs `fn` against the worker's API. `port` carries the abort signal into the worker (pass it to
	 * the API method, transferred). `progress(onProgress)` is the callback to hand the method: reports
	 * are separate worker messages, and one can arrive after the result; it drops those, so a finished
	 * page never shows a stale progress bar again. Resolves to the method's Result, or to an error
	 * Result when the worker crashed, threw, or did not stop within the grace period after abort.
	 */
	call<T>(
		fn: (
			api: Comlink.Remote<Api>,
			port: MessagePort,
			progress: <P>(onProgress: (p: P) => void) => ((p: P) => void) & Comlink.ProxyMarked
		) => Promise<Result<T>>,
		options: { signal?: AbortSignal } = {}
	): Promise<Result<T>> {
		const run = async (): Promise<Result<T>> => {
			const { signal } = options;
			if (signal?.aborted) return err('cancelled', 'Cancelled before it started.');
			const api = this.#start();
			const worker = this.#worker!;
			const port = portFromSignal(signal);
			let settled = false;
			// A block body: returning onProgress's value would hand comlink whatever the page's
			// callback returns (e.g. a $state proxy), which cannot be cloned back.
			const progress = <P>(onProgress: (p: P) => void) =>
				Comlink.proxy((p: P) => {
					if (!settled) onProgress(p);
				});
			let timer: ReturnType<typeof setTimeout> | undefined;
			const crashed = new Promise<Result<T>>((resolve) => {
				worker.addEventListener(
					'error',
					(e) => resolve(err('internal', `The worker crashed: ${e.message || 'unknown error'}`)),
					{ once: true }
				);
				signal?.addEventListener(
					'abort',
					() => {
						timer = setTimeout(() => {
							this.terminate();
							resolve(err('cancelled', 'Cancelled (the worker was stopped).'));
						}, ABORT_GRACE_MS);
					},
					{ once: true }
				);
			});
			try {
				return await Promise.race([fn(api, Comlink.transfer(port, [port]), progress), crashed]);
			} catch (e) {
				return err('internal', e instanceof Error ? e.message : String(e));
			} finally {
				settled = true;
				clearTimeout(timer);
			}
		};
		const next = this.#queue.then(run, run);
		this.#queue = next.catch(() => undefined);
		return next;
	}
}

export { proxy, transfer } from 'comlink';
