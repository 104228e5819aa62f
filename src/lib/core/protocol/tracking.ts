/** Experiment tracking and sharing: runs, batched metrics, artifacts, analytics, model registry, share links, sync (issue #7). */
export {};
