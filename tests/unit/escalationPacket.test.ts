import {
	ESCALATION_SLACK_LIMITS,
	escapeEscalationHtml,
	escapeEscalationMrkdwn,
	evaluateEscalation,
	maskEscalationEmail,
	maskEscalationPhone,
	type EscalationInput,
	type EscalationPacket,
	type EscalationRulesInput,
	type Invoice,
} from '../../src';

const AS_OF = '2026-11-20T10:00:00Z';

const HOSTILE = `<script>alert(1)</script> & <!channel> <@U123> <https://evil.test|click> "quoted" 'single'`;

function invoice(overrides: Partial<Invoice> = {}): Invoice {
	return {
		id: 'in_42',
		number: 'INV-2042',
		source: 'stripe',
		status: 'open',
		lifecycle: 'open',
		currency: 'EUR',
		total: 24800,
		amountPaid: 0,
		amountDue: 24800,
		totalMinor: 2480000,
		amountPaidMinor: 0,
		amountDueMinor: 2480000,
		amountDueFormatted: '€24,800.00',
		issuedOn: '2026-09-01',
		dueOn: '2026-10-01',
		customer: { id: 'cus_9', name: 'Globex & Sons <Holdings>', tier: 'strategic', region: 'EMEA' },
		contact: {
			email: 'jane.doe@globex.test',
			name: 'Jane Doe',
			title: 'Accounts Payable',
			phone: '+1 415 555 0134',
			isBillingContact: true,
		},
		paymentUrl: 'https://pay.example.test/i/abc?x=1&y=2',
		flags: {},
		...overrides,
	};
}

function richInput(
	text = 'We will see you in court if this is not fixed. Call me at +1 415 555 0134 or jane.doe@globex.test.',
): EscalationInput {
	return {
		invoice: invoice(),
		paymentState: {
			state: 'overdue',
			route: 'follow_up',
			signals: ['high_value'],
			daysPastDue: 50,
			agingBucket: '31-60',
			reasons: ['50 day(s) past due (due 2026-10-01)'],
		},
		triage: {
			intent: 'legal_threat',
			intents: ['legal_threat', 'dispute'],
			confidence: 0.97,
			escalate: true,
			stopCadence: true,
			extracted: { invoiceNumbers: ['INV-2042'] },
			evidence: [
				{ rule: 'legal.court', phrase: 'see you in court', intent: 'legal_threat' },
				{ rule: 'dispute.not_fixed', phrase: 'not fixed', intent: 'dispute' },
			],
			summary: 'Threatens court action over an unfixed issue.',
		},
		cadence: {
			action: 'wait',
			reason: 'next step in 3 business days',
			skippedSteps: [],
			history: [
				{
					stepId: 'friendly-reminder',
					sentAt: '2026-10-02T09:00:00Z',
					channel: 'email',
					status: 'sent',
				},
				{
					stepId: 'second-reminder',
					sentAt: '2026-10-09T09:00:00Z',
					channel: 'email',
					status: 'sent',
				},
			],
		},
		reply: {
			from: 'Jane Doe <jane.doe@globex.test>',
			subject: 'RE: Invoice INV-2042',
			receivedAt: '2026-11-19T16:12:00Z',
			text,
		},
	};
}

const KNOWN_BLOCKS = new Set([
	'header',
	'section',
	'context',
	'divider',
	'actions',
	'image',
	'rich_text',
	'input',
	'file',
	'video',
]);

/** Validates what the Slack API checks for the block types the packet can contain. Returns the problems found. */
function validateBlockKit(payload: { text: string; blocks: unknown[] }): string[] {
	const problems: string[] = [];
	const textObject = (value: unknown, where: string, max: number, plainOnly = false): void => {
		const object = value as { type?: string; text?: unknown };
		if (!object || typeof object !== 'object') {
			problems.push(`${where}: not a text object`);
			return;
		}
		if (object.type !== 'plain_text' && (plainOnly || object.type !== 'mrkdwn'))
			problems.push(`${where}: bad text type ${object.type}`);
		if (typeof object.text !== 'string' || object.text.length === 0)
			problems.push(`${where}: empty text`);
		else if (object.text.length > max)
			problems.push(`${where}: ${object.text.length} > ${max} characters`);
		const extra = Object.keys(object).filter(
			(key) => !['type', 'text', 'emoji', 'verbatim'].includes(key),
		);
		if (extra.length > 0) problems.push(`${where}: unknown keys ${extra.join(',')}`);
	};
	if (typeof payload.text !== 'string' || payload.text.length === 0)
		problems.push('top-level text (notification fallback) missing');
	if (!Array.isArray(payload.blocks) || payload.blocks.length === 0)
		return [...problems, 'no blocks'];
	if (payload.blocks.length > 50) problems.push(`${payload.blocks.length} blocks > 50`);
	payload.blocks.forEach((raw, index) => {
		const block = raw as Record<string, unknown>;
		const where = `blocks[${index}] (${String(block.type)})`;
		if (!KNOWN_BLOCKS.has(block.type as string)) problems.push(`${where}: unknown block type`);
		switch (block.type) {
			case 'header':
				textObject(block.text, where, 150, true);
				break;
			case 'section': {
				if (!block.text && !block.fields) problems.push(`${where}: needs text or fields`);
				if (block.text) textObject(block.text, where, 3000);
				const fields = (block.fields as unknown[]) ?? [];
				if (fields.length > 10) problems.push(`${where}: ${fields.length} fields > 10`);
				fields.forEach((field, fieldIndex) =>
					textObject(field, `${where}.fields[${fieldIndex}]`, 2000),
				);
				break;
			}
			case 'context': {
				const elements = (block.elements as unknown[]) ?? [];
				if (elements.length === 0 || elements.length > 10)
					problems.push(`${where}: ${elements.length} elements`);
				elements.forEach((element, elementIndex) =>
					textObject(element, `${where}.elements[${elementIndex}]`, 3000),
				);
				break;
			}
			case 'divider':
				if (Object.keys(block).some((key) => key !== 'type' && key !== 'block_id'))
					problems.push(`${where}: extra keys`);
				break;
		}
	});
	return problems;
}

