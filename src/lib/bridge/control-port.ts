/**
 * Pause and resume for a run in a worker. The worker's comlink queue is busy with the run itself, so
 * the page keeps one end of a MessageChannel and hands the other to the API method (transferred);
 * the worker turns it into a pause gate (`gateFromPort` in ml/training).
 *
 * @example
 * const control = new RunControl();
 * trainWorker.call((api, port, report) => api.runExperiment(input, port, report(onProgress), control.transferPort()));
 * control.pause(); control.resume();
 */
import { transfer } from 'comlink';

export class RunControl {
	#channel = new MessageChannel();
	#paused = false;

	get paused(): boolean {
		return this.#paused;
	}

	/** The worker's end, marked for transfer; pass it once as the API method's control port. */
	transferPort(): MessagePort {
		const port = this.#channel.port2;
		return transfer(port, [port]);
	}

	pause(): void {
		this.#paused = true;
		this.#channel.port1.postMessage('pause');
	}

	resume(): void {
		this.#paused = false;
		this.#channel.port1.postMessage('resume');
	}

	/** Releases the page's end after the run. */
	close(): void {
		this.#channel.port1.close();
	}
}
