export { seriesFromBars, flat, type BarRow } from './series-from-bars';
