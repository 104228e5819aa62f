export { runStream } from './run-stream';
export { truncate } from './truncate';
export { maxRelativeDiff } from './max-relative-diff';
export { leadingNaNs } from './leading-nans';
export { defaultParams } from './default-params';
export { ttrcSeries } from './ttrc-series';
export { blankSeries } from './blank-series';
