/**
 * The one protocol module: zod schemas and types shared by pages, workers, the edge Worker and the CLI.
 * Everything that crosses a trust boundary (HTTP body, WebSocket frame, file import) is parsed with a
 * schema from here, on both sides. Schemas only grow (append-only): old records must keep parsing.
 * Each area keeps its schemas in its own file under `protocol/`; import them all from here.
 */
export * from './protocol/base';
export * from './protocol/accounts';
export * from './protocol/tracking';
export * from './protocol/features';
export * from './protocol/battles';
export * from './protocol/models';
export * from './protocol/training';
