import {
	DEFAULT_LIBRARY,
	MessageError,
	checkRequiredContent,
	consolidateSends,
	lintMessage,
	lintRendered,
	mergeLibrary,
	parseLibrary,
	planCadenceStep,
	renderMessage,
	templateFor,
	type Channel,
} from '../../src';
import { sampleInvoice } from '../helpers/invoices';

const invoice = sampleInvoice;

describe('lintMessage', () => {
	it.each([
		['We may have to take legal action.', 'legal_action'],
		['Our lawyer will be in touch.', 'legal_action'],
		['We will pass this to our attorneys.', 'legal_action'],
		['The debt will go to a collection agency.', 'collection_agency'],
		['This may be reported to the credit bureau.', 'credit_report'],
		['It could affect your credit report.', 'credit_report'],
		['We will suspend your service tomorrow.', 'service_suspension'],
		['Your account will be terminated.', 'service_suspension'],
		['Failure to pay will have results.', 'failure_to_pay'],
		['Internal note: slow payer, push hard.', 'internal_notes'],
		['Hello {{contact.name}}', 'internal_notes'],
	])('%s → %s', (text, rule) => {
		const findings = lintMessage(text, { stage: 'reminder' });
		expect(findings.map((finding) => finding.rule)).toContain(rule);
		for (const finding of findings) {
			expect(text.toLowerCase()).toContain(finding.phrase.toLowerCase());
			expect(finding.message).not.toBe('');
		}
	});

	it('is empty for courteous wording and accepts the stage as a string', () => {
		expect(
			lintMessage('Could you let us know when to expect payment? Thank you.', 'reminder'),
		).toEqual([]);
		expect(lintMessage('Could you let us know when to expect payment?')).toEqual([]);
	});

	it('at the handoff stage only the internal-data rules apply', () => {
		expect(
			lintMessage('Customer mentioned their lawyer on the call.', { stage: 'handoff' }),
		).toEqual([]);
		expect(
			lintMessage('Internal note: do not share', 'handoff').map((finding) => finding.rule),
		).toEqual(['internal_notes']);
	});

	it("flags other clients' data", () => {
		expect(
			lintMessage('Copying bob@othercorp.test', { allowedEmails: ['ap@acme.test'] })[0],
		).toMatchObject({ rule: 'other_client_data', phrase: 'bob@othercorp.test' });
		expect(
			lintMessage('Unlike Globex Corp, you pay late.', { otherCustomers: ['Globex Corp'] })[0],
		).toMatchObject({ rule: 'other_client_data' });
		expect(lintMessage('Write to ap@acme.test', { allowedEmails: ['AP@acme.test'] })).toEqual([]);
	});

	it('lints the HTML as the reader sees it', () => {
		expect(
			lintRendered({ text: 'fine', html: '<p>credit&nbsp;<b>report</b></p>' }).map(
				(finding) => finding.rule,
			),
		).toEqual(['credit_report']);
	});

	it('no shipped template carries forbidden wording, at any channel (the approved late-fee sentence only under a late-fee policy)', () => {
		for (const [key, entry] of Object.entries(DEFAULT_LIBRARY)) {
			for (const [channel, template] of Object.entries(entry)) {
				if (!template) continue;
				const stage = channel === 'human_handoff' ? 'handoff' : 'reminder';
				for (const part of [template.subject, template.text, template.html]) {
					if (!part) continue;
					// The late-fee sentence renders only when a policy enables fees: it is linted as approved wording.
					const lateFee = /\{\{#if lateFee\.total\}\}(.*?)\{\{\/if\}\}/gs;
					for (const [, sentence] of part.matchAll(lateFee))
						expect(
							lintMessage(sentence.replace(/\{\{[^}]*\}\}/g, 'X'), { allowLateFees: true }),
						).toEqual([]);
					// Lint the wording with the template variables blanked out.
					const findings = lintMessage(
						part.replace(lateFee, '').replace(/\{\{[^}]*\}\}/g, 'X'),
						stage,
					);
					expect({ key, channel, findings }).toEqual({ key, channel, findings: [] });
				}
			}
		}
	});

	it('every shipped customer reminder renders, passes the lint and states the required content (the thank-you and the statement state no single amount due)', () => {
		const inv = invoice();
		for (const [key, entry] of Object.entries(DEFAULT_LIBRARY)) {
			if (key === 'thank-you' || key === 'statement') continue;
			for (const channel of ['email', 'sms'] as Channel[]) {
				const template = entry[channel];
				if (!template) continue;
				const rendered = renderMessage(template, inv, {
					asOfDate: '2026-03-10',
					templateName: key,
				});
				expect({ key, channel, findings: lintRendered(rendered) }).toEqual({
					key,
					channel,
					findings: [],
				});
				expect({
					key,
					channel,
					findings: checkRequiredContent(rendered.text, inv, {
						amountDue: '$1,200.00',
						dueDate: 'March 2, 2026',
					}),
				}).toEqual({ key, channel, findings: [] });
			}
		}
	});
});

