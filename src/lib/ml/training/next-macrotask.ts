/**
 * Resolves on the next macrotask, so messages (abort, pause) reach a worker between batches.
 * Node: setImmediate (a MessageChannel there can starve timers). Browsers: a MessageChannel round
 * trip, since nested setTimeout(0) is clamped to 4 ms (HTML spec).
 */
export function nextMacrotask(): Promise<void> {
	if (typeof setImmediate === 'function') return new Promise((r) => setImmediate(r));
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			channel.port1.close();
			resolve();
		};
		channel.port2.postMessage(null);
	});
}
