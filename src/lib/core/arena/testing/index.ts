export { seriesFromBars, flat, type BarRow } from './series-from-bars';
export { randomCase, type Case } from './random-case';
