import { DEFAULT_FEATURES, featureName } from '../src/lib/core/features';

export const HELP_TEXT = `axon — AXON's command line

Usage:
  axon features --input <bars.csv> --output <features.csv> [--features <names>] [--cpu]
  axon features --input <bars.csv> --spec <spec.json> --output <out.csv|.json|.parquet>
  axon backtest --input <bars.csv> --signal <expr> [--threshold 0] [--fee-bps 5] [--lag 1]
                [--fill next_open|close|vwap_proxy] [--stop-loss f] [--take-profit f]
                [--output <trades.csv>]
  axon montecarlo --input <bars.csv> [--paths 10000] [--steps 252] [--block 10] [--seed 1]
  axon train --spec <model.json> --data <bars.csv> [--epochs n] [--seed 1] [--out axon-model]
             [--backend cpu|webgpu]
  axon --help | help
  axon --version

features
  Reads an OHLCV CSV (header row with date/time/timestamp and close; open, high, low, volume
  optional), computes feature columns and writes a CSV with the timestamp and one column per
  feature. Warm-up rows have empty cells. Runs on WebGPU (Dawn) when an adapter is available,
  else on the CPU; stderr says which engine ran.

  --input, -i     the bar file to read
  --output, -o    the CSV to write (written whole or not at all)
  --features, -f  comma-separated names (default: ${DEFAULT_FEATURES.map(featureName).join(',')})
                  forms: log_return, rolling_mean_<w>, rolling_std_<w>, ema_<p>, each of the last
                  three optionally ending in _log_return to use log returns instead of close
  --cpu           skip WebGPU and compute with the CPU twins
  --spec          a feature-pipeline spec (JSON: indicators from the registry with params,
                  expressions, labels; see docs/features.md), computed on the CPU in f64; the
                  output format follows the extension (.csv, .json, .parquet); NaN is written as
                  NaN (CSV), null (JSON, Parquet)

backtest
  Evaluates a signal expression on the bars, holds +1 (long) where it is above the threshold, −1
  (short) where it is below −threshold, else flat (also during warm-up), simulates the account
  (starting cash 1) and prints total return, CAGR, Sharpe, Sortino, max drawdown, trades, win
  rate and exposure (annualised with 252 bars a year), then the Probabilistic Sharpe Ratio and
  its verdict for this one trial.

  --input, -i     the bar file to read
  --signal, -s    an expression, e.g. 'Mean($close, 5) / Mean($close, 20) - 1'
  --threshold     the dead band around 0 (default 0)
  --fee-bps       fee per fill, basis points of its notional (default 5)
  --lag           bars between the decision at a close and its fill (default 1; 0 needs --fill close)
  --fill          fill price on the fill bar: next_open (default), close, or vwap_proxy (O+H+L+C)/4
  --stop-loss     exit when the price moves this fraction against the entry (e.g. 0.05)
  --take-profit   exit when the price moves this fraction in favour of the entry (e.g. 0.1)
  --output, -o    also write the trade list as CSV (written whole or not at all)

montecarlo
  Resamples the file's daily log returns with a stationary block bootstrap (Politis & Romano
  1994) into equity paths on the CPU and prints mean, std, p5, p50 and p95 of each path's final
  return, max drawdown and annualised Sharpe, the probability of ruin (equity ≤ 50% of the start)
  and the seed. The same seed prints the same numbers.

  --input, -i     the bar file to read
  --paths         number of paths (default 10000)
  --steps         bars per path (default 252)
  --block         mean block length in bars (default 10)
  --seed          random seed, an integer in [0, 2^32) (default 1)

train
  Trains a model on the bars with the same engine as the browser (seeded batch order; optimiser,
  schedule, clipping and early stopping from the spec's "training" object), prints progress to
  stderr and the validation metrics to stdout (regression: mse, mae, ic, rank_ic; classification:
  accuracy, f1_macro, log_loss, auc, brier), and writes the model (tfjs model.json + weights.bin,
  spec.json, card.json) to --out. The last 20% of samples validate, after an embargo of one window.

  --spec          a model-zoo spec (JSON; or { "model": spec, "training": config }); a
                  { "model_type": "gru"|"lstm", "window": n, "units": n } object builds the
                  slice's GRU/LSTM regressor
  --data          the bar file to read (features: the default feature set, CPU)
  --epochs        epochs (default: the spec's training.epochs, else 10)
  --seed          seeds the weights and the batch order (default 1)
  --out           the directory to write (default axon-model; replaced whole)
  --backend       cpu (default) or webgpu (Dawn; a software adapter is said to be one)

Exit status: 0 done, 1 the input or the computation failed, 2 the command line was wrong.
`;
