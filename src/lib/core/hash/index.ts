export { contentHash, CONTENT_HASH_TAG } from './content-hash';
export { sha256Hex, toHex } from './sha256-hex';