describe('renderMessage', () => {
	it('formats money and dates for the locale, and escapes HTML only in the HTML part', () => {
		const inv = invoice({
			currency: 'EUR',
			totalMinor: 123456,
			amountDueMinor: 123456,
			customer: { name: 'Müller & Söhne', locale: 'de-DE' },
		});
		const out = renderMessage(
			{
				subject: 'Rechnung {{invoice.number}} – {{customer.name}}',
				text: '{{customer.name}}: {{invoice.amountDue}} bis {{invoice.dueDate}}',
				html: '<p>{{customer.name}}</p>',
			},
			inv,
		);
		expect(out.text).toBe('Müller & Söhne: 1.234,56\u00a0€ bis 2. März 2026');
		expect(out.subject).toBe('Rechnung INV-001 – Müller & Söhne');
		expect(out.html).toBe('<p>Müller &amp; Söhne</p>');
	});

	it('money helper takes minor units with the currency (JPY has no decimals)', () => {
		const inv = invoice({ currency: 'JPY', amountDueMinor: 150000 });
		expect(renderMessage('{{money invoice.amountDueMinor invoice.currency}}', inv).text).toBe(
			'¥150,000',
		);
	});

	it('the message view names money the package way: *Formatted text beside *Minor integers', () => {
		const inv = invoice({ totalMinor: 150000, amountPaidMinor: 30000, amountDueMinor: 120000 });
		expect(
			renderMessage(
				'{{invoice.amountDueFormatted}} of {{invoice.totalFormatted}} ({{invoice.amountPaidFormatted}} paid, {{invoice.amountDueMinor}})',
				inv,
			).text,
		).toBe('$1,200.00 of $1,500.00 ($300.00 paid, 120000)');
		// The old names still give the same text, so a custom template never sends a bare number.
		expect(renderMessage('{{invoice.amountDue}}', inv).text).toBe('$1,200.00');
	});

	it('a missing variable is an error, never a blank', () => {
		expect(() =>
			renderMessage('Dear {{contact.title}}', invoice(), { templateName: 'custom-1' }),
		).toThrow(MessageError);
		expect(() =>
			renderMessage('Dear {{contact.title}}', invoice(), { templateName: 'custom-1' }),
		).toThrow(/custom-1.*contact\.title.*never sent with blanks/);
		// An empty string counts as missing.
		expect(() => renderMessage('{{invoice.poNumber}}', invoice({ poNumber: undefined }))).toThrow(
			/poNumber/,
		);
		expect(() => renderMessage('{{date invoice.poNumber}}', invoice())).toThrow(/date/);
	});

	it('no prototype access, no unknown helpers, no unescaped HTML; lookup is now refused, not rendered blank', () => {
		expect(() => renderMessage('{{constructor.name}}', invoice())).toThrow(MessageError);
		expect(renderMessage('{{#with invoice}}{{number}}{{/with}}', invoice()).text).toBe('INV-001');
		expect(() => renderMessage('{{lookup invoice "constructor"}}', invoice())).not.toThrow(
			/Function/,
		);
		expect(() => renderMessage('{{lookup invoice "constructor"}}x', invoice())).toThrow(/lookup/);
		expect(() => renderMessage('{{exec "rm -rf"}}', invoice())).toThrow(
			/not valid handlebars|exec/,
		);
		expect(() => renderMessage({ text: 'x', html: '{{{invoice.number}}}' }, invoice())).toThrow(
			/unescaped HTML/,
		);
	});

	it('a subject cannot carry line breaks (header injection)', () => {
		const inv = invoice({ number: 'INV-1\r\nBcc: victim@x.test' });
		expect(renderMessage({ subject: 'Invoice {{invoice.number}}', text: 'x' }, inv).subject).toBe(
			'Invoice INV-1 Bcc: victim@x.test',
		);
	});
});

