// Output-equality and cost check for Cadence Step Plan speed work. Plans a few thousand varied invoices (locales
// en/de/fr/es/nl and others, currencies, tiers, every preset and by-tier, late fees in the text, previous reminders,
// C-suite contacts, names that need HTML escaping, a template that fails the lint), renders, lints and builds the
// MIME of every e-mail send, and writes one JSON line per plan (MIME with a fixed date and message id; nodemailer's
// random boundaries masked) plus lintMessage of every rendered part, then lintMessage (reminder and handoff) of
// every sentence of the lint's fixture lists (tests/fixtures/lint/*.jsonl, threats and benign, seven languages).
// Usage: node scripts/cadence-equality.js <abs dist dir> <out file> [count]; run on the old and new builds (copy
// dist/ aside first, under node_modules/ so its modules resolve) and cmp the two files.
// With CADENCE_TIME=1 it only times the node's per-item work (plan with render and lint, then MIME) and prints
// µs per message sent; CADENCE_REPEAT=n runs that n times in one process (the first run is cold).
const fs = require('fs'),
	path = require('path');
const dist = path.resolve(process.argv[2]);
const lib = require(path.join(dist, 'src'));
const { planCadenceStep, buildMimeMessage, mimeForMessage, lintMessage, PRESETS } = lib;
const COUNT = Number(process.argv[4]) || 3000;
const AS_OF = '2026-11-18T15:00:00Z';

let seed = 15_2026;
const random = () => {
	seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
	return seed / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const LOCALES = [
	'en-US',
	'en-GB',
	'de-DE',
	'fr-FR',
	'es-ES',
	'nl-NL',
	'de-CH',
	'fr-CA',
	'it-IT',
	undefined,
];
const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'KWD', 'CHF'];
const ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Tokyo', 'Australia/Sydney', undefined];
const TIERS = ['strategic', 'standard', 'transactional', 'friction', undefined];
const NAMES = [
	'Pat Lee',
	'Jürgen Weiß',
	"Seán O'Brien",
	'Ana María López',
	'Zoë <Admin> & Co',
	undefined,
];
const TITLES = [undefined, undefined, undefined, 'CFO', 'Accounts Payable'];
const COMPANIES = [
	'Acme & Sons',
	'Müller GmbH',
	'"Quoted" Ltd',
	'Société Générale <test>',
	'Beta BV',
];
const dayIso = (offset) =>
	new Date(Date.UTC(2026, 10, 18) + offset * 86_400_000).toISOString().slice(0, 10);

function invoices(count) {
	const list = [];
	for (let index = 0; index < count; index++) {
		const currency = pick(CURRENCIES);
		const totalMinor = Math.round(100 + random() * 5_000_000);
		const paidMinor = random() < 0.2 ? Math.round(totalMinor * random() * 0.5) : 0;
		const due = Math.floor(random() * 80) - 65;
		const name = pick(NAMES);
		const customer = index % 997;
		list.push({
			id: `inv_${index}`,
			number: `INV-${100000 + index}`,
			source: 'stripe',
			status: 'open',
			currency,
			total: totalMinor / 100,
			amountPaid: paidMinor / 100,
			amountDue: (totalMinor - paidMinor) / 100,
			totalMinor,
			amountPaidMinor: paidMinor,
			amountDueMinor: totalMinor - paidMinor,
			issuedOn: dayIso(due - 30),
			dueOn: random() < 0.05 ? undefined : dayIso(due),
			customer: {
				id: `cus_${customer}`,
				name: `${pick(COMPANIES)} ${customer}`,
				tier: pick(TIERS),
				timezone: pick(ZONES),
				locale: pick(LOCALES),
			},
			contact: {
				email: random() < 0.03 ? undefined : `ap${customer}@customer${customer}.example`,
				...(name ? { name } : {}),
				...(pick(TITLES) ? { title: pick(TITLES) } : {}),
				isBillingContact: random() < 0.5,
			},
			...(random() < 0.85 ? { paymentUrl: `https://pay.example/in_${index}?a=1&b=2` } : {}),
			...(random() < 0.7 ? { messageId: `<inv_${index}@billing.example>` } : {}),
			...(random() < 0.1 ? { poNumber: `PO-${index}` } : {}),
			flags: {},
		});
	}
	return list;
}

function historyFor(invoice) {
	if (random() < 0.6) return [];
	const back = 2 + Math.floor(random() * 20);
	return [
		{
			kind: 'touch',
			stepId: pick(['pre-due', 'due', 'reminder-1', 'overdue-7']),
			at: `${dayIso(-back)}T14:00:00Z`,
			status: 'sent',
		},
	];
}

const LATE_FEES = { kind: 'monthly_percent', monthlyPercent: 1.5, inCustomerText: true };
const policies = [
	['by-tier', 'by-tier', {}],
	...Object.keys(PRESETS).map((name) => [name, name, {}]),
	['late-fees', { ...PRESETS['policy-4'], name: 'late-fees', lateFees: LATE_FEES }, {}],
	[
		'lint-finding',
		'standard-5',
		{
			templates: {
				...lib.DEFAULT_LIBRARY,
				'overdue-polite': {
					email: {
						subject: 'Invoice {{invoice.number}}',
						text: 'Dear {{contact.greetingName}}, invoice {{invoice.number}} for {{invoice.amountDueFormatted}} was due on {{invoice.dueDate}}.\nPay at {{invoice.paymentUrl}} or we hand it to our l e g a l team.',
					},
				},
			},
		},
	],
];

