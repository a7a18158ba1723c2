import { replyFromTriage } from '../../src/cadence/batch';
import { sampleInvoice } from '../helpers/invoices';

describe("Cadence Step reads $json.triage with the producer's schema", () => {
	const invoice = sampleInvoice();
	const at = '2026-11-20T10:00:00Z';

	it('a triage as Reply Triage writes it (or a lenient hand-made one) becomes a reply event', () => {
		expect(
			replyFromTriage(
				{
					intent: 'promise_to_pay',
					route: 'update',
					receivedAt: '2026-11-19T08:00:00Z',
					extracted: { promisedDate: '2026-11-30', newContactEmail: null },
				},
				invoice,
				at,
			),
		).toEqual({
			kind: 'reply',
			invoiceId: invoice.id,
			at: '2026-11-19T08:00:00Z',
			intent: 'promise_to_pay',
			route: 'update',
			promisedDate: '2026-11-30',
		});
	});

	it('a triage that breaks the contract gives no event', () => {
		expect(replyFromTriage({ intent: 'maybe_later' }, invoice, at)).toBeUndefined();
		expect(replyFromTriage({ intent: 'dispute', confidence: 'high' }, invoice, at)).toBeUndefined();
		expect(replyFromTriage(undefined, invoice, at)).toBeUndefined();
	});
});
