// Feature pipelines end to end: demo data → /data/features → two indicators + one expression →
// computed in the data worker (preview with warm-up, heat map) → spec saved, CSV exported → after a
// reload the cached pipeline is listed → /data/sources lists the dataset.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';

test('design, compute, export and find again a feature pipeline', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));

	await page.goto('/data');
	await page.getByRole('button', { name: 'Load demo dataset' }).click();
	await expect(page.getByTestId('datasets')).toContainText('5,550');

	await page.getByRole('link', { name: 'Feature pipelines' }).click();
	await expect(page.getByTestId('feature-chart').locator('rect').first()).toBeVisible();

	const picker = page.getByTestId('indicator-picker');
	await picker.selectOption('sma');
	await page.getByRole('button', { name: 'Add indicator' }).click();
	await picker.selectOption('rsi');
	await page.getByRole('button', { name: 'Add indicator' }).click();
	await page.getByRole('button', { name: 'Add expression' }).click();

	// A live parse error while typing, gone once the expression is fixed.
	const expression = page.getByTestId('expression-input');
	await expression.fill('Mean($close, 5');
	await expect(page.getByTestId('step-error')).toContainText("expected ')'");
	await expect(page.getByTestId('compute-pipeline')).toBeDisabled();
	await expression.fill('Mean($close, 5) / $close - 1');
	await expect(page.getByTestId('step-error')).toHaveCount(0);

	await page.getByTestId('compute-pipeline').click();
	await expect(page.getByTestId('pipeline-status')).toContainText('Computed and cached');
	await expect(page.getByTestId('pipeline-status')).toContainText('warm-up 14 rows');
	await expect(page.getByTestId('preview')).toContainText('(warm-up)');
	await expect(page.getByTestId('preview')).toContainText('NaN');
	await expect(page.getByTestId('correlation-heatmap').locator('rect')).toHaveCount(9);
	await expect(page.getByTestId('feature-chart').locator('path[data-series="sma_10"]')).toHaveCount(
		1
	);
	await expect(page.getByTestId('feature-chart').locator('path[data-series="rsi_14"]')).toHaveCount(
		1
	);

	const specDownload = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Save spec (JSON)' }).click();
	const spec = JSON.parse(readFileSync((await (await specDownload).path())!, 'utf8'));
	expect(spec.transformations).toHaveLength(3);

	const csvDownload = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export CSV' }).click();
	const csv = await csvDownload;
	expect(csv.suggestedFilename()).toMatch(/^TTRC-features-[0-9a-f]{8}\.csv$/);
	const lines = readFileSync((await csv.path())!, 'utf8')
		.trim()
		.split('\n');
	expect(lines[0]).toBe('time,sma_10,rsi_14,expr_3');
	expect(lines).toHaveLength(5551);
	expect(lines[1].split(',').slice(1)).toEqual(['NaN', 'NaN', 'NaN']);
	await expect(page.getByTestId('pipeline-engine-line')).toContainText('All columns on the CPU');

	// The same spec on the WebGPU engine (the browser's SwiftShader adapter here): the indicators run
	// as WGSL kernels in the data worker, the expression on the CPU; a separate cache entry.
	await page.getByTestId('pipeline-engine').selectOption('gpu');
	await page.getByTestId('compute-pipeline').click();
	await expect(page.getByTestId('pipeline-engine-line')).toContainText('WebGPU on', {
		timeout: 60_000
	});
	await expect(page.getByTestId('pipeline-engine-line')).toContainText('2 of 3 columns');
	await expect(page.getByTestId('pipeline-engine-line')).toContainText('software, not a GPU');
	await expect(page.getByTestId('pipeline-status')).toContainText('warm-up 14 rows');

	await page.reload();
	await expect(page.getByTestId('cached-pipelines')).toContainText('3 columns');
	await page.getByTestId('cached-pipelines').getByRole('button', { name: 'Open' }).first().click();
	await expect(page.getByTestId('pipeline-status')).toContainText('From the cache');

	await page.getByRole('link', { name: 'Data sources' }).click();
	await expect(page.getByTestId('sources')).toContainText('TTRC');
	await expect(page.getByTestId('sources')).toContainText('5,550');
	await page.screenshot({ path: 'artifacts/features.png', fullPage: true });
	expect(errors).toEqual([]);
});