const MASK = /(----_NmP-[0-9a-f-]+)|(boundary="[^"]+")/g;

async function main() {
	const book = invoices(COUNT);
	const histories = book.map(historyFor);
	const others = book.slice(0, 40).map((invoice) => invoice.customer.name);
	const sender = {
		name: 'Accounts "Receivable"',
		company: 'Example & Co',
		email: 'ar@example.com',
	};
	if (process.env.CADENCE_TIME) {
		const runs = Number(process.env.CADENCE_REPEAT) || 1;
		// CADENCE_PROFILE=<file>: a CPU profile of the last run only (warm), for `node --cpu-prof`-style reading.
		const session = process.env.CADENCE_PROFILE && new (require('inspector').Session)();
		const post = (method, params) =>
			new Promise((resolve, reject) =>
				session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
			);
		for (let run = 0; run < runs; run++) {
			if (session && run === runs - 1) {
				session.connect();
				await post('Profiler.enable');
				await post('Profiler.start');
			}
			let sent = 0;
			const cpu = process.cpuUsage();
			const started = performance.now();
			for (let index = 0; index < book.length; index++) {
				const plan = planCadenceStep(book[index], 'by-tier', {
					asOf: AS_OF,
					timezone: 'UTC',
					history: histories[index],
					sender,
				});
				if (plan.action === 'send' && plan.message?.channel === 'email') {
					await mimeForMessage(plan.message, { from: sender.email, fromName: sender.name });
					sent++;
				}
			}
			const ms = performance.now() - started;
			const used = process.cpuUsage(cpu);
			console.log(
				`run ${run + 1}: ${book.length} invoices, ${sent} e-mails sent: ${ms.toFixed(0)} ms wall, ` +
					`${((used.user + used.system) / 1000).toFixed(0)} ms CPU, ${((ms * 1000) / sent).toFixed(0)} µs wall per sent`,
			);
		}
		if (session) {
			const { profile } = await post('Profiler.stop');
			fs.writeFileSync(process.env.CADENCE_PROFILE, JSON.stringify(profile));
		}
		return;
	}
	const lines = [];
	for (const [label, policy, extra] of policies) {
		for (let index = 0; index < book.length; index++) {
			const invoice = book[index];
			let plan;
			try {
				plan = planCadenceStep(invoice, policy, {
					asOf: AS_OF,
					timezone: 'UTC',
					history: histories[index],
					sender: index % 3 === 0 ? sender : undefined,
					cc: index % 5 === 0 ? ['boss@example.com'] : undefined,
					otherCustomers: index % 4 === 0 ? others : undefined,
					locale: index % 7 === 0 ? 'de-DE' : undefined,
					...extra,
				});
			} catch (error) {
				lines.push(JSON.stringify({ label, index, error: String(error) }));
				continue;
			}
			const message = plan.message ?? plan.blockedMessage;
			const record = { label, index, plan };
			if (message) {
				record.lint = ['subject', 'text', 'html'].map((part) =>
					message[part] === undefined
						? null
						: [
								lintMessage(message[part], 'reminder'),
								lintMessage(message[part], { stage: 'handoff' }),
								lintMessage(message[part], {
									stage: 'reminder',
									allowedEmails: [invoice.contact.email ?? ''],
									otherCustomers: others,
								}),
							],
				);
			}
			if (message && message.channel === 'email' && message.to) {
				try {
					const thread = message.threadHeaders ?? {};
					const built = await buildMimeMessage({
						from: sender.email,
						fromName: sender.name,
						to: message.to,
						cc: message.cc,
						subject: message.subject,
						text: message.text,
						html: message.html,
						inReplyTo: thread['In-Reply-To'],
						references: thread.References?.split(/\s+/).filter(Boolean),
						date: new Date(AS_OF),
						messageId: `<bench-${index}@example.com>`,
					});
					record.mime = built.raw.replace(MASK, 'BOUNDARY');
				} catch (error) {
					record.mime = { error: String(error) };
				}
			}
			lines.push(JSON.stringify(record));
		}
	}
	const fixtures = path.join(__dirname, '..', 'tests', 'fixtures', 'lint');
	for (const file of fs.readdirSync(fixtures).sort()) {
		for (const line of fs.readFileSync(path.join(fixtures, file), 'utf8').split('\n')) {
			if (!line.trim()) continue;
			const { id, text } = JSON.parse(line);
			lines.push(
				JSON.stringify({
					file,
					id,
					reminder: lintMessage(text, 'reminder'),
					handoff: lintMessage(text, { stage: 'handoff' }),
					html: lintMessage(`<p>${text.replace(/ /, ' <b>')}</b></p>`, 'reminder'),
				}),
			);
		}
	}
	fs.writeFileSync(process.argv[3], lines.join('\n'));
	const sends = lines.filter((line) => line.includes('"action":"send"')).length;
	console.log(`${lines.length} plans, ${sends} sends, written to ${process.argv[3]}`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
