export { parseOhlcvCsv, DEFAULT_MAX_ROWS, type ParseOhlcvCsvOptions } from './parse-ohlcv-csv';
export type { ParsedOhlcv } from './csv-bar-reader';
export { matchColumns, normalizeHeader, type ColumnMap, type CsvField } from './match-columns';
export { detectTimeFormat, type TimeFormat } from './detect-time-format';
export { readTime } from './read-time';
export { parseIsoTime } from './parse-iso-time';
export { parseDecimal } from './parse-decimal';
export { detectBinary } from './detect-binary';
export { detectDelimiter, type Delimiter } from './detect-delimiter';
