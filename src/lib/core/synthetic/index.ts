export { generateGbm, type GbmOptions } from './gbm';
export { bridgeMax } from './bridge-extreme';
