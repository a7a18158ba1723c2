/**
 * Issue 17 failures, each named after what went wrong: header injection, script links, misread dates.
 */
import { isEmailAddress, isHttpUrl, isMessageId } from '../../src/address';
import { normalizeInvoice } from '../../src/invoice';
import { InvoiceSchema } from '../../src/invoice/schema';
import { renderMessage } from '../../src/messages/render';
import { sampleInvoice } from '../helpers/invoices';

const base = {
	id: 'inv_1',
	number: 'INV-1',
	currency: 'USD',
	total: 100,
	amountDue: 100,
	customer: { name: 'Acme' },
	issuedOn: '2026-11-01',
};
const normalize = (fields: Record<string, unknown>) =>
	normalizeInvoice({ ...base, ...fields }, { source: 'generic' });
const errorsOf = (fields: Record<string, unknown>) => {
	const result = normalize(fields);
	return result.ok ? [] : result.errors;
};

describe('e-mail addresses, message ids and links', () => {
	it('a contact e-mail with CR/LF goes to Invalid with a field-level reason, never into a header', () => {
		const errors = errorsOf({ email: 'ap@acme.test\r\nBcc: victim@evil.test' });
		expect(errors).toEqual([
			expect.objectContaining({
				path: 'email',
				message: expect.stringMatching(/not one e-mail address/),
			}),
		]);
	});

	it('a message id with CR/LF goes to Invalid', () => {
		const errors = errorsOf({ messageId: '<a@b.test>\r\nBcc: victim@evil.test' });
		expect(errors[0]).toMatchObject({ path: 'messageId' });
		expect(errors[0].message).toMatch(/not a message id/);
	});

	it('a javascript: payment URL goes to Invalid, and never renders as an href', () => {
		expect(errorsOf({ paymentUrl: 'javascript:alert(1)' })[0]).toMatchObject({
			path: 'paymentUrl',
		});
		const hostile = { ...sampleInvoice(), paymentUrl: 'javascript:alert(1)' };
		expect(() =>
			renderMessage({ text: 'x', html: '<a href="{{invoice.paymentUrl}}">pay</a>' }, hostile),
		).toThrow(/http\(s\) link/);
		expect(InvoiceSchema.safeParse(hostile).success).toBe(false);
	});

	it.each([
		['ap@acme.test', true],
		['first.last+tag@sub.example.co.uk', true],
		['jürgen@müller.de', true],
		['Jane <jane@acme.test>', false],
		['a@b.test, c@d.test', false],
		['a@b.test\nBcc: c@d.test', false],
		['no-at-sign', false],
		['a@localhost', false],
	])('isEmailAddress(%j) is %s', (value, ok) => expect(isEmailAddress(value)).toBe(ok));

	it.each([
		['<CAF=abc+def@mail.gmail.com>', true],
		['abc.123@mail.test', true],
		['<abc@[127.0.0.1]>', true],
		['<abc@mail.test', false],
		['<a@b.test>\r\nBcc: x@y.test', false],
		['a b@c.test', false],
	])('isMessageId(%j) is %s', (value, ok) => expect(isMessageId(value)).toBe(ok));

	it.each([
		['https://pay.example.test/i/1?x=1', true],
		['http://pay.example.test', true],
		['javascript:alert(1)', false],
		['JaVaScRiPt:alert(1)', false],
		['data:text/html,<script>', false],
		['vbscript:x', false],
		['//pay.example.test', false],
		['https://pay.example.test/\r\nx', false],
	])('isHttpUrl(%j) is %s', (value, ok) => expect(isHttpUrl(value)).toBe(ok));
});

describe('dates held as objects or numbers', () => {
	const dueOf = (dueOn: unknown) => {
		const result = normalize({ dueOn });
		return result.ok
			? result.invoice.dueOn
			: result.errors.map((error) => error.message).join('; ');
	};

	it('{ start: "2026-12-31" } is read, not ignored (the invoice is not due on receipt)', () => {
		// As the node's mapping expressions hand it over (a Notion or Airtable date property).
		const mapped = (dueOn: unknown) => {
			const result = normalizeInvoice(base, { source: 'generic', values: { dueOn } });
			return result.ok ? result.invoice.dueOn : result.errors;
		};
		expect(mapped({ start: '2026-12-31' })).toBe('2026-12-31');
		expect(mapped({ start: '2026-12-31', end: null, time_zone: null })).toBe('2026-12-31');
		expect(mapped({ dateTime: '2026-12-31T10:00:00Z' })).toBe('2026-12-31');
	});

	it('a sheet serial (46357) and 20261231 are read as their days, never 1970', () => {
		expect(dueOf(46357)).toBe('2026-12-01');
		expect(dueOf('46387')).toBe('2026-12-31');
		expect(dueOf(20261231)).toBe('2026-12-31');
		expect(dueOf('20261231')).toBe('2026-12-31');
	});

	it('seconds, milliseconds and microsecond epochs all land in their year, never 57968', () => {
		const at = Date.UTC(2026, 11, 31, 12);
		expect(dueOf(at / 1000)).toBe('2026-12-31');
		expect(dueOf(at)).toBe('2026-12-31');
		expect(dueOf(at * 1000)).toBe('2026-12-31');
	});

	it('an out-of-range number is a field error that names the date forms, not a time-zone error', () => {
		for (const value of [1e300, -5, 12, 9e15 * 1000, Number.MAX_SAFE_INTEGER]) {
			const result = normalize({ dueOn: value, timezone: 'Europe/Berlin' });
			expect(result.ok).toBe(false);
			if (!result.ok) {
				expect(result.errors[0].path).toBe('dueOn');
				expect(result.errors[0].message).toMatch(/sheet serial/);
				expect(result.errors[0].message).not.toMatch(/time zone/);
			}
		}
	});

	it('an out-of-range instant is a field error, not a RangeError', () => {
		const result = normalize({ lastReplyAt: 1e300 });
		expect(result.ok).toBe(false);
	});
});
