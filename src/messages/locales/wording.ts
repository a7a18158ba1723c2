/**
 * One shape for the approved library in every language: a language gives its wording, `buildLibrary` lays it out
 * (greeting, facts, links, sign-off; text and HTML), so every language has the same steps, channels and tone
 * progression, and a fix to the layout reaches all of them at once.
 */
import type { MessageLibrary, TemplateEntry } from '../library';
import type { MessageTemplate } from '../render';

/** The reminders of the cadence presets, softest first. */
export const REMINDER_KEYS = [
	'reminder-before-due',
	'due-today',
	'overdue-reminder',
	'overdue-polite',
	'overdue-follow-up',
	'overdue-firm',
	'final-notice',
] as const;
export type ReminderKey = (typeof REMINDER_KEYS)[number];

export interface ReminderWording {
	subject: string;
	/** First paragraph (after the greeting). */
	opening: string;
	/** Last paragraph before the sign-off. */
	closing: string;
	/** SMS opening; the facts and the sender follow it. */
	sms: string;
	/** Adds "this follows our reminder of <date>" when the planner knows the previous reminder. */
	refersToPrevious?: boolean;
}

export interface TaskWording {
	subject: string;
	text: string;
}

export interface Wording {
	/** BCP 47 tag whose conventions the wording follows ("en-US", "de-DE"): money and dates use it by default. */
	locale: string;
	/** What stands between a label and its value: ": ", or French "\u00a0: ". */
	colon?: string;
	/** Greeting line without the trailing punctuation the language puts after it. */
	greeting: string;
	/** "Kind regards," */
	regards: string;
	/** Sender name when the workflow sets none ("Accounts Receivable"). */
	senderFallback: string;
	labels: {
		invoice: string;
		amountDue: string;
		dueDate: string;
		payOnline: string;
		/** Link text of the HTML payment link (may use {{invoice.number}}). */
		payInvoiceOnline: string;
		viewInvoice: string;
		invoicePdf: string;
		amountPaid: string;
	};
	sms: {
		/** "Invoice {{invoice.number}}, {{invoice.amountDue}}, due {{invoice.dueDate}}." */
		facts: string;
		pay: string;
	};
	/** One sentence naming the previous reminder's date ({{previous.date}}). */
	previousReminder: string;
	/** Approved late-fee sentence ({{lateFee.total}}, {{lateFee.date}}); rendered only when a policy enables fees. */
	lateFee: string;
	reminders: Record<ReminderKey, ReminderWording>;
	receiptCheck: { subject: string; opening: string; closing: string };
	thankYou: { subject: string; body: string; closing: string };
	callTask: TaskWording;
	manualTask: TaskWording;
	handoff: TaskWording;
	consolidated: {
		subject: string;
		intro: string;
		/** One list line in the text part; `{{number}}`, `{{amountDue}}`, `{{dueDate}}`, `{{paymentUrl}}` of each invoice. */
		line: string;
		headers: { invoice: string; amountDue: string; dueDate: string };
		payOnline: string;
		total: string;
		closing: string;
	};
	statement: {
		subject: string;
		intro: string;
		headers: {
			invoice: string;
			issued: string;
			due: string;
			daysPastDue: string;
			amountDue: string;
		};
		total: string;
		/** Line under the table naming the CSV attachment. */
		attachment: string;
		closing: string;
		/** Aging bucket names, in the order of the statement's buckets. */
		buckets: {
			current: string;
			'1-30': string;
			'31-60': string;
			'61-90': string;
			'90+': string;
		};
		aging: string;
	};
}

/** Sender lines shared by every language: the name (or the language's fallback) and the company. */
function signOff(w: Wording, html: boolean): string {
	const name = `{{fallback sender.name "${w.senderFallback}"}}`;
	return html
		? `<p>${w.regards}<br>${name}{{#if sender.company}}<br>{{sender.company}}{{/if}}</p>`
		: `${w.regards}\n${name}{{#if sender.company}}\n{{sender.company}}{{/if}}`;
}

