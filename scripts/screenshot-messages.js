// Takes the README's pictures of the localised messages with headless Chromium (Debian's chromium; playwright-core
// drives it): one reminder in English and German side by side, and a statement of account.
//   bash scripts/with-node24.sh node scripts/screenshot-messages.js [output folder]     (after npm run build)
'use strict';
const { join } = require('node:path');
const { chromium } = require('playwright-core');

const { planCadenceStep, buildStatement } = require('../dist/src');

const OUTPUT = process.argv[2] ?? join(__dirname, '..', 'tests', 'artifacts');

function invoice(overrides) {
	return {
		id: 'in_1',
		number: 'INV-1042',
		source: 'stripe',
		status: 'open',
		lifecycle: 'open',
		currency: 'EUR',
		total: 2480,
		amountPaid: 0,
		amountDue: 2480,
		totalMinor: 248000,
		amountPaidMinor: 0,
		amountDueMinor: 248000,
		amountDueFormatted: '€2,480.00',
		issuedOn: '2026-10-15',
		dueOn: '2026-11-14',
		customer: { id: 'cus_1', name: 'Nordlicht GmbH', timezone: 'Europe/Berlin' },
		contact: { email: 'ap@nordlicht.example', name: 'Jana Schmidt' },
		flags: {},
		paymentUrl: 'https://invoice.stripe.com/i/acct_demo/in_1',
		documentUrl: 'https://invoice.stripe.com/i/acct_demo/in_1',
		pdfUrl: 'https://pay.stripe.com/invoice/acct_demo/in_1/pdf',
		...overrides,
	};
}

const page = (body) =>
	`<!doctype html><meta charset="utf-8"><style>body{font:14px/1.45 system-ui,sans-serif;margin:0;padding:16px;background:#f3f4f6;color:#111}
.row{display:flex;gap:16px;align-items:flex-start}.mail{background:#fff;border:1px solid #d1d5db;border-radius:8px;padding:14px 18px;width:440px}
.subject{font-weight:600;border-bottom:1px solid #e5e7eb;padding-bottom:8px;margin-bottom:8px}.lang{color:#6b7280;font-size:12px}
table{border-collapse:collapse}td,th{border-bottom:1px solid #e5e7eb;padding:3px 8px;font-size:13px}a{color:#2563eb}</style><body>${body}</body>`;

const mail = (label, message) =>
	`<div class="mail"><div class="lang">${label}</div><div class="subject">${escapeHtml(message.subject)}</div>${message.html}</div>`;

function escapeHtml(text) {
	return String(text).replace(
		/[&<>"]/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c],
	);
}

async function main() {
	const asOf = '2026-11-30T09:30:00Z';
	const history = [{ stepId: 'overdue-7', at: '2026-11-21T09:00:00Z', status: 'sent' }];
	const plan = (locale) =>
		planCadenceStep(
			invoice({
				customer: { id: 'cus_1', name: 'Nordlicht GmbH', timezone: 'Europe/Berlin', locale },
			}),
			'standard-5',
			{
				asOf,
				history,
				sender: { name: 'Sam Carter', company: 'Example Supplies Ltd' },
			},
		);
	const english = plan('en-GB');
	const german = plan('de-DE');
	for (const result of [english, german])
		if (result.action !== 'send')
			throw new Error(`expected a send, got ${result.action}: ${result.reason}`);

	const invoices = [
		invoice({ id: 'in_1', number: 'INV-1042', dueOn: '2026-11-14', issuedOn: '2026-10-15' }),
		invoice({
			id: 'in_2',
			number: 'INV-1077',
			dueOn: '2026-10-02',
			issuedOn: '2026-09-02',
			amountDueMinor: 64050,
		}),
		invoice({
			id: 'in_3',
			number: 'INV-1101',
			dueOn: '2026-12-15',
			issuedOn: '2026-11-15',
			amountDueMinor: 129900,
		}),
		invoice({
			id: 'in_4',
			number: 'INV-0988',
			dueOn: '2026-08-20',
			issuedOn: '2026-07-21',
			amountDueMinor: 31000,
			paymentUrl: undefined,
		}),
	].map((entry) => ({
		...entry,
		customer: { id: 'cus_1', name: 'Nordlicht GmbH', locale: 'en-GB' },
	}));
	const statement = buildStatement(invoices, {
		asOf: '2026-12-02',
		sender: { name: 'Sam Carter', company: 'Example Supplies Ltd' },
	});

	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: ['--no-sandbox'],
	});
	try {
		const shot = async (html, file, width) => {
			const tab = await browser.newPage({ viewport: { width, height: 400 }, deviceScaleFactor: 1 });
			await tab.setContent(html);
			await tab.screenshot({ path: join(OUTPUT, file), fullPage: true });
			await tab.close();
		};
		await shot(
			page(
				`<div class="row">${mail('en-GB', english.message)}${mail('de-DE', german.message)}</div>`,
			),
			'reminder-en-de.small.png',
			980,
		);
		await shot(
			page(
				`<div class="row">${mail(`Statement · attachment ${statement.csvFileName}`, statement.message)}</div>`,
			),
			'statement.small.png',
			700,
		);
	} finally {
		await browser.close();
	}
	console.log(`wrote ${join(OUTPUT, 'reminder-en-de.small.png')} and statement.small.png`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
