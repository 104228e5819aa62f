// ONNX import in a real browser: upload the PyTorch-exported fixture, see its signature, run it on
// the fixed input in a worker and get PyTorch's outputs to 1e-4, with the provider that actually ran.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';

const expected = JSON.parse(
	readFileSync('tests/fixtures/onnx/tiny-lstm.expected.json', 'utf8')
) as {
	input: { shape: number[]; data: number[] };
	output: { data: number[] };
};

test('an uploaded ONNX model lists its inputs and outputs and reproduces PyTorch to 1e-4', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto('/models/onnx');
	await page.getByTestId('onnx-file').setInputFiles('tests/fixtures/onnx/tiny-lstm.onnx');

	await expect(page.getByTestId('onnx-input')).toContainText('window');
	await expect(page.getByTestId('onnx-input')).toContainText('float32');
	await expect(page.getByTestId('onnx-input')).toContainText('[batch, 8, 3]');
	await expect(page.getByTestId('onnx-output-info')).toContainText('prediction');
	await expect(page.getByTestId('onnx-output-info')).toContainText('[batch, 1]');
	await expect(page.getByTestId('onnx-provider')).toContainText(/webgpu|wasm/);
	// Debian's Chromium has no GPU here: if WebGPU ran, it must be called a software adapter.
	if (
		(await page.getByTestId('onnx-provider').locator('strong').textContent())?.trim() === 'webgpu'
	)
		await expect(page.getByTestId('onnx-adapter')).toContainText('software adapter');

	await page.getByLabel('Input shape').fill(expected.input.shape.join(', '));
	await page.getByLabel('Input values').fill(expected.input.data.join(', '));
	await page.getByRole('button', { name: 'Run model' }).click();

	await expect(page.getByTestId('onnx-ran-on')).toContainText(/webgpu|wasm/);
	const provider = (
		await page.getByTestId('onnx-provider').locator('strong').textContent()
	)?.trim();
	await expect(page.getByTestId('onnx-ran-on').locator('strong')).toHaveText(provider ?? '');
	const values = (await page.getByTestId('onnx-result').textContent())!.split(',').map(Number);
	expect(values).toHaveLength(expected.output.data.length);
	values.forEach((v, i) => expect(Math.abs(v - expected.output.data[i])).toBeLessThan(1e-4));
	await page.screenshot({ path: 'artifacts/onnx.png', fullPage: true });
	expect(errors).toEqual([]);
});
