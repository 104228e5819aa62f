// The whole foundation slice, in a real browser with WebGPU on: load demo data → compute features on
// WebGPU → train a GRU on the WebGPU backend in a worker → backtest → saved experiment survives a
// reload and is shared to the edge.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

const credentials = () =>
	JSON.parse(readFileSync('.wrangler/e2e/credentials.json', 'utf8')) as {
		email: string;
		password: string;
		role: string;
	}[];

async function signInAsResearcher(page: Page) {
	const researcher = credentials().find((c) => c.role === 'researcher')!;
	await page.goto('/sign-in');
	await page.getByLabel('Email').fill(researcher.email);
	await page.getByLabel('Password').fill(researcher.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByTestId('signed-in')).toContainText(researcher.email);
}

test('the slice runs end to end: data, WebGPU features, training, backtest, saved and shared record', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await signInAsResearcher(page);

	await page.getByRole('link', { name: 'Data' }).click();
	await expect(page.getByTestId('gpu-status')).toContainText('swiftshader', { ignoreCase: true });
	await expect(page.getByTestId('gpu-status')).toContainText('not a GPU');
	await page.getByRole('button', { name: 'Load demo dataset' }).click();
	await expect(page.getByTestId('datasets')).toContainText('5,550');
	await expect(page.getByTestId('price-chart').locator('path[data-series="close"]')).toHaveCount(1);

	await page.getByRole('button', { name: 'Compute features' }).click();
	await expect(page.getByTestId('feature-engine')).toContainText('WebGPU', { timeout: 120_000 });
	await expect(page.getByTestId('feature-engine')).toContainText('software adapter');
	await expect(page.getByTestId('quality-report')).toContainText('score');
	await page.screenshot({ path: 'artifacts/data.png', fullPage: true });

	await page.getByRole('link', { name: 'Experiments' }).click();
	await page.getByLabel('Name', { exact: true }).fill('e2e-gru');
	await page.getByLabel('Window').fill('8');
	await page.getByLabel('Units').fill('8');
	await page.getByLabel('Epochs').fill('1');
	await page.getByLabel('Batch').fill('512');
	await page.getByLabel('Backend').selectOption('webgpu');
	await page.getByRole('button', { name: 'Train and backtest' }).click();
	await expect(page.getByTestId('train-status')).toContainText('webgpu', { timeout: 120_000 });
	await expect(page.getByTestId('loss-chart')).toBeVisible({ timeout: 240_000 });

	await expect(page.getByTestId('experiment-name')).toHaveText('e2e-gru', { timeout: 300_000 });
	await expect(page.getByTestId('experiment-status')).toHaveText('completed');
	await expect(page.getByTestId('backend')).toContainText('webgpu');
	await expect(page.getByTestId('total-return')).toHaveText(/^-?\d+\.\d%$/);
	await expect(page.getByTestId('equity-chart').locator('path[data-series="model"]')).toHaveCount(
		1
	);
	await expect(page.getByTestId('shared')).toContainText('Shared on the edge');

	await page.reload();
	await expect(page.getByTestId('experiment-name')).toHaveText('e2e-gru');
	await expect(page.getByTestId('experiment-status')).toHaveText('completed');
	await expect(page.getByTestId('equity-chart')).toBeVisible();
	await page.screenshot({ path: 'artifacts/experiment.png', fullPage: true });

	await page.getByRole('link', { name: 'Battle arena' }).click();
	await expect(page.getByTestId('leaderboard')).toContainText('e2e-gru');
	await page.getByRole('link', { name: 'Experiments' }).click();
	await expect(page.getByTestId('remote-experiments')).toContainText('e2e-gru');
	await page.screenshot({ path: 'artifacts/experiments.png', fullPage: true });
	expect(errors).toEqual([]);
});

test('a malformed CSV upload is held for review with the bad cell named, and nothing is stored', async ({
	page
}) => {
	await page.goto('/data');
	await expect(page.getByText('No datasets yet')).toBeVisible();
	await page.getByTestId('csv-upload').setInputFiles({
		name: 'broken.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(
			'date,open,high,low,close,volume\n2020-01-01,1,2,0.5,1.5,100\n2020-01-02,1,2,0.5,abc,100\n'
		)
	});
	const report = page.getByTestId('quality-report');
	await expect(report).toContainText('row 3 close "abc"');
	await expect(report).toContainText('Nothing is stored yet');
	await report.getByLabel('Unusable values').selectOption('reject');
	await report.getByRole('button', { name: 'Import with these fixes' }).click();
	await expect(page.getByTestId('data-error')).toContainText('3');
	await expect(page.getByText('No datasets yet')).toBeVisible();
	await page.reload();
	await expect(page.getByText('No datasets yet')).toBeVisible();
});

test('training with the default backend can be cancelled and the run is kept as paused', async ({
	page
}) => {
	await page.goto('/data');
	await page.getByRole('button', { name: 'Load demo dataset' }).click();
	await expect(page.getByTestId('datasets')).toContainText('5,550');
	await page.getByRole('checkbox', { name: 'CPU only' }).check();
	await page.getByRole('button', { name: 'Compute features' }).click();
	await expect(page.getByTestId('feature-engine')).toContainText('CPU');

	await page.getByRole('link', { name: 'Experiments' }).click();
	await page.getByLabel('Name', { exact: true }).fill('to-cancel');
	await page.getByLabel('Epochs').fill('500');
	// Backend stays 'auto': the probe measures WASM and the CPU (and WebGPU, software here) and
	// trains on the fastest CPU-side backend, never calling the software adapter a GPU.
	await page.getByRole('button', { name: 'Train and backtest' }).click();
	await expect(page.getByTestId('train-status')).toContainText('epoch', { timeout: 60_000 });
	await expect(page.getByTestId('probe-summary')).toContainText(/measured .*wasm.*cpu/);
	await expect(page.getByTestId('train-status')).toContainText(/backend (wasm|cpu)/);
	await expect(page.getByTestId('learning-rate')).toHaveText(/^\d\.\d\de-\d$/);
	await page.getByTestId('pause-button').click();
	await expect(page.getByTestId('train-status')).toContainText('paused');
	await page.getByRole('button', { name: 'Resume' }).click();
	await expect(page.getByTestId('train-status')).not.toContainText('paused');
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('alert')).toContainText('cancelled', { ignoreCase: true });

	await page.reload();
	const row = page.getByTestId('experiments').locator('tr', { hasText: 'to-cancel' });
	await expect(row).toContainText('paused');
});
