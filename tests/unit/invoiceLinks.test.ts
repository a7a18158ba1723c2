import {
	builtInLibraries,
	normalizeInvoice,
	renderMessage,
	type Invoice,
	type NormalizeResult,
} from '../../src';
import { vendorFixture } from '../helpers/fixtures';

function ok(result: NormalizeResult): Invoice {
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.invoice;
}

/** The overdue reminder in English, as the customer reads it. */
function reminder(invoice: Invoice) {
	return renderMessage(builtInLibraries().en['overdue-polite'].email!, invoice, {
		asOfDate: '2026-12-02',
	});
}

describe('the invoice document on every reminder, from each source', () => {
	it('Stripe: hosted_invoice_url is the page (and the payment link), invoice_pdf the PDF', () => {
		const raw = vendorFixture('stripe-invoice-paid.json');
		const invoice = ok(normalizeInvoice(raw, { source: 'stripe' }));
		expect(invoice.documentUrl).toBe(raw.hosted_invoice_url);
		expect(invoice.paymentUrl).toBe(raw.hosted_invoice_url);
		expect(invoice.pdfUrl).toBe(raw.invoice_pdf);
		const open = { ...invoice, lifecycle: 'open' as const, amountDueMinor: 1000 };
		const out = reminder(open);
		expect(out.text).toContain(`Invoice PDF: ${String(raw.invoice_pdf)}`);
		// The hosted page is the payment page: it is linked once, not twice.
		expect(out.text.split(String(raw.hosted_invoice_url)).length - 1).toBe(1);
		expect(out.html).toContain(
			`<a href="${String(raw.invoice_pdf).replace(/=/g, '&#x3D;')}">Invoice PDF</a>`,
		);
	});

	it('Stripe: a draft without links (null) has none, and the message says nothing about them', () => {
		const invoice = ok(
			normalizeInvoice(vendorFixture('stripe-invoice.json'), { source: 'stripe' }),
		);
		expect(invoice.documentUrl).toBeUndefined();
		expect(invoice.pdfUrl).toBeUndefined();
		expect(reminder(invoice).text).not.toMatch(/View the invoice|Invoice PDF/);
	});

	it('QuickBooks: InvoiceLink (read with ?include=invoiceLink) opens the invoice', () => {
		const link = 'https://app.qbo.intuit.com/app/customer/pay/v1/scs-v1-0000';
		const envelope = vendorFixture<{ Invoice: Record<string, unknown> }>('qbo-invoice.json');
		const raw = { ...envelope, Invoice: { ...envelope.Invoice, InvoiceLink: link } };
		const invoice = ok(
			normalizeInvoice(raw, { source: 'quickbooks', defaults: { currency: 'USD' } }),
		);
		expect(invoice).toMatchObject({ documentUrl: link, paymentUrl: link });
		expect(reminder(invoice).text).toContain(`Pay online: ${link}`);
		// Without the include, the record has no link and the invoice is still valid.
		expect(
			ok(
				normalizeInvoice(vendorFixture('qbo-invoice.json'), {
					source: 'quickbooks',
					defaults: { currency: 'USD' },
				}),
			).documentUrl,
		).toBeUndefined();
	});

	it('Xero: the online invoice URL, on the record or merged from GET /Invoices/{id}/OnlineInvoice', () => {
		const record = vendorFixture<{ Invoices: Array<Record<string, unknown>> }>(
			'xero-invoice-by-id.json',
		).Invoices[0];
		const url = 'https://in.xero.com/iztKMjyAEJT7MVnmruxgCdIJUDStfRgmtdQSIW13';
		const merged = ok(
			normalizeInvoice(
				{ ...record, OnlineInvoices: [{ OnlineInvoiceUrl: url }] },
				{ source: 'xero' },
			),
		);
		expect(merged.documentUrl).toBe(url);
		expect(
			ok(normalizeInvoice({ ...record, OnlineInvoiceUrl: url }, { source: 'xero' })).documentUrl,
		).toBe(url);
		expect(ok(normalizeInvoice(record, { source: 'xero' })).documentUrl).toBeUndefined();
		// The contact's postal address gives the country for holidays.
		expect(merged.customer).toMatchObject({ country: 'USA', region: 'NY' });
	});

	it('FreshBooks: the share link (…/share_link?share_method=share_link) merged into the record', () => {
		const envelope = vendorFixture<{
			response: { result: { invoice: Record<string, unknown> } };
		}>('freshbooks-invoice.json');
		const record = envelope.response.result.invoice;
		const link = 'https://my.freshbooks.com/#/link/0000aaaa';
		const fromObject = ok(
			normalizeInvoice(
				{ ...record, share_link: { share_link: link, invoiceid: record.invoiceid } },
				{ source: 'freshbooks' },
			),
		);
		expect(fromObject.documentUrl).toBe(link);
		expect(fromObject.customer).toMatchObject({ country: 'Canada', region: 'Ontario' });
		const out = reminder({ ...fromObject, lifecycle: 'open' });
		expect(out.text).toContain(`View the invoice: ${link}`);
		expect(
			ok(normalizeInvoice({ ...record, share_link: link }, { source: 'freshbooks' })).documentUrl,
		).toBe(link);
	});

	it('generic sheets: documentUrl / invoice_url and pdfUrl / invoice_pdf columns', () => {
		const invoice = ok(
			normalizeInvoice(
				{
					id: '7',
					number: 'S-7',
					currency: 'EUR',
					total: 100,
					amountDue: 100,
					dueDate: '2026-11-01',
					customer: 'Beta BV',
					invoice_url: 'https://files.test/S-7',
					invoice_pdf: 'https://files.test/S-7.pdf',
					country: 'NL',
				},
				{ source: 'generic' },
			),
		);
		expect(invoice).toMatchObject({
			documentUrl: 'https://files.test/S-7',
			pdfUrl: 'https://files.test/S-7.pdf',
			customer: { country: 'NL' },
		});
	});
});
