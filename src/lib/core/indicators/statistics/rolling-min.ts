import { rollingExtremeDef } from './rolling-extreme-def';

export const rollingMin = rollingExtremeDef('min');
