/**
 * Pause and resume for a running loop: the loop awaits `whileOpen()` between batches; the worker API
 * calls `pause()` / `resume()`. A paused loop holds no timers and burns no GPU.
 *
 * @example
 * const gate = new PauseGate();
 * gate.pause(); setTimeout(() => gate.resume(), 1000);
 * await gate.whileOpen(); // resolves after resume()
 */
export class PauseGate {
	#waiters: (() => void)[] = [];
	#paused = false;

	get paused(): boolean {
		return this.#paused;
	}

	pause(): void {
		this.#paused = true;
	}

	resume(): void {
		this.#paused = false;
		for (const wake of this.#waiters.splice(0)) wake();
	}

	/** Resolves at once when not paused, else on the next `resume()`. */
	whileOpen(): Promise<void> {
		if (!this.#paused) return Promise.resolve();
		return new Promise((resolve) => this.#waiters.push(resolve));
	}
}

/**
 * The worker side of pause/resume: a gate driven by 'pause' / 'resume' messages on a port (the page
 * keeps the other end). A separate port, because the worker's comlink queue is busy with the run.
 *
 * @example
 * const { port1, port2 } = new MessageChannel(); // page: port1.postMessage('pause')
 * const gate = gateFromPort(port2);               // worker: pass to runTraining({ gate })
 */
export function gateFromPort(port: MessagePort | undefined): PauseGate {
	const gate = new PauseGate();
	if (port) {
		port.onmessage = (e: MessageEvent) => {
			if (e.data === 'pause') gate.pause();
			else if (e.data === 'resume') gate.resume();
		};
	}
	return gate;
}
