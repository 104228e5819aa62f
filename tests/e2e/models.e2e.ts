// The architecture designer: start from a preset, add blocks and watch shapes and the parameter count
// follow, see an invalid block flagged on that block, save to IndexedDB, reload, find it listed.
import { expect, test } from '@playwright/test';

test('design a model from blocks, see shapes and errors as you edit, save it and find it after a reload', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));

	await page.goto('/models');
	await expect(page.getByTestId('no-models')).toBeVisible();
	await page.getByTestId('preset').selectOption('lstm_attention');
	await page.getByTestId('new-model').click();

	const blocks = page.getByTestId('block');
	await expect(blocks).toHaveCount(3);
	await expect(blocks.nth(0).getByTestId('block-shape')).toHaveText('[32, 4] → [32, 16]');
	const before = Number((await page.getByTestId('param-count').innerText()).replace(/,/g, ''));
	expect(before).toBeGreaterThan(0);

	// Add a dense block: it lands after the attention pooling, on a vector, and adds 16·16 + 16 params.
	await page.getByTestId('new-block-type').selectOption('dense');
	await page.getByTestId('add-block').click();
	await expect(blocks).toHaveCount(4);
	await expect(blocks.nth(3).getByTestId('block-shape')).toHaveText('[16] → [16]');
	await expect(page.getByTestId('param-count')).toHaveText(
		(before + 16 * 16 + 16).toLocaleString('en')
	);

	// A positional encoding after pooling is invalid: the error sits on that block.
	await page.getByTestId('new-block-type').selectOption('positional_encoding');
	await page.getByTestId('add-block').click();
	await expect(blocks.nth(4).getByTestId('block-error')).toContainText('needs a sequence');
	await expect(page.getByTestId('spec-invalid')).toBeVisible();
	// Keyboard: remove it again with the focused button.
	await blocks.nth(4).getByRole('button', { name: 'Remove block 5' }).focus();
	await page.keyboard.press('Enter');
	await expect(blocks).toHaveCount(4);
	await expect(page.getByTestId('block-error')).toHaveCount(0);

	// A field the schema refuses is flagged on its block.
	await blocks.nth(3).getByLabel('units').fill('0');
	await expect(blocks.nth(3).getByTestId('block-error')).toContainText('units');
	await blocks.nth(3).getByLabel('units').fill('8');
	await expect(page.getByTestId('block-error')).toHaveCount(0);

	await page.getByTestId('model-name').fill('My LSTM with attention');
	await page.getByTestId('save').click();
	await expect(page.getByTestId('save-status')).toHaveText('Saved.');
	await expect(page).toHaveURL(/\/models\/[0-9a-f-]{36}\/edit$/);
	const saved = await page.getByTestId('param-count').innerText();

	await page.reload();
	await expect(page.getByTestId('model-name')).toHaveValue('My LSTM with attention');
	await expect(page.getByTestId('param-count')).toHaveText(saved);
	await page.getByRole('link', { name: '← Models' }).click();
	const list = page.getByTestId('model-list');
	await expect(list).toContainText('My LSTM with attention');
	await expect(list).toContainText(saved);
	expect(errors).toEqual([]);
});
