/**
 * Renders the HTML escalation packet in headless Chromium (Debian's `chromium`) to a PNG, for a person to look at
 * once. Not part of CI: runs only with ESCALATION_SCREENSHOT=1.
 *   ESCALATION_SCREENSHOT=1 bash scripts/with-node24.sh node node_modules/jest/bin/jest.js --selectProjects e2e --testPathPatterns escalationPacket
 * Output: ESCALATION_SCREENSHOT_OUT (default /tmp/readme-parts/escalation-packet.png) and the HTML beside it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { checkPaymentState, evaluateEscalation, type Invoice } from '../../src';

const enabled = process.env.ESCALATION_SCREENSHOT === '1';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const OUT = process.env.ESCALATION_SCREENSHOT_OUT ?? '/tmp/readme-parts/escalation-packet.png';

const invoice: Invoice = {
	id: 'in_1QK7Hq2eZvKYlo2C',
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
	customer: { id: 'cus_9', name: 'Globex & Sons GmbH', tier: 'strategic', region: 'EMEA' },
	contact: {
		email: 'jane.doe@globex.test',
		name: 'Jane Doe',
		title: 'Accounts Payable',
		phone: '+49 30 5550 1234',
		isBillingContact: true,
	},
	paymentUrl: 'https://pay.example.test/i/abc',
	flags: {},
};

(enabled ? describe : describe.skip)('HTML escalation packet screenshot (look-once check)', () => {
	it('renders to a PNG in headless Chromium', () => {
		expect(existsSync(CHROMIUM)).toBe(true);
		const asOf = '2026-11-20T10:00:00Z';
		const result = evaluateEscalation(
			{
				invoice,
				paymentState: checkPaymentState(invoice, { asOf }),
				triage: {
					intent: 'legal_threat',
					intents: ['legal_threat', 'dispute'],
					confidence: 0.97,
					escalate: true,
					stopCadence: true,
					extracted: { invoiceNumbers: ['INV-2042'] },
					evidence: [
						{ rule: 'legal.court', phrase: 'see you in court', intent: 'legal_threat' },
						{ rule: 'dispute.not_delivered', phrase: 'never delivered', intent: 'dispute' },
					],
					summary: 'Disputes the second shipment and threatens court action.',
				},
				cadence: {
					action: 'wait',
					reason: 'held: a person owns the case',
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
						{
							stepId: 'firm-reminder',
							sentAt: '2026-10-23T09:00:00Z',
							channel: 'email',
							status: 'sent',
						},
					],
				},
				reply: {
					from: 'Jane Doe <jane.doe@globex.test>',
					subject: 'RE: Invoice INV-2042 <overdue>',
					receivedAt: '2026-11-19T16:12:00Z',
					text: 'Hello,\n\nthe second shipment was never delivered, so we will not pay this invoice in full.\nIf this keeps coming we will see you in court.\n\nJane',
				},
			},
			{
				// As the README's example: this operator hands strategic accounts off at 30 days too (default 60).
				daysPastDue: { strategicDays: 30 },
				routing: [
					{
						tier: 'strategic',
						owner: {
							name: 'Maria Key (Key Accounts)',
							email: 'maria.key@vendor.test',
							slackId: 'U0KEY',
						},
					},
				],
			},
			{ asOf },
		);
		const dir = mkdtempSync(join(tmpdir(), 'escalation-packet-'));
		const html = join(dir, 'packet.html');
		writeFileSync(html, result.packet!.html!);
		mkdirSync(dirname(OUT), { recursive: true });
		writeFileSync(OUT.replace(/\.png$/, '.html'), result.packet!.html!);
		execFileSync(
			CHROMIUM,
			[
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				`--user-data-dir=${mkdtempSync(join(tmpdir(), 'chromium-'))}`,
				'--hide-scrollbars',
				`--screenshot=${OUT}`,
				'--window-size=700,1250',
				`file://${html}`,
			],
			{ stdio: 'pipe', timeout: 60_000 },
		);
		expect(statSync(OUT).size).toBeGreaterThan(5_000);
	});
});
