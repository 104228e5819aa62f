// Imported models in the battle arena (issues #4, #6): the PyTorch-exported ONNX fixture is imported
// in the session form (checked by loading it in the arena worker, shapes and engine shown), then
// battles on the demo dataset and reaches the leaderboard; a file that is not a model is refused.
import { expect, test } from '@playwright/test';

test('an ONNX model imported in the session form battles on real bars', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto('/data');
	await page.getByRole('button', { name: 'Load demo dataset' }).click();
	await expect(page.getByTestId('datasets')).toContainText('5,550', { timeout: 120_000 });

	await page.getByRole('link', { name: 'Battle arena' }).click();
	await page.getByLabel('Name', { exact: true }).fill('e2e-onnx');
	// Only the model and buy & hold: quicker, and the leaderboard row count says the model is in.
	for (const name of [/SMA crossover/, /Momentum/]) await page.getByLabel(name).uncheck();

	const file = page.getByTestId('model-file');
	await file.setInputFiles({
		name: 'notes.onnx',
		mimeType: 'application/octet-stream',
		buffer: Buffer.from('not a model')
	});
	await expect(page.getByTestId('model-contenders').getByRole('alert')).toContainText('notes:');
	await expect(page.getByTestId('model-entry')).toHaveCount(0);

	await file.setInputFiles('tests/fixtures/onnx/tiny-lstm.onnx');
	const entry = page.getByTestId('model-entry');
	await expect(entry).toHaveCount(1, { timeout: 60_000 });
	await expect(entry).toContainText('input [batch, 8, 3]');
	await expect(entry).toContainText('ran on onnxruntime-web wasm');
	await expect(entry.getByRole('textbox', { name: /Features/ })).toHaveValue(/Log\(\$close/);

	await page.getByRole('button', { name: 'Run session' }).click();
	const board = page.getByTestId('battle-leaderboard');
	await expect(board).toBeVisible({ timeout: 300_000 });
	await expect(board.locator('tbody tr')).toHaveCount(2);
	await expect(board).toContainText('tiny-lstm');
	await page.screenshot({ path: 'artifacts/arena-onnx.png', fullPage: true });
	expect(errors).toEqual([]);
});