function packetOf(input: EscalationInput, rules?: EscalationRulesInput) {
	const result = evaluateEscalation(input, rules, { asOf: AS_OF });
	expect(result.escalate).toBe(true);
	return { result, packet: result.packet as Required<EscalationPacket> };
}

describe('Slack Block Kit packet', () => {
	it('is valid Block Kit that the Slack node can send as-is', () => {
		const { packet } = packetOf(richInput(), {
			routing: [{ tier: 'strategic', owner: { name: 'Key Accounts', slackId: 'U0KEY' } }],
		});
		expect(validateBlockKit(packet.slack)).toEqual([]);
		expect(packet.slack.blocks[0]).toEqual({
			type: 'header',
			text: { type: 'plain_text', text: 'P1 · Collections escalation · INV-2042', emoji: true },
		});
		expect(JSON.parse(JSON.stringify(packet.slack))).toEqual(packet.slack);
		const all = JSON.stringify(packet.slack);
		expect(all).toContain('<@U0KEY>');
		expect(all).toContain('friendly-reminder');
		expect(all).toContain('see you in court');
	});

	it('stays within the limits with huge inputs (long reply, many findings, long history)', () => {
		const input = richInput('x'.repeat(20_000));
		input.cadence = {
			action: 'escalate',
			reason: 'r'.repeat(5000),
			skippedSteps: [],
			findings: Array.from({ length: 60 }, (_, index) => ({
				rule: `rule_${index}`,
				phrase: 'p'.repeat(300),
				message: 'm'.repeat(300),
			})),
			history: Array.from({ length: 500 }, (_, index) => ({
				stepId: `step-${index}-${'s'.repeat(200)}`,
				sentAt: '2026-10-02T09:00:00Z',
				status: 'sent',
			})),
		};
		input.invoice = invoice({
			number: 'N'.repeat(400),
			customer: { name: 'C'.repeat(3000), tier: 'strategic' },
		});
		const { packet } = packetOf(input, { packet: { maxEvidence: 20, maxHistory: 30 } });
		expect(validateBlockKit(packet.slack)).toEqual([]);
		expect(packet.slack.blocks.length).toBeLessThanOrEqual(ESCALATION_SLACK_LIMITS.blocks - 1);
		expect(packet.slackApprovalMessage.length).toBeLessThanOrEqual(3000);
	});

	it('escapes &, < and > in every piece of user text (no mentions, links or broadcasts smuggled in)', () => {
		const input = richInput(HOSTILE);
		input.invoice = invoice({ number: 'INV-<1>', customer: { name: HOSTILE, tier: 'standard' } });
		input.triage!.summary = HOSTILE;
		input.reply!.subject = HOSTILE;
		const { packet } = packetOf(input);
		const mrkdwnTexts = packet.slack.blocks.flatMap((block) => {
			const b = block as {
				text?: { type: string; text: string };
				fields?: Array<{ text: string }>;
				elements?: Array<{ text: string }>;
			};
			return [
				b.text?.type === 'mrkdwn' ? b.text.text : '',
				...(b.fields ?? []).map((field) => field.text),
				...(b.elements ?? []).map((element) => element.text),
			];
		});
		for (const text of [...mrkdwnTexts, packet.slackApprovalMessage]) {
			expect(text).not.toContain('<!channel>');
			expect(text).not.toContain('<script>');
			expect(text).not.toContain('<@U123>');
			expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
		}
		expect(mrkdwnTexts.join('\n')).toContain('&lt;!channel&gt;');
		expect(escapeEscalationMrkdwn('a & <b>')).toBe('a &amp; &lt;b&gt;');
	});

	it('offers a mrkdwn message for "Send and Wait for Approval"', () => {
		const { packet } = packetOf(richInput());
		expect(packet.slackApprovalMessage).toMatch(
			/^\*P1 · Globex &amp;amp; Sons &amp;lt;Holdings&amp;gt; · invoice INV-2042/,
		);
		expect(packet.slackApprovalMessage).toContain('*Suggested next action*');
	});

	it('redaction masks the contact email and phone everywhere in the Slack packet, not in the email packet', () => {
		const { packet } = packetOf(richInput(), { packet: { redactContact: true } });
		const slack = JSON.stringify(packet.slack) + packet.slackApprovalMessage;
		expect(slack).not.toContain('jane.doe@globex.test');
		expect(slack).not.toContain('415 555 0134');
		expect(slack).toContain('j•••@g•••.test');
		expect(slack).toContain('+• ••• ••• ••34');
		expect(slack).not.toContain('pay.example.test');
		expect(packet.html).toContain('jane.doe@globex.test');
		const plain = packetOf(richInput()).packet;
		expect(JSON.stringify(plain.slack)).toContain('jane.doe@globex.test');
	});

	it('masks', () => {
		expect(maskEscalationEmail('a@b.co')).toBe('a•••@b•••.co');
		expect(maskEscalationPhone('(030) 1234-5678')).toBe('(•••) ••••-••78');
	});
});

