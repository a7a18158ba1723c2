import type { IDataObject } from 'n8n-workflow';

import { runNode, NODE_UNDER_TEST } from '../helpers/engine';
import type { Invoice } from '../../src';
import { sampleInvoice } from '../helpers/invoices';

const SEND = 0;
const WAIT = 1;

const item = (invoice: Invoice) => ({ invoice: invoice as unknown as IDataObject });

let invoices = 0;
function customer(overrides: Partial<Invoice['customer']>): Invoice {
	invoices++;
	return sampleInvoice({
		id: `in_${invoices}`,
		currency: 'EUR',
		// One customer each: two invoices of one customer would go out as one consolidated message.
		customer: {
			id: `cus_${invoices}`,
			name: `Kunde ${invoices}`,
			timezone: 'Europe/Berlin',
			...overrides,
		},
		contact: { email: `ap${invoices}@kunde.test`, name: 'Jana Schmidt' },
	});
}

describe('Cadence Step in the customer language, in the n8n engine', () => {
	it('a German customer gets the German reminder, signed in German when no sender name is set', async () => {
		const result = await runNode({
			type: 'cadenceStep',
			parameters: { policy: 'standard-5', options: { asOf: '2026-03-02T09:30:00Z' } },
			input: [item(customer({ locale: 'de-DE' })), item(customer({ locale: 'es-ES' }))],
		});
		const [german, spanish] = result
			.json(NODE_UNDER_TEST, SEND)
			.map((json) => (json.cadence as { message: IDataObject }).message);
		expect(german.subject).toBe('Rechnung INV-001 ist heute fällig');
		expect(german.text).toContain('Mit freundlichen Grüßen\nIhre Buchhaltung');
		expect(german.locale).toBe('de-DE');
		expect(spanish.subject).toBe('La factura INV-001 vence hoy');
	});

	it('custom libraries add a language; the fallback language answers for others', async () => {
		const libraries = JSON.stringify({
			it: {
				'due-today': {
					email: {
						subject: 'La fattura {{invoice.number}} scade oggi',
						text: 'Buongiorno, la fattura {{invoice.number}} di {{invoice.amountDue}} scade oggi ({{invoice.dueDate}}). Pagamento online: {{invoice.paymentUrl}}',
					},
				},
			},
		});
		const result = await runNode({
			type: 'cadenceStep',
			parameters: {
				policy: 'standard-5',
				options: { asOf: '2026-03-02T09:30:00Z', libraries, fallbackLocale: 'fr-FR' },
			},
			input: [item(customer({ locale: 'it-IT' })), item(customer({ locale: 'pl-PL' }))],
		});
		const [italian, polish] = result
			.json(NODE_UNDER_TEST, SEND)
			.map((json) => (json.cadence as { message: IDataObject }).message);
		expect(italian.subject).toBe('La fattura INV-001 scade oggi');
		expect(polish.subject).toBe('La facture INV-001 arrive à échéance aujourd’hui');
	});

	it('Holiday Country holds a reminder due on a public holiday there', async () => {
		// 2026-05-01 (Friday) is Labour Day in Germany.
		const due = sampleInvoice({
			dueOn: '2026-05-01',
			customer: { id: 'c', name: 'Kunde AG', timezone: 'Europe/Berlin' },
		});
		const result = await runNode({
			type: 'cadenceStep',
			parameters: {
				policy: 'standard-5',
				options: { asOf: '2026-05-01T09:30:00Z', holidayCountry: 'DE' },
			},
			input: [item(due)],
		});
		expect(result.counts(NODE_UNDER_TEST)).toEqual([0, 1, 0, 0]);
		expect(result.json(NODE_UNDER_TEST, WAIT)[0].cadence).toMatchObject({
			nextEligibleAt: '2026-05-04T09:00:00.000+02:00',
		});
	});
});
