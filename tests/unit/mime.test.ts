import { buildMimeMessage, mimeForMessage } from '../../src/messages/mime';

const base = {
	to: 'ap@acme.test',
	subject: 'Invoice INV-1 – reminder',
	text: 'Hello,\nplease pay.',
	html: '<p>Hello, please pay.</p>',
	date: new Date('2026-12-02T09:00:00Z'),
};

describe('MIME message', () => {
	it('has text and HTML parts and joins the thread of the original invoice e-mail', async () => {
		const { raw, base64Url } = await buildMimeMessage({
			...base,
			cc: ['boss@acme.test'],
			inReplyTo: '<orig-1@mail.test>',
		});
		expect(raw).toMatch(/^To: ap@acme\.test\r$/m);
		expect(raw).toMatch(/^Cc: boss@acme\.test\r$/m);
		expect(raw).toMatch(/^In-Reply-To: <orig-1@mail\.test>\r$/m);
		expect(raw).toMatch(/^References: <orig-1@mail\.test>\r$/m);
		expect(raw).toMatch(/multipart\/alternative/);
		expect(raw).toMatch(/text\/plain; charset=utf-8/);
		expect(raw).toMatch(/text\/html; charset=utf-8/);
		expect(raw).toMatch(/^Subject: =\?UTF-8\?/m);
		expect(Buffer.from(base64Url, 'base64url').toString('utf8')).toBe(raw);
	});

	it('carries a PDF attachment from bytes', async () => {
		const { raw } = await buildMimeMessage({
			...base,
			attachments: [
				{ filename: 'INV-1.pdf', content: Buffer.from('%PDF-1.4'), contentType: 'application/pdf' },
			],
		});
		expect(raw).toMatch(/multipart\/mixed/);
		expect(raw).toMatch(/application\/pdf; name=INV-1\.pdf/);
		expect(raw).toContain(Buffer.from('%PDF-1.4').toString('base64'));
	});

	it('a CR/LF in an address or message id is refused, never turned into a Bcc header', async () => {
		await expect(
			buildMimeMessage({ ...base, to: 'ap@acme.test\r\nBcc: victim@evil.test' }),
		).rejects.toThrow(/to .* is not one e-mail address/);
		await expect(
			buildMimeMessage({ ...base, inReplyTo: '<a@b.test>\r\nBcc: victim@evil.test' }),
		).rejects.toThrow(/inReplyTo .* is not a message id/);
		const { raw } = await buildMimeMessage({ ...base, subject: 'Hi\r\nBcc: victim@evil.test' });
		expect(raw).not.toMatch(/^Bcc:/m);
	});

	it('never reads local files or URLs as attachments', async () => {
		await expect(
			buildMimeMessage({
				...base,
				attachments: [
					{ filename: 'x', content: undefined as unknown as Buffer, contentType: 'text/plain' },
				],
			}).then(({ raw }) => raw.includes('root:')),
		).resolves.toBe(false);
	});

	it('a planned e-mail gets its base64url MIME; other channels none', async () => {
		const message = {
			channel: 'email',
			to: 'ap@acme.test',
			cc: [],
			subject: 'S',
			text: 'T',
			threadHeaders: { 'In-Reply-To': '<o@m.test>', References: '<o@m.test>' },
		};
		const mime = await mimeForMessage(message);
		expect(Buffer.from(mime!, 'base64url').toString()).toMatch(/^In-Reply-To: <o@m\.test>\r$/m);
		expect(await mimeForMessage({ ...message, channel: 'sms' })).toBeUndefined();
	});
});
