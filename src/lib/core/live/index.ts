export { PaperAccount, type LiveBar, type PaperFill, type PaperMark } from './paper-account';
export { BarReplay, barsDue } from './bar-replay';
export {
	streamingBuyAndHold,
	streamingExpression,
	type StreamingContender
} from './streaming-contender';
export { normaliseWeights, routeOf } from './traffic-split';
export { MixtureSprt, type MixtureSprtOptions, type MixtureSprtState } from './mixture-sprt';
export {
	LiveArena,
	type ArmSnapshot,
	type LiveArenaOptions,
	type LiveSnapshot
} from './live-arena';
