// Takes the README's picture of the offline demo on the n8n canvas, after a run, with headless Chromium
// (Debian's chromium; playwright-core drives it). Starts its own n8n on port 5688 and stops it afterwards.
//   node scripts/screenshot-canvas.js [output.png]     (run through scripts/with-node24.sh)
'use strict';
const { join } = require('node:path');
const { ROOT, sleep, startLocalN8n, launchChromium, signIn } = require('./local-n8n');

const OUTPUT = process.argv[2] ?? join(ROOT, 'workflows', 'demo-canvas.png');

async function main() {
	const n8n = await startLocalN8n({
		name: 'screenshot',
		port: 5688,
		workflows: ['demo-offline.json'],
		readySeconds: 120,
	});
	try {
		const browser = await launchChromium();
		const page = await browser.newPage({
			viewport: { width: 1920, height: 1080 },
			deviceScaleFactor: 1,
		});
		await signIn(page, n8n.url);
		await page.goto(`${n8n.url}/workflow/invoiceDemoOffline`, {
			waitUntil: 'domcontentloaded',
			timeout: 90_000,
		});
		await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
		await sleep(1500);
		// Run it, so every connection shows its item count.
		const run = page.locator('[data-test-id="execute-workflow-button"]').first();
		if (await run.count()) {
			await run.click();
			await page
				.waitForSelector(
					'[data-test-id="canvas-node"].success, .vue-flow__node .success, [data-node-execution-status="success"]',
					{ timeout: 90_000 },
				)
				.catch(() => null);
			await sleep(4000);
		}
		// Close any panel or toast and fit the workflow to the view.
		await page.keyboard.press('Escape');
		await page.keyboard.press('1');
		await sleep(1000);
		await page.screenshot({ path: OUTPUT });
		await browser.close();
		process.stdout.write(`saved ${OUTPUT}\n`);
	} finally {
		n8n.stop();
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack}\n`);
	process.exit(1);
});