describe('email packet', () => {
	it('is email-safe HTML: inline styles, tables, no scripts, no external images, no style blocks', () => {
		const { packet } = packetOf(richInput(HOSTILE));
		expect(packet.html).toMatch(/^<!DOCTYPE html>/);
		expect(packet.html).toContain('<table role="presentation"');
		expect(packet.html).not.toMatch(/<script/i);
		expect(packet.html).not.toMatch(/<img|<link|<style|url\(/i);
		expect(packet.html).not.toMatch(/ on[a-z]+=/i);
		expect(packet.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;!channel&gt;');
		expect(packet.html).toContain('&quot;quoted&quot; &#39;single&#39;');
		expect(packet.html).toContain('href="https://pay.example.test/i/abc?x=1&amp;y=2"');
		expect(escapeEscalationHtml(`<a href="x">'</a>`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;&#39;&lt;/a&gt;',
		);
	});

	it('carries every part of the packet in HTML and plain text', () => {
		// This operator hands strategic accounts off at 30 days too (their default is day 60), so all four reasons show.
		const { packet, result } = packetOf(richInput(), { daysPastDue: { strategicDays: 30 } });
		for (const body of [packet.html, packet.text]) {
			expect(body).toContain('INV-2042');
			expect(body).toContain('€24,800.00');
			expect(body).toContain('50 (due 2026-10-01)');
			expect(body).toContain('strategic');
			expect(body).toContain('overdue');
			expect(body).toContain('legal_threat, dispute');
			expect(body).toContain('see you in court');
			expect(body).toContain('second-reminder');
			expect(body).toContain('Suggested next action');
		}
		expect(packet.text).not.toMatch(/<(table|td|tr|div|span|b|br|a)[ >]/i);
		expect(packet.summary).toBe(
			'P1 · Globex & Sons <Holdings> · invoice INV-2042 · €24,800.00 due, 50 days past due · legal threat, high value, dispute, days past due',
		);
		expect(packet.subject).toBe(
			'[P1] Collections escalation: Globex & Sons <Holdings> INV-2042 (legal threat)',
		);
		expect(result.details.map((detail) => detail.code)).toEqual([
			'legal_threat',
			'high_value',
			'dispute',
			'days_past_due',
		]);
		expect(packet.nextAction).toMatch(/legal/);
		expect(packet.facts).toMatchObject({
			invoiceNumber: 'INV-2042',
			daysPastDue: 50,
			tier: 'strategic',
			agingBucket: '31-60',
		});
		expect(packet.lastReply).toMatchObject({
			intent: 'legal_threat',
			confidence: 0.97,
			evidence: ['"see you in court" (legal.court)', '"not fixed" (dispute.not_fixed)'],
		});
		expect(packet.cadence!.history).toEqual([
			'2026-10-02 09:00 friendly-reminder (email) sent',
			'2026-10-09 09:00 second-reminder (email) sent',
		]);
	});

	it('links the invoice through a template and ignores non-http links', () => {
		const input = richInput();
		input.invoice = invoice({ paymentUrl: 'javascript:alert(1)' });
		const { packet } = packetOf(input, {
			packet: { invoiceUrlTemplate: 'https://books.example.test/invoices/{id}?n={number}' },
		});
		expect(packet.facts.invoiceUrl).toBe('https://books.example.test/invoices/in_42?n=INV-2042');
		expect(packet.facts.paymentUrl).toBeNull();
		expect(packet.html).not.toContain('javascript:');
	});
});

describe('packet formats', () => {
	it('carries only the renders asked for (the model always)', () => {
		const result = evaluateEscalation(
			richInput(),
			{ packet: { formats: ['slack'] } },
			{ asOf: AS_OF },
		);
		expect(Object.keys(result.packet!)).toEqual([
			'summary',
			'subject',
			'facts',
			'state',
			'lastReply',
			'cadence',
			'nextAction',
			'slack',
		]);
		const none = evaluateEscalation(richInput(), { packet: { formats: [] } }, { asOf: AS_OF });
		expect(none.packet!.html).toBeUndefined();
		expect(none.packet!.summary).toContain('INV-2042');
	});
});
