import { describe, expect, it } from 'vitest';
import { MODEL_STATUSES } from '../../../src/lib/core/protocol';
import { allowedNext, transitionPermission } from './status-transitions';

describe('model status transitions', () => {
	it('deploying and archiving need models:promote; finishing training needs models:create', () => {
		expect(transitionPermission('trained', 'deployed')).toBe('models:promote');
		expect(transitionPermission('deployed', 'archived')).toBe('models:promote');
		expect(transitionPermission('training', 'trained')).toBe('models:create');
	});

	it('refuses skipping steps and staying put', () => {
		expect(transitionPermission('training', 'deployed')).toBeNull();
		expect(transitionPermission('archived', 'deployed')).toBeNull();
		for (const s of MODEL_STATUSES) expect(transitionPermission(s, s)).toBeNull();
	});

	it('every status can reach archived or comes back from it', () => {
		expect(allowedNext('archived')).toEqual(['trained']);
		for (const s of ['training', 'trained', 'deployed'] as const)
			expect(allowedNext(s)).toContain('archived');
	});
});
