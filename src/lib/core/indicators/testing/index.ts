export { runStream } from './run-stream';
export { truncate } from './truncate';
export { maxRelativeDiff } from './max-relative-diff';
