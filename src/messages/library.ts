/**
 * The approved message library: one entry per template key, with a version per channel (email subject/text/HTML,
 * SMS text, call script, task and handoff notes). Wording is courteous at every tone: no legal, collections,
 * credit-report or service threats, ever (a unit test lints every shipped template).
 */
import { z } from 'zod';

import { CHANNELS, type Channel } from '../cadence/policy';
import { MessageError, MessageTemplateSchema, type MessageTemplate } from './render';

export const TemplateEntrySchema = z.object(
	Object.fromEntries(
		CHANNELS.map((channel) => [channel, MessageTemplateSchema.optional()]),
	) as Record<Channel, z.ZodOptional<typeof MessageTemplateSchema>>,
);
export type TemplateEntry = z.infer<typeof TemplateEntrySchema>;

export const MessageLibrarySchema = z.record(z.string().min(1), TemplateEntrySchema);
export type MessageLibrary = z.infer<typeof MessageLibrarySchema>;

const SIGN_OFF =
	'{{fallback sender.name "Accounts Receivable"}}{{#if sender.company}}\n{{sender.company}}{{/if}}';
const SIGN_OFF_HTML =
	'<p>Kind regards,<br>{{fallback sender.name "Accounts Receivable"}}{{#if sender.company}}<br>{{sender.company}}{{/if}}</p>';
const PAY_LINE = '{{#if invoice.paymentUrl}}Pay online: {{invoice.paymentUrl}}\n{{/if}}';
const PAY_LINE_HTML =
	'{{#if invoice.paymentUrl}}<p><a href="{{invoice.paymentUrl}}">Pay invoice {{invoice.number}} online</a></p>{{/if}}';
const SMS_PAY = '{{#if invoice.paymentUrl}} Pay: {{invoice.paymentUrl}}{{/if}}';
const FACTS =
	'Invoice: {{invoice.number}}\nAmount due: {{invoice.amountDue}}\nDue date: {{invoice.dueDate}}';
const FACTS_HTML =
	'<p>Invoice: <strong>{{invoice.number}}</strong><br>Amount due: <strong>{{invoice.amountDue}}</strong><br>Due date: {{invoice.dueDate}}</p>';

function email(subject: string, opening: string, closing: string): MessageTemplate {
	return {
		subject,
		text: `Hello {{contact.greetingName}},\n\n${opening}\n\n${FACTS}\n${PAY_LINE}\n${closing}\n\nKind regards,\n${SIGN_OFF}`,
		html: `<p>Hello {{contact.greetingName}},</p>\n<p>${opening}</p>\n${FACTS_HTML}\n${PAY_LINE_HTML}\n<p>${closing}</p>\n${SIGN_OFF_HTML}`,
	};
}

function sms(text: string): MessageTemplate {
	return {
		text: `${text} Invoice {{invoice.number}}, {{invoice.amountDue}}, due {{invoice.dueDate}}.${SMS_PAY} - {{fallback sender.company (fallback sender.name "Accounts Receivable")}}`,
	};
}

