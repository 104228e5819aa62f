export * from './retention-shape';
export * from './retention-reference';
export * from './retention-gradients';
export * from './retention-wgsl';
export * from './run-retention';
export * from './retention-tfjs-wgsl';