/** The invoice document: its page when that is not the payment page already, and its PDF. */
function documentLines(w: Wording, html: boolean): string {
	return html
		? `{{#if invoice.documentUrl}}{{#unless invoice.documentIsPaymentPage}}<p><a href="{{invoice.documentUrl}}">${w.labels.viewInvoice}</a></p>{{/unless}}{{/if}}{{#if invoice.pdfUrl}}<p><a href="{{invoice.pdfUrl}}">${w.labels.invoicePdf}</a></p>{{/if}}`
		: `{{#if invoice.documentUrl}}{{#unless invoice.documentIsPaymentPage}}${w.labels.viewInvoice}${colon(w)}{{invoice.documentUrl}}\n{{/unless}}{{/if}}{{#if invoice.pdfUrl}}${w.labels.invoicePdf}${colon(w)}{{invoice.pdfUrl}}\n{{/if}}`;
}

const colon = (w: Wording) => w.colon ?? ': ';

function facts(w: Wording, html: boolean): string {
	const { invoice, amountDue, dueDate } = w.labels;
	const c = colon(w);
	const lateFee = `{{#if lateFee.total}}${html ? '<p>' : ''}${w.lateFee}${html ? '</p>' : '\n'}{{/if}}`;
	return html
		? `<p>${invoice}${c}<strong>{{invoice.number}}</strong><br>${amountDue}${c}<strong>{{invoice.amountDue}}</strong><br>${dueDate}${c}{{invoice.dueDate}}</p>\n${lateFee}`
		: `${invoice}${c}{{invoice.number}}\n${amountDue}${c}{{invoice.amountDue}}\n${dueDate}${c}{{invoice.dueDate}}\n${lateFee}`;
}

function payLine(w: Wording, html: boolean): string {
	return html
		? `{{#if invoice.paymentUrl}}<p><a href="{{invoice.paymentUrl}}">${w.labels.payInvoiceOnline}</a></p>{{/if}}`
		: `{{#if invoice.paymentUrl}}${w.labels.payOnline}${colon(w)}{{invoice.paymentUrl}}\n{{/if}}`;
}

function email(
	w: Wording,
	subject: string,
	opening: string,
	closing: string,
	refersToPrevious = false,
): MessageTemplate {
	const previous = refersToPrevious ? `{{#if previous.date}} ${w.previousReminder}{{/if}}` : '';
	return {
		subject,
		text: `${w.greeting},\n\n${opening}${previous}\n\n${facts(w, false)}${payLine(w, false)}${documentLines(w, false)}\n${closing}\n\n${signOff(w, false)}`,
		html: `<p>${w.greeting},</p>\n<p>${opening}${previous}</p>\n${facts(w, true)}${payLine(w, true)}${documentLines(w, true)}\n<p>${closing}</p>\n${signOff(w, true)}`,
	};
}

function sms(w: Wording, text: string): MessageTemplate {
	return {
		text: `${text} ${w.sms.facts}{{#if invoice.paymentUrl}} ${w.sms.pay}${colon(w)}{{invoice.paymentUrl}}{{/if}} - {{fallback sender.company (fallback sender.name "${w.senderFallback}")}}`,
	};
}

function consolidated(w: Wording): TemplateEntry {
	const c = w.consolidated;
	return {
		email: {
			subject: c.subject,
			text: `${w.greeting},\n\n${c.intro}\n\n{{#each invoices}}- ${c.line}\n{{/each}}{{#if totals.amountDue}}\n${c.total}${colon(w)}{{totals.amountDue}}\n{{/if}}\n${c.closing}\n\n${signOff(w, false)}`,
			html: `<p>${w.greeting},</p>\n<p>${c.intro}</p>\n<table>\n<tr><th align="left">${c.headers.invoice}</th><th align="right">${c.headers.amountDue}</th><th align="left">${c.headers.dueDate}</th><th></th></tr>\n{{#each invoices}}<tr><td>{{number}}</td><td align="right">{{amountDue}}</td><td>{{dueDate}}</td><td>{{#if paymentUrl}}<a href="{{paymentUrl}}">${c.payOnline}</a>{{/if}}</td></tr>\n{{/each}}</table>\n{{#if totals.amountDue}}<p>${c.total}${colon(w)}<strong>{{totals.amountDue}}</strong></p>{{/if}}\n<p>${c.closing}</p>\n${signOff(w, true)}`,
		},
	};
}

