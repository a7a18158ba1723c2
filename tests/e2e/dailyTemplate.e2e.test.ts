import { FakeServices } from '../helpers/fakeServices';
import { LocalN8n } from '../helpers/n8nCli';
import { dailyTestCopy, stripeBook } from '../helpers/templates';

/** The daily template in a real n8n, against fakes of Stripe, Gmail, Slack and Sheets on 127.0.0.1. */
describe('invoice-follow-up-daily in a real n8n', () => {
	const n8n = new LocalN8n('daily-template');
	const fakes = new FakeServices(stripeBook());
	const asOf = '2026-11-18T15:00:00Z'; // Wednesday, 10:00 in New York

	beforeAll(async () => {
		await fakes.start();
		n8n.importWorkflows([dailyTestCopy(fakes, { id: 'e2eDailyTemplate', asOf })]);
	}, 120_000);
	afterAll(() => fakes.stop());

	it('sends exactly the reminders due today, escalates the rest, and a same-day rerun sends nothing twice', async () => {
		const first = await n8n.executeAsync('e2eDailyTemplate');
		expect(first.status).toBe('success');
		const emails = fakes
			.sent('gmail')
			.map((request) =>
				Buffer.from((request.body as { raw: string }).raw, 'base64url').toString('utf8'),
			);
		const recipients = emails.map((mime) => /^To: (.*)$/m.exec(mime)?.[1]).sort();
		expect(recipients).toEqual(['ap@acme.example', 'ap@globex.example', 'ap@wayne.example']);
		// Never the disputed, opted-out, paid, not-due or escalated invoices.
		for (const mime of emails) expect(mime).not.toMatch(/stark|soylent|hooli|initech|umbrella/);
		// The reminder for the invoice that carries its original Message-ID lands in that thread.
		const threaded = emails.find((mime) => mime.includes('ap@globex.example'))!;
		expect(threaded).toMatch(/^In-Reply-To: <invoice-duetoday@billing\.example>$/m);
		expect(threaded).toMatch(/^References: <invoice-duetoday@billing\.example>$/m);
		expect(threaded).toMatch(/INV-DUETODAY/);
		// The 45-days-past-due, high-value balance goes to a person, once.
		expect(
			fakes.sent('slack').map((request) => (request.body as { invoice: string }).invoice),
		).toEqual(['INV-BIGOLD']);
		expect(
			fakes.sent('sheets').map((request) => (request.body as { status: string }).status),
		).toEqual(['sent', 'sent', 'sent']);

		const before = fakes.requests.length;
		const second = await n8n.executeAsync('e2eDailyTemplate');
		expect(second.status).toBe('success');
		const after = fakes.requests.slice(before);
		expect(after.filter((request) => request.service === 'gmail')).toEqual([]);
		expect(after.filter((request) => request.service === 'slack')).toEqual([]);
		expect(after.filter((request) => request.service === 'sheets')).toEqual([]);
		expect(second.counts('Cadence Step: plan')[0]).toBe(0);
	}, 300_000);
});
