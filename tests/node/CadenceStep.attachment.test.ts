import type { IDataObject } from 'n8n-workflow';

import { runNode, NODE_UNDER_TEST } from '../helpers/engine';
import { sampleInvoice } from '../helpers/invoices';

const invoice = () =>
	sampleInvoice({ customer: { id: 'c', name: 'Acme GmbH', timezone: 'Europe/Berlin' } });

describe('the invoice PDF attached to the reminder', () => {
	it('an attachment from a binary property survives into the MIME message', async () => {
		const pdf = Buffer.from('%PDF-1.4\n% invoice INV-001\n%%EOF\n');
		const result = await runNode({
			type: 'cadenceStep',
			parameters: {
				policy: 'standard-5',
				options: { asOf: '2026-03-02T09:30:00Z', attachBinary: 'invoicePdf' },
			},
			input: [
				{
					json: { invoice: invoice() as unknown as IDataObject },
					binary: {
						invoicePdf: {
							data: pdf.toString('base64'),
							mimeType: 'application/pdf',
							fileName: 'INV-001.pdf',
						},
					},
				},
			],
		});
		expect(result.counts(NODE_UNDER_TEST)).toEqual([1, 0, 0, 0]);
		const message = (result.json(NODE_UNDER_TEST, 0)[0].cadence as { message: IDataObject })
			.message;
		const raw = Buffer.from(String(message.mimeBase64Url), 'base64url').toString('utf8');
		expect(raw).toMatch(/Content-Type: application\/pdf; name=INV-001\.pdf/);
		expect(raw).toMatch(/Content-Disposition: attachment; filename=INV-001\.pdf/);
		expect(raw.replace(/\r\n/g, '')).toContain(pdf.toString('base64'));
		// The text part still links the invoice and the payment page.
		expect(raw).toContain('https://pay.test/in_1');
	});

	it('an item without the file still gets its reminder, without an attachment', async () => {
		const result = await runNode({
			type: 'cadenceStep',
			parameters: {
				policy: 'standard-5',
				options: { asOf: '2026-03-02T09:30:00Z', attachBinary: 'invoicePdf' },
			},
			input: [{ invoice: invoice() as unknown as IDataObject }],
		});
		const message = (result.json(NODE_UNDER_TEST, 0)[0].cadence as { message: IDataObject })
			.message;
		const raw = Buffer.from(String(message.mimeBase64Url), 'base64url').toString('utf8');
		expect(raw).not.toContain('Content-Disposition: attachment');
	});
});
