/** What the loop tests count in the collections ledger, and the replies they put in the fake inbox. */
import type { LedgerEvent } from '../../src';

export function summarise(events: readonly LedgerEvent[]) {
	const count = (predicate: (event: LedgerEvent) => boolean) => events.filter(predicate).length;
	return {
		reserved: count((e) => e.kind === 'touch' && e.status === 'reserved'),
		sent: count((e) => e.kind === 'touch' && e.status === 'sent'),
		failed: count((e) => e.kind === 'touch' && e.status === 'failed'),
		replies: count((e) => e.kind === 'reply'),
		escalations: count((e) => e.kind === 'escalation'),
		approvals: count((e) => e.kind === 'approval'),
	};
}

/** A reply as n8n's Gmail node hands it over with Simplify off (mailparser: header values are whole header lines). */
export function gmailReply(
	from: string,
	subject: string,
	text: string,
	date: string,
	headers: Record<string, string> = {},
) {
	return {
		id: `msg-${from}`,
		threadId: `thread-${from}`,
		subject,
		from: { value: [{ address: from, name: '' }], text: from },
		to: {
			value: [{ address: 'ar@yourcompany.example', name: '' }],
			text: 'ar@yourcompany.example',
		},
		headers: { subject: `Subject: ${subject}`, from: `From: ${from}`, ...headers },
		text,
		date,
		messageId: `<reply-${from}@mail.example>`,
	};
}

/** The dispute and the promise both loop tests send after day 1. */
export function disputeAndPromise(date: string) {
	return [
		gmailReply(
			'ap@acme.example',
			'Re: Invoice INV-OVERDUE7',
			'We dispute this invoice: the goods never arrived.',
			date,
		),
		gmailReply(
			'ap@globex.example',
			'Re: your invoice',
			'Thanks for the reminder, we will pay on November 27.',
			date,
			{ 'in-reply-to': 'In-Reply-To: <invoice-duetoday@billing.example>' },
		),
	];
}
