import { err, ok, type Result } from '../result';
import { buyAndHoldContender } from './buy-and-hold-contender';
import type { Contender } from './contender';
import { expressionContender } from './expression-contender';
import { predictionContender, type StoredPredictions } from './prediction-contender';

/** A contender as the session form picks it: plain data, stored with the session, rebuilt in a worker. */
export type ContenderChoice =
	| {
			kind: 'expression';
			id: string;
			label: string;
			template: string;
			grid: Record<string, number[]>;
			threshold: number;
			allowShort: boolean;
	  }
	| { kind: 'experiment'; id: string; label: string; runId: string }
	| { kind: 'buy_and_hold'; id: string; label: string };

/**
 * Contenders from the form's choices; experiment runs' predictions are looked up with `predictionsOf`
 * (IndexedDB in the worker, a map in tests). The first unusable choice is a `bad_input` naming it.
 */
export async function contendersFromChoices(
	choices: readonly ContenderChoice[],
	predictionsOf: (runId: string) => Promise<Omit<StoredPredictions, 'id' | 'label'> | null>
): Promise<Result<Contender[]>> {
	const out: Contender[] = [];
	for (const choice of choices) {
		if (choice.kind === 'buy_and_hold') out.push(buyAndHoldContender(choice.id));
		else if (choice.kind === 'expression') {
			const c = expressionContender({ ...choice });
			if (!c.ok) return c;
			out.push(c.value);
		} else {
			const stored = await predictionsOf(choice.runId);
			if (!stored)
				return err(
					'bad_input',
					`${choice.label}: the run has no out-of-sample predictions; train it again.`
				);
			out.push(predictionContender({ ...stored, id: choice.id, label: choice.label }));
		}
	}
	return ok(out);
}