describe('library overrides', () => {
	it('merges per key and channel, validates JSON libraries, and names missing keys', () => {
		const overrides = parseLibrary(
			'{"overdue-polite": {"sms": {"text": "Hi {{invoice.number}}"}}}',
		);
		const merged = mergeLibrary(overrides);
		expect(templateFor(merged, 'overdue-polite', 'sms').text).toBe('Hi {{invoice.number}}');
		expect(templateFor(merged, 'overdue-polite', 'email')).toBe(
			DEFAULT_LIBRARY['overdue-polite'].email,
		);
		expect(() => parseLibrary('{not json')).toThrow(/not valid JSON/);
		expect(() => parseLibrary({ x: { email: { subject: 'no text' } } })).toThrow(/x\.email\.text/);
		expect(() => templateFor(merged, 'nope', 'email')).toThrow(/no template "nope"/);
		expect(() => templateFor(merged, 'handoff', 'sms')).toThrow(/no sms version/);
	});
});

describe('consolidation', () => {
	it('one message per customer listing all due invoices, in the most severe tone', () => {
		const a = invoice();
		const b = invoice({
			id: 'in_2',
			number: 'INV-002',
			dueOn: '2026-02-20',
			paymentUrl: 'https://pay.test/in_2',
			amountDueMinor: 50000,
			totalMinor: 50000,
		});
		const c = invoice({
			id: 'in_3',
			number: 'INV-003',
			customer: { id: 'cus_2', name: 'Globex' },
			contact: { email: 'ap@globex.test' },
		});
		const asOf = '2026-03-10T10:00:00Z';
		const entries = [a, b, c].map((inv, index) => ({
			invoice: inv,
			plan: planCadenceStep(inv, 'standard-5', { asOf }),
			index,
		}));
		expect(entries.map((entry) => entry.plan.step?.id)).toEqual([
			'overdue-7',
			'overdue-14',
			'overdue-7',
		]);
		const groups = consolidateSends(entries, { asOfDate: '2026-03-10' });
		expect(groups).toHaveLength(2);
		const acme = groups[0];
		expect(acme.tone).toBe('firm');
		expect(acme.findings).toEqual([]);
		expect(acme.message!.subject).toBe('2 open invoices for Acme GmbH');
		expect(acme.message!.text).toContain('INV-001');
		expect(acme.message!.text).toContain('INV-002');
		expect(acme.message!.text).toContain('Total due: $1,700.00');
		expect(acme.message!.idempotencyKey).toBe('in_1:overdue-7+in_2:overdue-14');
		expect(groups[1].message).toBe(entries[2].plan.message);
	});
});

describe('invoices without a due date', () => {
	it('are due on receipt: the issue date stands in, so the approved templates still render', () => {
		const plan = planCadenceStep(invoice({ dueOn: null, issuedOn: '2026-03-02' }), 'standard-5', {
			asOf: '2026-03-10T10:00:00Z',
		});
		expect(plan).toMatchObject({ action: 'send', step: { id: 'overdue-7' } });
		expect(plan.message!.text).toContain('Due date: March 2, 2026');
	});
});