export const DEFAULT_LIBRARY: MessageLibrary = {
	'reminder-before-due': {
		email: email(
			'Upcoming: invoice {{invoice.number}} is due on {{invoice.dueDate}}',
			'A quick, friendly note that invoice {{invoice.number}} for {{customer.name}} is due soon. If it is already scheduled for payment, thank you, and please ignore this message.',
			'If anything on the invoice needs a second look, just reply to this email and we will sort it out.',
		),
		sms: sms('Hi {{contact.greetingName}}, a friendly reminder that an invoice is due soon.'),
	},
	'due-today': {
		email: email(
			'Invoice {{invoice.number}} is due today',
			'Invoice {{invoice.number}} for {{customer.name}} is due today. Thank you for arranging payment.',
			'If payment is already on its way, thank you. If you have a question about the invoice, reply to this email.',
		),
		sms: sms('Hi {{contact.greetingName}}, a reminder that an invoice is due today.'),
	},
	'overdue-reminder': {
		email: email(
			'Reminder: invoice {{invoice.number}} is past due',
			'Our records show that invoice {{invoice.number}} for {{customer.name}} was due on {{invoice.dueDate}} and is still open. It may simply have slipped through; could you take a look?',
			'If you have already paid, please let us know the payment date so we can match it.',
		),
		sms: sms('Hi {{contact.greetingName}}, our records show an invoice is past due.'),
	},
	'overdue-polite': {
		email: email(
			'Invoice {{invoice.number}} is now {{invoice.daysPastDue}} days past due',
			'We have not yet received payment for invoice {{invoice.number}}, which was due on {{invoice.dueDate}}. We would be grateful if you could arrange payment or let us know when to expect it.',
			'If something is holding the payment up, such as a missing PO number or a question about the amount, reply and we will help.',
		),
		sms: sms(
			'Hi {{contact.greetingName}}, an invoice is past due; could you let us know when to expect payment?',
		),
	},
	'overdue-follow-up': {
		email: email(
			'Following up: invoice {{invoice.number}}',
			'We are following up on invoice {{invoice.number}}, due on {{invoice.dueDate}}, which remains unpaid. Could you confirm when payment will be made?',
			'A short reply with the expected payment date is all we need. If there is an issue with the invoice, tell us and we will resolve it quickly.',
		),
		sms: sms(
			'Hi {{contact.greetingName}}, following up on an unpaid invoice; could you confirm a payment date?',
		),
	},
	'overdue-firm': {
		email: email(
			'Action needed: invoice {{invoice.number}} is overdue',
			'Invoice {{invoice.number}} was due on {{invoice.dueDate}} and is now {{invoice.daysPastDue}} days overdue. Please arrange payment of the amount due this week, or reply with the date you expect to pay.',
			'If there is a reason the invoice cannot be paid, please tell us so we can work it out together.',
		),
		sms: sms(
			'Hi {{contact.greetingName}}, an invoice is overdue; please arrange payment or reply with a date.',
		),
	},
	'final-notice': {
		email: email(
			'Final reminder: invoice {{invoice.number}}',
			'This is our final automated reminder about invoice {{invoice.number}}, due on {{invoice.dueDate}}, which is still unpaid. Please arrange payment, or reply with a payment date.',
			'After this message a member of our team will contact you personally to find a way forward.',
		),
		sms: sms(
			'Hi {{contact.greetingName}}, this is our final automated reminder about an unpaid invoice.',
		),
	},
	'call-script': {
		call_task: {
			subject: 'Call {{customer.name}} about invoice {{invoice.number}}',
			text: 'Call {{fallback contact.name customer.name}}{{#if contact.title}} ({{contact.title}}){{/if}} at {{customer.name}}{{#if contact.phone}} on {{contact.phone}}{{/if}}{{#if contact.email}} ({{contact.email}}){{/if}}.\n\n- Introduce yourself and confirm you are speaking with the person who handles invoices.\n- Invoice {{invoice.number}}, {{invoice.amountDue}} due, was due on {{invoice.dueDate}}.\n- Ask whether the invoice was received and whether anything is blocking payment.\n- Agree a payment date and note it (a promise to pay pauses the reminders).\n{{#if invoice.paymentUrl}}- Offer the payment link: {{invoice.paymentUrl}}\n{{/if}}- Stay courteous; disputes and complaints go to the account owner.',
		},
		manual_task: {
			subject: 'Follow up with {{customer.name}} on invoice {{invoice.number}}',
			text: 'Follow up with {{customer.name}} on invoice {{invoice.number}} ({{invoice.amountDue}}, due {{invoice.dueDate}}).',
		},
	},
	handoff: {
		human_handoff: {
			subject: 'Handoff: invoice {{invoice.number}} ({{customer.name}})',
			text: 'The automated reminders for invoice {{invoice.number}} ({{customer.name}}, {{invoice.amountDue}} due since {{invoice.dueDate}}) are finished. A person now owns the follow-up.',
		},
	},
	consolidated: {
		email: {
			subject:
				'{{totals.count}} open {{plural totals.count "invoice" "invoices"}} for {{customer.name}}',
			text:
				'Hello {{contact.greetingName}},\n\nHere is a summary of the open {{plural totals.count "invoice" "invoices"}} for {{customer.name}}:\n\n{{#each invoices}}- Invoice: {{number}}, amount due: {{amountDue}}, due date: {{dueDate}}{{#if paymentUrl}}, pay online: {{paymentUrl}}{{/if}}\n{{/each}}{{#if totals.amountDue}}\nTotal due: {{totals.amountDue}}\n{{/if}}\nIf any of these are already paid or need a second look, just reply to this email.\n\nKind regards,\n' +
				SIGN_OFF,
			html:
				'<p>Hello {{contact.greetingName}},</p>\n<p>Here is a summary of the open {{plural totals.count "invoice" "invoices"}} for {{customer.name}}:</p>\n<table>\n<tr><th align="left">Invoice</th><th align="right">Amount due</th><th align="left">Due date</th><th></th></tr>\n{{#each invoices}}<tr><td>{{number}}</td><td align="right">{{amountDue}}</td><td>{{dueDate}}</td><td>{{#if paymentUrl}}<a href="{{paymentUrl}}">Pay online</a>{{/if}}</td></tr>\n{{/each}}</table>\n{{#if totals.amountDue}}<p>Total due: <strong>{{totals.amountDue}}</strong></p>{{/if}}\n<p>If any of these are already paid or need a second look, just reply to this email.</p>\n' +
				SIGN_OFF_HTML,
		},
	},
};

/** Library with user overrides layered over the defaults, per template key and channel. */
export function mergeLibrary(
	overrides: MessageLibrary | undefined,
	base: MessageLibrary = DEFAULT_LIBRARY,
): MessageLibrary {
	if (!overrides) return base;
	const merged: MessageLibrary = { ...base };
	for (const [key, entry] of Object.entries(overrides))
		merged[key] = { ...(base[key] ?? {}), ...entry };
	return merged;
}

/** Validates a JSON library from the node (a string or an object). Throws MessageError with the failing path. */
export function parseLibrary(input: unknown): MessageLibrary {
	let value = input;
	if (typeof input === 'string') {
		if (input.trim() === '') return {};
		let invalid: string | undefined;
		try {
			value = JSON.parse(input);
		} catch (error) {
			invalid = (error as Error).message;
		}
		if (invalid !== undefined)
			throw new MessageError(`the template library is not valid JSON: ${invalid}`);
	}
	const result = MessageLibrarySchema.safeParse(value);
	if (!result.success) {
		throw new MessageError(
			`the template library is not valid: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')} (expected { "<template key>": { "email": { "subject", "text", "html" }, "sms": { "text" } } })`,
		);
	}
	return result.data;
}

/** The template for a key and channel; email text stands in for tasks that have no version of their own. */
export function templateFor(
	library: MessageLibrary,
	key: string,
	channel: Channel,
): MessageTemplate {
	const entry = library[key];
	if (!entry)
		throw new MessageError(
			`no template "${key}" in the message library: add it, or point the step at an existing key (${Object.keys(library).join(', ')})`,
			key,
		);
	const template =
		entry[channel] ??
		(channel === 'manual_task' || channel === 'call_task' || channel === 'human_handoff'
			? (entry.call_task ?? entry.email)
			: undefined);
	if (!template)
		throw new MessageError(
			`template "${key}" has no ${channel} version: add one to the library`,
			key,
		);
	return template;
}
