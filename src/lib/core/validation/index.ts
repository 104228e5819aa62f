/** Pure validation: evaluation splits without leakage, and the metrics the runs report. */
export * from './walk-forward-splits';
export * from './purged-k-fold';
export * from './metrics';
