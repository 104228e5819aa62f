import { DEFAULT_FEATURES, featureName } from '../src/lib/core/features';

export const HELP_TEXT = `axon — AXON's command line

Usage:
  axon features --input <bars.csv> --output <features.csv> [--features <names>] [--cpu]
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

Exit status: 0 done, 1 the input or the computation failed, 2 the command line was wrong.
`;
