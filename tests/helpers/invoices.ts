import type { Invoice } from '../../src';

/** A normalised open invoice for tests: INV-001, $1,200.00, due Monday 2026-03-02. Override any field. */
export function sampleInvoice(overrides: Partial<Invoice> = {}): Invoice {
	return {
		id: 'in_1',
		number: 'INV-001',
		source: 'generic',
		status: 'open',
		lifecycle: 'open',
		currency: 'USD',
		total: 1200,
		amountPaid: 0,
		amountDue: 1200,
		totalMinor: 120000,
		amountPaidMinor: 0,
		amountDueMinor: 120000,
		amountDueFormatted: '$1,200.00',
		issuedOn: '2026-02-01',
		dueOn: '2026-03-02',
		customer: { id: 'cus_1', name: 'Acme GmbH' },
		contact: { email: 'ap@acme.test', name: 'Jane Doe' },
		flags: {},
		paymentUrl: 'https://pay.test/in_1',
		...overrides,
	};
}
