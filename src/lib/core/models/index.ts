export { inferBlockShape, type BlockShape, type BlockShapeResult, type Shape } from './block-shape';
export { inferShapes, headUnits, type LayerReport, type ShapeReport } from './infer-shapes';
export { estimateMemory, formatBytes, type MemoryEstimate } from './memory-estimate';
export { preset, PRESET_IDS, PRESET_TITLES, type PresetId, type PresetSize } from './presets';
export { conformalScale, intervalCoverage, scaledIntervals } from './conformal-scale';
export { checkDraft, defaultBlock, moveItem } from './edit-blocks';
