export { nextLogReturn } from './next-log-return';
export { makeWindows, type MakeWindowsOptions, type Windows } from './make-windows';
export { chronologicalSplit, type Split } from './chronological-split';
export { fitStandardizer, type Standardizer } from './fit-standardizer';
export { applyStandardizer } from './apply-standardizer';
