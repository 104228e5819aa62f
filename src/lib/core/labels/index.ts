export { forwardReturn, type ReturnKind } from './forward-return';
export { directionLabels } from './direction-labels';
export {
	tripleBarrierLabels,
	type TripleBarrierLabels,
	type TripleBarrierOptions
} from './triple-barrier-labels';
