/**
 * The seeds' courtesy e-mails that sit outside a policy's reminder sequence: the receipt check a few days after the
 * invoice is sent (seed 004) and the thank-you once a chased invoice is paid (Chaser). Each is a fixed step id in
 * the ledger, so a rerun never sends it twice, and it never moves the reminder sequence (its id is not a policy
 * step). Also the recipient: with several contacts, the designated billing contact (seed 001).
 */
import { dayNumber } from '../dates';
import type { Contact, Invoice } from '../invoice/schema';
import type { LedgerView } from './history';
import type { CadencePolicy, CadenceStepDef } from './policy';

export const RECEIPT_CHECK_STEP: CadenceStepDef = Object.freeze({
	id: 'receipt-check',
	offsetDays: 0,
	dayCount: 'calendar',
	channel: 'email',
	tone: 'friendly',
	template: 'receipt-check',
	requiresApproval: false,
});

export const THANK_YOU_STEP: CadenceStepDef = Object.freeze({
	id: 'thank-you',
	offsetDays: 0,
	dayCount: 'calendar',
	channel: 'email',
	tone: 'friendly',
	template: 'thank-you',
	requiresApproval: false,
});

/** Step ids the ledger may hold that are not reminders (they never make an invoice "chased"). */
export const COURTESY_STEP_IDS: ReadonlySet<string> = new Set([
	RECEIPT_CHECK_STEP.id,
	THANK_YOU_STEP.id,
]);

/**
 * The day (day number) the receipt check is due, or null when it does not apply: off, already sent or reserved,
 * a reminder already went out, no issue or due date, or the check would not fall before the due date.
 */
export function receiptCheckDay(
	invoice: Pick<Invoice, 'issuedOn' | 'dueOn'>,
	policy: CadencePolicy,
	view: Pick<LedgerView, 'sent' | 'lastIndex' | 'unconfirmed'>,
): number | null {
	const option = policy.messages.receiptCheck;
	if (!option.enabled || !invoice.issuedOn || !invoice.dueOn) return null;
	if (view.lastIndex >= 0 || view.sent.has(RECEIPT_CHECK_STEP.id)) return null;
	if (view.unconfirmed.some((touch) => touch.stepId === RECEIPT_CHECK_STEP.id)) return null;
	const day = dayNumber(invoice.issuedOn)! + option.afterDays;
	return day < dayNumber(invoice.dueOn)! ? day : null;
}

/** Why a paid invoice gets no thank-you, or null when it gets one now. */
export function noThankYouReason(
	invoice: Invoice,
	policy: CadencePolicy,
	view: Pick<LedgerView, 'sent' | 'unconfirmed' | 'failures'>,
	asOfDate: string,
): string | null {
	const option = policy.messages.thankYou;
	if (!option.enabled) return 'the policy sends no thank-you';
	const id = THANK_YOU_STEP.id;
	// A reservation counts: a thank-you is never worth the risk of a second one.
	if (view.sent.has(id) || view.unconfirmed.some((touch) => touch.stepId === id))
		return 'the thank-you was already sent';
	if ((view.failures.get(id) ?? 0) >= policy.maxFailedSends)
		return `the thank-you failed to send ${view.failures.get(id)} time(s)`;
	if (invoice.flags.optedOut || invoice.flags.paused || invoice.flags.disputed)
		return 'the customer is opted out, paused or in dispute: no automated thank-you';
	const chased = [...view.sent].some((stepId) => !COURTESY_STEP_IDS.has(stepId));
	if (!chased && !option.evenIfNotChased)
		return 'the invoice was never chased, so no thank-you is due';
	if (invoice.paidOn) {
		const paidDay = dayNumber(invoice.paidOn);
		const today = dayNumber(asOfDate);
		if (paidDay !== null && today !== null && today - paidDay > option.withinDays)
			return `the payment on ${invoice.paidOn} is more than ${option.withinDays} day(s) old`;
	}
	return null;
}

const BILLING_ROLE = /\b(billing|accounts?[ _-]?payable|ap|invoic\w*|finance|accounting)\b/i;

/** Whether a contact is the designated billing contact (flag, or a billing role). */
export function isBillingContact(contact: Contact & { roles?: readonly string[] }): boolean {
	return (
		contact.isBillingContact === true ||
		(contact.roles ?? []).some((role) => BILLING_ROLE.test(role))
	);
}

/**
 * The invoice as the message sees it: with `preferBillingContact`, the designated billing contact among its
 * contacts becomes `contact` (so the address, the greeting and the executive check all concern that person).
 * The same object when nothing changes.
 */
export function addressedInvoice(invoice: Invoice, policy: CadencePolicy): Invoice {
	const others = invoice.contacts;
	if (!policy.messages.preferBillingContact || !others || others.length === 0) return invoice;
	if (isBillingContact(invoice.contact) && invoice.contact.email) return invoice;
	const billing = others.find((contact) => contact.email && isBillingContact(contact));
	return billing ? { ...invoice, contact: billing } : invoice;
}
