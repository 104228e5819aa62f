import { rollingExtremeDef } from './rolling-extreme-def';

export const rollingMax = rollingExtremeDef('max');
