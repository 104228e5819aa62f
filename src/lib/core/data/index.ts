export { parseOhlcvCsv, DEFAULT_MAX_ROWS, type ParseOhlcvCsvOptions } from './parse-ohlcv-csv';
export type { ParsedOhlcv } from './csv-bar-reader';
export { matchColumns, normalizeHeader, type ColumnMap, type CsvField } from './match-columns';
export { detectTimeFormat, type TimeFormat } from './detect-time-format';
export { readTime } from './read-time';
export { parseIsoTime } from './parse-iso-time';
export { parseDecimal } from './parse-decimal';
export { detectBinary } from './detect-binary';
export { detectDelimiter, type Delimiter } from './detect-delimiter';
export { matchBarHeader, barHeaderWarnings, type BarHeader } from './match-bar-header';
export {
	RawBarsBuilder,
	originLabel,
	type RawBars,
	type CellIssue,
	type CellIssueKind
} from './raw-bars';
export { readNumberLenient } from './read-number-lenient';
export { decimalYearToMs, readDecimalYear } from './decimal-year';
export { LenientTimeReader, type LenientTimeFormat } from './lenient-time-reader';
export { streamCsvRecords, type CsvRecordVisitor } from './stream-csv-records';
export { readBarsLenient, type ReadBarsLenientOptions } from './read-bars-lenient';
export { splitLongCsv, type SplitLongCsvOptions } from './split-long-csv';
export { splitWideCsv, type SplitWideCsvOptions } from './split-wide-csv';
export { describeInvalidBar, isInvalidBar } from './invalid-bar';
export { rawBarsToSeries } from './raw-bars-to-series';
export { readBarsJson, type ReadBarsJsonOptions } from './read-bars-json';
export { parseOhlcvJson, type ParseOhlcvJsonOptions } from './parse-ohlcv-json';
export { ChunkedCsvRecords } from './chunked-csv-records';
export { splitCsvLine } from './split-csv-line';
export { readBarsChunked, type ReadBarsChunkedOptions } from './read-bars-chunked';
export { readBarsParquet, type ReadBarsParquetOptions } from './read-bars-parquet';
export {
	MAX_IMPORT_BYTES,
	checkImportSize,
	detectImportFormat,
	type ImportFormat
} from './import-limits';
