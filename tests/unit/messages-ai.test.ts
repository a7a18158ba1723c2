import {
	checkRequiredContent,
	personaliseMessage,
	planCadenceStep,
	type AiConfig,
} from '../../src';
import { sampleInvoice } from '../helpers/invoices';
import { FakeOpenAiCadence } from '../helpers/fakeOpenAiCadence';

const inv = sampleInvoice();

describe('AI personalisation with the real openai client against a fake server on 127.0.0.1', () => {
	const server = new FakeOpenAiCadence();
	let config: AiConfig;
	const approved = planCadenceStep(inv, 'standard-5', { asOf: '2026-03-10T10:00:00Z' }).message!;
	const required = (text: string) =>
		checkRequiredContent(text, inv, { amountDue: '$1,200.00', dueDate: 'March 2, 2026' });

	beforeAll(async () => {
		await server.start();
		config = {
			apiKey: 'test-key',
			baseUrl: server.baseUrl,
			model: 'fake-model',
			timeoutMs: 300,
			maxRetries: 0,
		};
	});
	afterAll(() => server.stop());

	it('a good draft comes back linted, in HTML too, and always requires approval', async () => {
		const text =
			'Hi Jane, hope the quarter is going well! A quick note that invoice INV-001 ($1,200.00, due March 2, 2026) is still open. Pay here: https://pay.test/in_1. Thanks!';
		server.reply = { content: JSON.stringify({ subject: 'Invoice INV-001', text }) };
		const result = await personaliseMessage(config, approved, inv, { tone: 'neutral', required });
		expect(result).toMatchObject({
			ok: true,
			requiresApproval: true,
			message: { subject: 'Invoice INV-001', text },
		});
		expect(result.message.html).toContain('<p>Hi Jane');
		const sent = server.requests.at(-1)!;
		expect(sent.path).toBe('/v1/chat/completions');
		expect(sent.body.model).toBe('fake-model');
		expect(sent.body.messages![1].content).toContain('INV-001');
	});

	it('a draft with forbidden wording falls back to the approved template, with the findings', async () => {
		server.reply = {
			content: JSON.stringify({
				subject: 'INV-001',
				text: 'Invoice INV-001 $1,200.00 March 2, 2026 https://pay.test/in_1 - otherwise we will involve our attorneys.',
			}),
		};
		const result = await personaliseMessage(config, approved, inv, { required });
		expect(result.ok).toBe(false);
		expect(result.message).toBe(approved);
		if (!result.ok)
			expect(result.findings!.map((finding) => finding.rule)).toEqual(['legal_action']);
	});

	it('a draft that drops the amount falls back too', async () => {
		server.reply = {
			content: JSON.stringify({
				text: 'Hi Jane, invoice INV-001 is open, due March 2, 2026: https://pay.test/in_1',
			}),
		};
		const result = await personaliseMessage(config, approved, inv, { required });
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.findings).toEqual([
				expect.objectContaining({ rule: 'missing_required', phrase: '$1,200.00' }),
			]);
	});

	it('a timeout falls back to the approved template', async () => {
		server.reply = { content: '{}', delayMs: 2000 };
		const started = Date.now();
		const result = await personaliseMessage(config, approved, inv, { required });
		expect(Date.now() - started).toBeLessThan(1500);
		expect(result).toMatchObject({ ok: false, message: approved });
		// openai reports the abort as a timeout in plain Node and as a connection error under jest's realm.
		if (!result.ok)
			expect(result.error).toMatch(/did not answer in time|timed out|connection error/i);
	});

	it('an answer that is not the JSON shape falls back', async () => {
		server.reply = { content: 'Sure! Here is your email.' };
		const result = await personaliseMessage(config, approved, inv, { required });
		expect(result).toMatchObject({ ok: false, message: approved });
	});
});
