/**
 * AbortSignal cannot cross a worker boundary, so the page side turns it into a MessagePort that the
 * worker side turns back into an AbortSignal. Cancellation is then cooperative: the worker stops
 * between batches and reports what it has, instead of being killed mid-write.
 */
export function portFromSignal(signal: AbortSignal | undefined): MessagePort {
	const { port1, port2 } = new MessageChannel();
	if (signal) {
		const send = () => port1.postMessage('abort');
		if (signal.aborted) send();
		else signal.addEventListener('abort', send, { once: true });
	}
	return port2;
}

export function signalFromPort(port: MessagePort | undefined): AbortSignal {
	const controller = new AbortController();
	if (port) {
		port.onmessage = () => {
			controller.abort();
			port.close();
		};
	}
	return controller.signal;
}
