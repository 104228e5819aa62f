/** Feature pipelines: specs, `POST /api/v1/features/pipeline` (issue #3). */
export {};
