// Takes the README's two pictures of the collections loop with headless Chromium (Debian's chromium; playwright-core
// drives it): the daily template's canvas, and the collections_ledger Data Table in the n8n UI with the rows one day
// of the loop writes (reservations, sends, a dispute and a promise, escalations, an approval). Starts its own n8n on
// port 5689 and stops it afterwards.
//   bash scripts/with-node24.sh node scripts/screenshot-loop.js [output folder]     (after npm run build)
'use strict';
const { join } = require('node:path');

const { ensureLedgerTable } = require('./ledger-table');
const {
	ROOT,
	OWNER,
	sleep,
	startLocalN8n,
	ownerSession,
	launchChromium,
	signIn,
} = require('./local-n8n');
const { LEDGER_COLUMNS, LEDGER_TABLE_NAME, eventToRow } = require('../dist/src');

const OUTPUT = process.argv[2] ?? join(ROOT, 'tests', 'artifacts');

/** One day of the loop, as the templates append it (the same rows the e2e test reads back). */
function sampleRows() {
	const message = (to, subject) => ({ channel: 'email', to, subject });
	const touch = (invoiceId, stepId, status, at, to, subject) => ({
		kind: 'touch',
		invoiceId,
		stepId,
		status,
		key: `${invoiceId}:${stepId}`,
		at,
		executionId: '12',
		...(status === 'sent'
			? { messageId: `<${invoiceId}.${stepId}@mail.yourcompany.example>` }
			: {}),
		message: message(to, subject),
	});
	return [
		touch(
			'in_overdue7',
			'overdue-7',
			'reserved',
			'2026-11-18T15:00:00Z',
			'ap@acme.example',
			'Invoice INV-1042 is 7 days overdue',
		),
		touch(
			'in_overdue7',
			'overdue-7',
			'sent',
			'2026-11-18T15:00:02Z',
			'ap@acme.example',
			'Invoice INV-1042 is 7 days overdue',
		),
		touch(
			'in_duetoday',
			'due',
			'reserved',
			'2026-11-18T15:00:00Z',
			'ap@globex.example',
			'Invoice INV-2207 is due today',
		),
		touch(
			'in_duetoday',
			'due',
			'sent',
			'2026-11-18T15:00:02Z',
			'ap@globex.example',
			'Invoice INV-2207 is due today',
		),
		touch(
			'in_duesoon',
			'pre-due',
			'reserved',
			'2026-11-18T15:00:00Z',
			'ap@wayne.example',
			'Invoice INV-3110 is due on Saturday',
		),
		touch(
			'in_duesoon',
			'pre-due',
			'sent',
			'2026-11-18T15:00:03Z',
			'ap@wayne.example',
			'Invoice INV-3110 is due on Saturday',
		),
		{
			kind: 'escalation',
			invoiceId: 'in_bigold',
			at: '2026-11-18T15:00:01Z',
			reason: 'high_value',
			priority: 'P1',
			key: 'in_bigold:high_value',
			executionId: '12',
		},
		{
			kind: 'reply',
			invoiceId: 'in_overdue7',
			at: '2026-11-18T19:30:00Z',
			intent: 'dispute',
			route: 'escalate',
			messageId: '<reply-1@acme.example>',
			summary: 'Disputes the invoice: goods never arrived',
		},
		{
			kind: 'escalation',
			invoiceId: 'in_overdue7',
			at: '2026-11-18T19:30:05Z',
			reason: 'dispute',
			priority: 'P1',
			key: 'in_overdue7:dispute',
			executionId: '13',
		},
		{
			kind: 'reply',
			invoiceId: 'in_duetoday',
			at: '2026-11-18T19:31:00Z',
			intent: 'promise_to_pay',
			route: 'update',
			promisedDate: '2026-11-27',
			messageId: '<reply-2@globex.example>',
		},
		{
			kind: 'approval',
			invoiceId: 'in_strategic',
			at: '2026-11-18T16:12:00Z',
			stepId: 'final-45',
			decision: 'approved',
			by: 'Slack',
		},
		{
			kind: 'resolved',
			invoiceId: 'in_overdue7',
			at: '2026-11-20T10:00:00Z',
			by: 'maria@yourcompany.example',
		},
	].map((event) => eventToRow(event));
}

async function main() {
	const n8n = await startLocalN8n({
		name: 'screenshot-loop',
		port: 5689,
		workflows: ['invoice-follow-up-daily.json'],
		fresh: true,
	});
	const URL = n8n.url;
	try {
		const table = await ensureLedgerTable({
			url: URL,
			email: OWNER.email,
			password: OWNER.password,
			name: LEDGER_TABLE_NAME,
			columns: LEDGER_COLUMNS,
		});
		const { call } = await ownerSession(URL);
		const project = await call('GET', '/projects/personal');
		await call('POST', `/projects/${project.id}/data-tables/${table.id}/insert`, {
			data: sampleRows(),
			returnType: 'count',
		});

		const browser = await launchChromium();
		const context = await browser.newContext({
			viewport: { width: 1600, height: 900 },
			deviceScaleFactor: 1,
		});
		const page = await context.newPage();
		await signIn(page, URL);

		await page.goto(`${URL}/workflow/invoiceFollowUpDaily`, {
			waitUntil: 'domcontentloaded',
			timeout: 90_000,
		});
		await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 180_000 });
		await sleep(2000);
		await page.keyboard.press('Escape');
		await page.keyboard.press('1');
		await sleep(1500);
		await page.screenshot({ path: join(OUTPUT, 'loop-canvas.small.png') });

		// A fresh page in the same context (it keeps the session) for the table view.
		await page.close();
		const tablePage = await context.newPage();
		await tablePage.setViewportSize({ width: 1600, height: 640 });
		await tablePage.goto(`${URL}/projects/${project.id}/datatables/${table.id}`, {
			waitUntil: 'domcontentloaded',
			timeout: 90_000,
		});
		await tablePage.waitForSelector('text=in_overdue7', { timeout: 120_000 }).catch(() => null);
		await sleep(2500);
		await tablePage.screenshot({ path: join(OUTPUT, 'loop-ledger-table.small.png') });
		await browser.close();
		process.stdout.write(
			`saved ${join(OUTPUT, 'loop-canvas.small.png')} and ${join(OUTPUT, 'loop-ledger-table.small.png')}\n`,
		);
	} finally {
		n8n.stop();
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack}\n`);
	process.exit(1);
});
