/** Raw MIME replies (Email Trigger (IMAP) "Raw", Gmail raw): base64 bodies are read, via mailparser (issue 13). */
import { readReply } from '../../src/replyPresets';
import { triageReply } from '../../src/triage';
import { expandRawMessage, mimeSource, parseRawMime } from '../../src/triage/mime';

const body = Buffer.from(
	'Hi,\r\n\r\nWe will pay invoice INV-1042 next Friday.\r\n\r\nPat\r\n',
	'utf8',
).toString('base64');

const message = [
	'From: =?UTF-8?Q?Pat_R=C3=ADvera?= <pat.rivera@customer.com>',
	'To: billing@northwind.io',
	'Subject: Re: Invoice INV-1042 is past due',
	'Date: Mon, 23 Nov 2026 10:10:00 -0500',
	'Auto-Submitted: no',
	'MIME-Version: 1.0',
	'Content-Type: multipart/alternative; boundary="b1"',
	'',
	'--b1',
	'Content-Type: text/plain; charset=utf-8',
	'Content-Transfer-Encoding: base64',
	'',
	body,
	'--b1',
	'Content-Type: text/html; charset=utf-8',
	'Content-Transfer-Encoding: quoted-printable',
	'',
	'<p>We will pay invoice INV-1042 next Friday.</p>',
	'--b1--',
	'',
].join('\r\n');

describe('raw MIME replies', () => {
	it('decodes a base64 message source and its base64 body part', async () => {
		const raw = Buffer.from(message, 'utf8').toString('base64');
		expect(mimeSource(raw).toString('utf8')).toBe(message);
		const parsed = await parseRawMime(raw);
		expect(parsed).toMatchObject({
			subject: 'Re: Invoice INV-1042 is past due',
			from: { value: [{ address: 'pat.rivera@customer.com', name: 'Pat Rívera' }] },
			date: '2026-11-23T15:10:00.000Z',
		});
		expect(parsed.text).toContain('We will pay invoice INV-1042 next Friday.');
		expect(parsed.headers['auto-submitted']).toBe('Auto-Submitted: no');
	});

	it('reads a plain (not base64) source too, and the IMAP preset triages it', async () => {
		const expanded = await expandRawMessage({ raw: message }, 'imap');
		expect(expanded.note).toMatch(/raw message source/);
		const read = readReply(expanded.json, 'imap');
		if (!read.ok) throw new Error(read.reason);
		const result = triageReply(read.reply, { timezone: 'America/New_York' });
		expect(result).toMatchObject({ intent: 'promise_to_pay', route: 'update' });
		expect(result.extracted.promisedDate).toBe('2026-12-04');
	});

	it('leaves items that already carry a body alone', async () => {
		const json = { raw: message, text: 'already parsed' };
		expect((await expandRawMessage(json, 'imap')).json).toBe(json);
		expect((await expandRawMessage({ raw: message }, 'outlook')).json).toEqual({ raw: message });
	});
});
