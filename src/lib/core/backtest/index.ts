export { thresholdPositions } from './threshold-positions';
export { runBacktest, type BacktestInput, type BacktestRun } from './run-backtest';
export { totalReturn } from './total-return';
export { sharpeRatio } from './sharpe-ratio';
export { maxDrawdown, type Drawdown } from './max-drawdown';
export { buyAndHold } from './buy-and-hold';
export { summarizeBacktest, type BacktestSummary } from './summarize-backtest';
