// One home for what the picture scripts (screenshot-canvas.js, screenshot-loop.js) need from a throwaway local n8n:
// start it in its own folder and port with workflows imported, set the owner up, call its REST API as the owner, and
// sign in from headless Chromium (Debian's chromium, driven by playwright-core).
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { rmSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const N8N_SH = join(ROOT, 'scripts', 'n8n.sh');
// The same login `npm start` prints (scripts/start.sh), so a person can open a picture's instance too.
const OWNER = {
	email: 'owner@invoice-followup.local',
	firstName: 'Local',
	lastName: 'Owner',
	password: 'Followup-Local-1',
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Imports the workflows, starts n8n on 127.0.0.1:port, waits until it is ready and sets the owner up. */
async function startLocalN8n({ name, port, workflows = [], fresh = false, readySeconds = 180 }) {
	const folder = join(ROOT, '.n8n-test', name);
	const env = { ...process.env, N8N_PORT: String(port) };
	if (fresh) rmSync(folder, { recursive: true, force: true });
	for (const file of workflows)
		spawnSync(
			'bash',
			[N8N_SH, folder, 'import:workflow', `--input=${join(ROOT, 'workflows', file)}`],
			{
				env,
			},
		);
	const server = spawn('bash', [N8N_SH, folder, 'start'], { env, detached: true, stdio: 'ignore' });
	const stop = () => {
		try {
			process.kill(-server.pid, 'SIGTERM');
		} catch {
			/* already stopped */
		}
	};
	const url = `http://127.0.0.1:${port}`;
	try {
		for (let i = 0; i < readySeconds; i++) {
			if ((await fetch(`${url}/healthz/readiness`).catch(() => null))?.ok) break;
			await sleep(1000);
		}
		// A second start finds the owner already set up; that answer is not an error here.
		await fetch(`${url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(OWNER),
		}).catch(() => null);
	} catch (error) {
		stop();
		throw error;
	}
	return { url, stop };
}

/** Logs in as the owner; `call` then speaks n8n's REST API (the calls the editor makes) and returns `data`. */
async function ownerSession(url, { email, password } = OWNER) {
	const login = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: email, password }),
	});
	if (!login.ok)
		throw new Error(`login as ${email} failed: HTTP ${login.status} ${await login.text()}`);
	const cookie = (login.headers.getSetCookie?.() ?? [login.headers.get('set-cookie') ?? ''])
		.map((value) => value.split(';')[0])
		.join('; ');
	const call = async (method, path, body) => {
		const response = await fetch(`${url}/rest${path}`, {
			method,
			headers: { cookie, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok)
			throw new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 300)}`);
		return text ? JSON.parse(text).data : undefined;
	};
	return { cookie, call };
}

/** Headless Chromium with the flags a container without a GPU, sandbox or network needs. */
function launchChromium() {
	const { chromium } = require('playwright-core');
	return chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-dev-shm-usage',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
}

/** Signs the page in as the owner. */
async function signIn(page, url) {
	await page.goto(`${url}/signin`, { waitUntil: 'domcontentloaded', timeout: 90_000 });
	await page.fill(
		'input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]',
		OWNER.email,
	);
	await page.fill('input[type="password"]', OWNER.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((next) => !next.pathname.includes('signin'), { timeout: 30_000 });
}

module.exports = { OWNER, ROOT, sleep, startLocalN8n, ownerSession, launchChromium, signIn };
