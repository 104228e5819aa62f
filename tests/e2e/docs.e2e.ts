// The feature reference page: every op of the registry (the ids of the generated docs/features.md,
// which a unit test keeps fresh) is on /docs, the filter narrows it, and an op's anchor is linkable.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';

const ids = [...readFileSync('docs/features.md', 'utf8').matchAll(/^\| `([a-z0-9_]+)` \|/gm)].map(
	(m) => m[1]
);

test('/docs lists every feature with its definition and reference, filters, and links each op', async ({
	page
}) => {
	expect(ids.length).toBeGreaterThanOrEqual(45);
	await page.goto('/');
	await page.getByRole('link', { name: 'Feature docs' }).click();
	await expect(page.getByRole('heading', { name: 'Feature reference' })).toBeVisible();
	await expect(page.getByTestId('docs-count')).toHaveText(
		`${ids.length} of ${ids.length} features`
	);
	for (const id of ids) await expect(page.locator(`tr[id="${id}"]`)).toHaveCount(1);
	await expect(page.getByTestId('expression-functions')).toContainText('Mean(');

	await page.getByTestId('docs-filter').fill('wilder rsi');
	await expect(page.locator('tr[id="rsi"]')).toBeVisible();
	await expect(page.locator('tr[id="sma"]')).toHaveCount(0);
	await page.getByTestId('docs-filter').fill('');

	await page.locator('tr[id="atr"] a').click();
	await expect(page).toHaveURL(/#atr$/);
	await expect(page.locator('tr[id="atr"]')).toBeInViewport();
	await page.screenshot({ path: 'artifacts/docs.png' });
});
