// Takes the README's picture of the offline demo on the n8n canvas, after a run, with headless Chromium
// (Debian's chromium; playwright-core drives it). Starts its own n8n on port 5688 and stops it afterwards.
//   node scripts/screenshot-canvas.js [output.png]     (run through scripts/with-node24.sh)
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { chromium } = require('playwright-core');

const ROOT = join(__dirname, '..');
const FOLDER = join(ROOT, '.n8n-test', 'screenshot');
const PORT = 5688;
const URL = `http://127.0.0.1:${PORT}`;
const OUTPUT = process.argv[2] ?? join(ROOT, 'workflows', 'demo-canvas.png');
const OWNER = {
	email: 'owner@invoice-followup.local',
	firstName: 'Local',
	lastName: 'Owner',
	password: 'Followup-Local-1',
};
const n8n = (args, options = {}) =>
	spawnSync('bash', [join(ROOT, 'scripts', 'n8n.sh'), FOLDER, ...args], {
		encoding: 'utf8',
		env: { ...process.env, N8N_PORT: String(PORT) },
		...options,
	});
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
	n8n(['import:workflow', `--input=${join(ROOT, 'workflows', 'demo-offline.json')}`]);
	const server = spawn('bash', [join(ROOT, 'scripts', 'n8n.sh'), FOLDER, 'start'], {
		env: { ...process.env, N8N_PORT: String(PORT) },
		detached: true,
		stdio: 'ignore',
	});
	try {
		for (let i = 0; i < 120; i++) {
			if ((await fetch(`${URL}/healthz/readiness`).catch(() => null))?.ok) break;
			await sleep(1000);
		}
		await fetch(`${URL}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(OWNER),
		}).catch(() => null);
		const browser = await chromium.launch({
			executablePath: '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		});
		const page = await browser.newPage({
			viewport: { width: 1920, height: 1080 },
			deviceScaleFactor: 1,
		});
		await page.goto(`${URL}/signin`);
		await page.fill(
			'input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]',
			OWNER.email,
		);
		await page.fill('input[type="password"]', OWNER.password);
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => !url.pathname.includes('signin'), { timeout: 30_000 });
		await page.goto(`${URL}/workflow/invoiceDemoOffline`);
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
		try {
			process.kill(-server.pid, 'SIGTERM');
		} catch {
			/* already stopped */
		}
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack}\n`);
	process.exit(1);
});
