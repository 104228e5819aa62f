// Share links end to end: a researcher records an experiment on the edge and shares it; a visitor
// with no account opens the link in a fresh browser, sees the experiment read-only, and "reproduce in
// my browser" prefills the new-experiment form with the same spec, seed and data hash. Revoking the
// link takes it away.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { readFileSync } from 'node:fs';

const researcher = () =>
	(
		JSON.parse(readFileSync('.wrangler/e2e/credentials.json', 'utf8')) as {
			email: string;
			password: string;
			role: string;
		}[]
	).find((c) => c.role === 'researcher')!;

async function signIn(request: APIRequestContext): Promise<string> {
	const { email, password } = researcher();
	const res = await request.post('/api/v1/auth/sign-in', { data: { email, password } });
	expect(res.status()).toBe(200);
	return ((await res.json()) as { token: string }).token;
}

const experiment = {
	name: 'LSTM momentum, shared',
	description: 'Shared from the e2e test',
	status: 'completed',
	model_config: { model_type: 'lstm', window: 24, units: 12 },
	data_config: {
		dataset: 'ttrc-daily',
		content_hash: 'c0ffee'.padEnd(64, '0'),
		rows: 5550,
		features: ['log_return'],
		train_fraction: 0.7
	},
	training_config: { seed: 4242, epochs: 3, batch_size: 32, learning_rate: 0.002, backend: 'cpu' },
	backtest_config: { threshold: 0.0005, fee_bps: 3, periods_per_year: 252 },
	results: {
		final_train_loss: 0.9,
		final_val_loss: 1.1,
		total_return: 0.12,
		sharpe: 0.87,
		max_drawdown: -0.2,
		trades: 40,
		backend: 'cpu'
	}
};

test('a visitor without an account opens a share link, sees the experiment and reproduces it', async ({
	request,
	browser
}) => {
	const token = await signIn(request);
	const auth = { Authorization: `Bearer ${token}` };
	const created = await request.post('/api/v1/experiments', { data: experiment, headers: auth });
	expect(created.status()).toBe(201);
	const { id } = (await created.json()) as { id: string };
	const shared = await request.post('/api/v1/shares', {
		data: { target_type: 'experiment', target_id: id, expires_in_hours: 2 },
		headers: auth
	});
	expect(shared.status()).toBe(201);
	const link = (await shared.json()) as { id: string; path: string };

	// A fresh context: no session, no IndexedDB, nothing of the researcher's.
	const visitor = await browser.newContext();
	const page = await visitor.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(link.path);
	await expect(page.getByTestId('shared-name')).toHaveText(experiment.name);
	await expect(page.getByTestId('shared-sharpe')).toHaveText('0.87');
	await expect(page.getByTestId('shared-hash')).toHaveText(experiment.data_config.content_hash);
	await expect(page.getByTestId('shared-seed')).toHaveText('4242');
	await expect(page.getByTestId('who')).toContainText('local only');

	await page.getByRole('button', { name: 'Reproduce in my browser' }).click();
	await expect(page).toHaveURL(/\/experiments\?/);
	await expect(page.getByTestId('reproduce-notice')).toContainText(experiment.name);
	await expect(page.getByTestId('reproduce-notice')).toContainText('c0ffee');
	await expect(page.getByLabel('Seed', { exact: true })).toHaveValue('4242');
	await expect(page.getByLabel('Window', { exact: true })).toHaveValue('24');
	await expect(page.getByLabel('Units', { exact: true })).toHaveValue('12');
	await expect(page.getByLabel('Epochs', { exact: true })).toHaveValue('3');
	await expect(page.getByRole('combobox', { name: 'Model', exact: true })).toHaveValue('lstm');
	await expect(page.getByLabel('Name', { exact: true })).toHaveValue(
		`${experiment.name} (reproduced)`
	);

	// Revoked: the same link now shows nothing of the experiment.
	const revoked = await request.delete(`/api/v1/shares/${link.id}`, { headers: auth });
	expect(revoked.status()).toBe(204);
	await page.goto(link.path);
	await expect(page.getByRole('alert')).toContainText('does not exist or was revoked');
	await expect(page.getByTestId('shared-name')).toHaveCount(0);
	expect(errors).toEqual([]);
	await visitor.close();
});