/** Statement of account: every open invoice of the customer with its age, the aging summary and the total. */
function statement(w: Wording): TemplateEntry {
	const s = w.statement;
	const h = s.headers;
	return {
		email: {
			subject: s.subject,
			text: `${w.greeting},\n\n${s.intro}\n\n${h.invoice} | ${h.issued} | ${h.due} | ${h.daysPastDue} | ${h.amountDue}\n{{#each statement.rows}}{{number}} | {{issuedDate}} | {{dueDate}} | {{daysPastDue}} | {{amountDue}}\n{{#if paymentUrl}}  ${w.labels.payOnline}${colon(w)}{{paymentUrl}}\n{{/if}}{{/each}}\n{{#each statement.totals}}${s.total} ({{currency}})${colon(w)}{{amountDue}}\n{{/each}}\n${s.aging}${colon(w).trimEnd()}\n{{#each statement.buckets}}- {{label}}${colon(w)}{{amountDue}}\n{{/each}}\n${s.attachment}\n\n${s.closing}\n\n${signOff(w, false)}`,
			html: `<p>${w.greeting},</p>\n<p>${s.intro}</p>\n<table cellpadding="4" style="border-collapse:collapse">\n<tr><th align="left">${h.invoice}</th><th align="left">${h.issued}</th><th align="left">${h.due}</th><th align="right">${h.daysPastDue}</th><th align="right">${h.amountDue}</th></tr>\n{{#each statement.rows}}<tr><td>{{#if paymentUrl}}<a href="{{paymentUrl}}">{{number}}</a>{{else}}{{number}}{{/if}}</td><td>{{issuedDate}}</td><td>{{dueDate}}</td><td align="right">{{daysPastDue}}</td><td align="right">{{amountDue}}</td></tr>\n{{/each}}{{#each statement.totals}}<tr><td colspan="4"><strong>${s.total} ({{currency}})</strong></td><td align="right"><strong>{{amountDue}}</strong></td></tr>\n{{/each}}</table>\n<p>${s.aging}${colon(w).trimEnd()}</p>\n<table cellpadding="4">\n{{#each statement.buckets}}<tr><td>{{label}}</td><td align="right">{{amountDue}}</td></tr>\n{{/each}}</table>\n<p>${s.attachment}</p>\n<p>${s.closing}</p>\n${signOff(w, true)}`,
		},
	};
}

/** The full approved library of one language. */
export function buildLibrary(w: Wording): MessageLibrary {
	const library: MessageLibrary = {};
	for (const key of REMINDER_KEYS) {
		const r = w.reminders[key];
		library[key] = {
			email: email(w, r.subject, r.opening, r.closing, r.refersToPrevious),
			sms: sms(w, r.sms),
		};
	}
	library['receipt-check'] = {
		email: email(w, w.receiptCheck.subject, w.receiptCheck.opening, w.receiptCheck.closing),
	};
	const t = w.thankYou;
	library['thank-you'] = {
		email: {
			subject: t.subject,
			text: `${w.greeting},\n\n${t.body}\n\n${w.labels.invoice}${colon(w)}{{invoice.number}}\n${w.labels.amountPaid}${colon(w)}{{invoice.amountPaid}}\n\n${t.closing}\n\n${signOff(w, false)}`,
			html: `<p>${w.greeting},</p>\n<p>${t.body}</p>\n<p>${w.labels.invoice}${colon(w)}<strong>{{invoice.number}}</strong><br>${w.labels.amountPaid}${colon(w)}<strong>{{invoice.amountPaid}}</strong></p>\n<p>${t.closing}</p>\n${signOff(w, true)}`,
		},
	};
	library['call-script'] = { call_task: { ...w.callTask }, manual_task: { ...w.manualTask } };
	library.handoff = { human_handoff: { ...w.handoff } };
	library.consolidated = consolidated(w);
	library.statement = statement(w);
	return library;
}
