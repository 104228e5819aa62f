/** Progress reported by long work in a worker, to draw a progress bar and an ETA in the page. */
export interface Progress {
	phase: string;
	/** 0..1 */
	fraction: number;
	message?: string;
}

export type ProgressFn = (p: Progress) => void;
