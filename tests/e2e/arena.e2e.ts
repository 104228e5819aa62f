// The battle arena end to end: demo data → a walk-forward session of three expression strategies and
// buy & hold in the arena worker → leaderboard with intervals and verdicts, shared to the edge →
// results with equity, drawdown, fan and trade markers → still there after a reload → live replay
// with A/B statistics.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

async function signInAsResearcher(page: Page) {
	const users = JSON.parse(readFileSync('.wrangler/e2e/credentials.json', 'utf8')) as {
		email: string;
		password: string;
		role: string;
	}[];
	const researcher = users.find((c) => c.role === 'researcher')!;
	await page.goto('/sign-in');
	await page.getByLabel('Email').fill(researcher.email);
	await page.getByLabel('Password').fill(researcher.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByTestId('signed-in')).toContainText(researcher.email);
}

test('a battle session runs, explains its verdicts, persists, and the live arena splits traffic', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await signInAsResearcher(page);

	await page.getByRole('link', { name: 'Data' }).click();
	await page.getByRole('button', { name: 'Load demo dataset' }).click();
	await expect(page.getByTestId('datasets')).toContainText('5,550', { timeout: 120_000 });

	await page.getByRole('link', { name: 'Battle arena' }).click();
	await page.getByLabel('Name', { exact: true }).fill('e2e-battle');
	await page.getByLabel(/RSI mean reversion/).check();
	await expect(page.getByLabel(/SMA crossover/)).toBeChecked();
	await expect(page.getByLabel(/Momentum/)).toBeChecked();
	await page.getByRole('button', { name: 'Run session' }).click();

	const board = page.getByTestId('battle-leaderboard');
	await expect(board).toBeVisible({ timeout: 300_000 });
	await expect(board.locator('tbody tr')).toHaveCount(4);
	await expect(board).toContainText('Buy & hold (benchmark)');
	await expect(board.getByTestId('sharpe-ci').first()).toHaveText(
		/^-?\d+\.\d\d \[-?\d+\.\d\d, -?\d+\.\d\d\]$/
	);
	await expect(board.getByTestId('verdict').first()).toContainText('at 95%');
	await expect(page.getByTestId('spa-verdict')).toContainText('Buy & hold');
	await expect(page.getByTestId('spa-verdict')).toContainText('13 trials');
	await expect(page.getByTestId('sync-note')).toContainText('Shared');
	await page.screenshot({ path: 'artifacts/arena.png', fullPage: true });

	await page.getByRole('link', { name: /Curves, fans and trades/ }).click();
	await expect(page.getByTestId('results-name')).toHaveText('e2e-battle');
	await expect(page.getByTestId('equity-chart').locator('path[data-series]')).toHaveCount(4);
	await expect(page.getByTestId('drawdown-chart').locator('path[data-series]')).toHaveCount(4);
	await expect(page.getByTestId('fan-chart').locator('path[data-band="median"]')).toHaveCount(1);
	expect(await page.getByTestId('histogram-chart').locator('rect').count()).toBeGreaterThan(5);
	expect(
		await page.getByTestId('price-chart').locator('[data-marker="entry"]').count()
	).toBeGreaterThan(0);
	await page.screenshot({ path: 'artifacts/arena-results.png', fullPage: true });

	// Share the session; a visitor without an account sees its leaderboard and can reproduce it.
	await page.getByRole('button', { name: 'Create a share link' }).click();
	const link = await page.getByTestId('share-link').inputValue();
	expect(link).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);
	const visitor = await page.context().browser()!.newPage();
	await visitor.goto(link);
	await expect(visitor.getByTestId('shared-name')).toHaveText('e2e-battle');
	await expect(visitor.getByTestId('shared-leaderboard').locator('tbody tr')).toHaveCount(4);
	await expect(visitor.getByTestId('shared-spa')).toContainText('Hansen SPA');
	await expect(visitor.getByTestId('shared-equity').locator('path[data-series]')).toHaveCount(4);
	await visitor.getByRole('button', { name: 'Reproduce in my browser' }).click();
	await expect(visitor.getByTestId('reproduce-note')).toContainText(/[0-9a-f]{64}/);
	const reproduceUrl = visitor.url();
	await visitor.close();
	// In a browser that has the data, the same link prefills the session form.
	await page.goto(reproduceUrl);
	await expect(page.getByTestId('reproduce-note')).toContainText('the selected one matches');
	await expect(page.getByLabel('Name', { exact: true })).toHaveValue('e2e-battle');
	await expect(page.getByLabel(/RSI mean reversion/)).toBeChecked();
	await page.goBack();

	await page.reload();
	await expect(page.getByTestId('results-name')).toHaveText('e2e-battle');
	await page.getByRole('link', { name: '← Battle arena' }).click();
	await expect(page.getByTestId('battle-sessions')).toContainText('e2e-battle');
	await expect(page.getByTestId('battle-sessions')).toContainText('shared');

	await page.getByRole('link', { name: 'Live arena' }).first().click();
	await page.getByTestId('speed').selectOption({ label: 'max' });
	await page.getByRole('button', { name: 'Start replay' }).click();
	const stats = page.getByTestId('ab-stats');
	await expect(stats.locator('tbody tr')).toHaveCount(3);
	await expect(page.getByTestId('live-bars')).toContainText(/Bar [1-9]\d?,\d{3}/, {
		timeout: 60_000
	});
	await expect(stats.getByTestId('p-value').nth(1)).toHaveText(/^\d\.\d{3}$/);
	const traffic = await stats.locator('tbody tr').first().locator('td').nth(2).textContent();
	expect(Number.parseFloat(traffic ?? '')).toBeGreaterThan(60);
	await page.screenshot({ path: 'artifacts/arena-live.png', fullPage: true });
	expect(errors).toEqual([]);
});
