// Accounts in a real browser against the real local edge: sign up, create an API key on
// /config/security, use it, see it listed, revoke it (and see it refused); /docs/api renders the
// operations of /api/v1/openapi.json and its "Try it" calls the edge with the signed-in token.
import { expect, test } from '@playwright/test';

test('sign up, create an API key, use it, revoke it; the API docs render and call the edge', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	const email = `e2e-${Date.now()}@test.axon`;

	await page.goto('/sign-in');
	await page.getByRole('button', { name: 'Create one' }).click();
	await page.getByLabel('Display name').fill('E2E Person');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill('a long enough passphrase');
	await page.getByLabel('Role').selectOption('researcher');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByTestId('signed-in')).toContainText(email);

	await page.goto('/config/security');
	await expect(page.getByTestId('sessions')).toContainText('(this tab)');
	await page.getByLabel('Key name').fill('ci-runner');
	await page.getByRole('checkbox', { name: 'experiments:read' }).check();
	await page.getByRole('button', { name: 'Create key' }).click();
	const secret =
		(await page.getByTestId('created-key').locator('code').textContent())?.trim() ?? '';
	expect(secret).toMatch(/^axk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
	const row = page.getByTestId('api-key-row').filter({ hasText: 'ci-runner' });
	await expect(row).toContainText('experiments:read');
	await expect(row.getByTestId('key-status')).toHaveText('active');

	// The key works for a program, with only its scopes…
	const meByKey = await page.request.get('/api/v1/auth/me', { headers: { 'X-API-Key': secret } });
	expect(meByKey.status()).toBe(200);
	expect((await meByKey.json()).permissions).toEqual(['experiments:read']);
	const write = await page.request.post('/api/v1/experiments', {
		headers: { Authorization: `Bearer ${secret}` },
		data: {}
	});
	expect(write.status()).toBe(403);
	// …the list shows when it was last used, and never the secret.
	await page.reload();
	await expect(row.getByTestId('key-last-used')).not.toHaveText('—');
	await expect(page.locator('body')).not.toContainText(secret);

	await row.getByRole('button', { name: 'Revoke ci-runner' }).click();
	await expect(row.getByTestId('key-status')).toHaveText('revoked');
	const afterRevoke = await page.request.get('/api/v1/auth/me', {
		headers: { 'X-API-Key': secret }
	});
	expect(afterRevoke.status()).toBe(401);

	await page.goto('/docs/api');
	const operations = page.getByTestId('operation');
	await expect(operations.first()).toBeVisible();
	expect(await operations.count()).toBeGreaterThanOrEqual(15);
	await expect(page.getByTestId('api-operations')).toContainText('/api/v1/auth/api-keys');
	const meOp = operations.filter({ hasText: '/api/v1/auth/me' });
	await meOp.locator('summary').click();
	await expect(meOp.getByTestId('curl')).toContainText('curl -X GET');
	await meOp.getByRole('button', { name: 'Try it' }).click();
	await expect(meOp.getByTestId('try-status')).toContainText('200');
	await expect(meOp.getByTestId('try-body')).toContainText(email);
	await page.screenshot({ path: 'artifacts/api-docs.png', fullPage: true });
	expect(errors).toEqual([]);
});
