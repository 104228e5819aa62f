export * from './linear-scan-reference';
export * from './min-gru-reference';
export * from './linear-scan-wgsl';
export * from './run-linear-scan';
export * from './linear-scan-tfjs-wgsl';
