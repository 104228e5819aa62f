import type { LabelSpec } from '../protocol/features';

/** `fwd_log_return_5`, `direction_5`, `triple_barrier_10`, unless the spec names it. */
export function labelColumnName(label: LabelSpec): string {
	if (label.name) return label.name;
	switch (label.kind) {
		case 'forward_return':
			return `fwd_${label.returnKind}_return_${label.horizon}`;
		case 'direction':
			return `direction_${label.horizon}`;
		case 'triple_barrier':
			return `triple_barrier_${label.horizon}`;
	}
}
