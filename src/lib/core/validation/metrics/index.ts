export * from './regression-metrics';
export * from './classification-metrics';
export * from './interval-coverage';
