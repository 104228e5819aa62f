import type { DatasetRecord } from '$lib/store/records';

/** What a page needs to list a dataset: everything but the columns. */
export type DatasetSummary = Omit<DatasetRecord, 'columns'>;

export const summarize = ({ columns: _columns, ...meta }: DatasetRecord): DatasetSummary => meta;
