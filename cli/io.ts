/** Where a command writes: injected so commands can be run and checked in-process. */
export interface CliIo {
	stdout: (text: string) => void;
	stderr: (text: string) => void;
}

/** Exit codes: 0 success, 1 the work failed (bad data, I/O), 2 the command line was wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
