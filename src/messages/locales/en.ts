import type { Wording } from './wording';

/** English: the reference wording every other language follows step by step. */
export const EN: Wording = {
	locale: 'en-US',
	greeting: 'Hello {{contact.greetingName}}',
	regards: 'Kind regards,',
	senderFallback: 'Accounts Receivable',
	labels: {
		invoice: 'Invoice',
		amountDue: 'Amount due',
		dueDate: 'Due date',
		payOnline: 'Pay online',
		payInvoiceOnline: 'Pay invoice {{invoice.number}} online',
		viewInvoice: 'View the invoice',
		invoicePdf: 'Invoice PDF',
		amountPaid: 'Amount paid',
	},
	sms: {
		facts: 'Invoice {{invoice.number}}, {{invoice.amountDue}}, due {{invoice.dueDate}}.',
		pay: 'Pay',
	},
	previousReminder: 'This follows our reminder of {{previous.date}}.',
	lateFee:
		'Under our payment terms, late-payment interest and fees of {{lateFee.total}} have accrued on this invoice as of {{lateFee.date}}.',
	reminders: {
		'reminder-before-due': {
			subject: 'Upcoming: invoice {{invoice.number}} is due on {{invoice.dueDate}}',
			opening:
				'A quick, friendly note that invoice {{invoice.number}} for {{customer.name}} is due soon. If it is already scheduled for payment, thank you, and please ignore this message.',
			closing:
				'If anything on the invoice needs a second look, just reply to this email and we will sort it out.',
			sms: 'Hi {{contact.greetingName}}, a friendly reminder that an invoice is due soon.',
		},
		'due-today': {
			subject: 'Invoice {{invoice.number}} is due today',
			opening:
				'Invoice {{invoice.number}} for {{customer.name}} is due today. Thank you for arranging payment.',
			closing:
				'If payment is already on its way, thank you. If you have a question about the invoice, reply to this email.',
			sms: 'Hi {{contact.greetingName}}, a reminder that an invoice is due today.',
		},
		'overdue-reminder': {
			subject: 'Reminder: invoice {{invoice.number}} is past due',
			opening:
				'Our records show that invoice {{invoice.number}} for {{customer.name}} was due on {{invoice.dueDate}} and is still open. It may simply have slipped through; could you take a look?',
			closing: 'If you have already paid, please let us know the payment date so we can match it.',
			sms: 'Hi {{contact.greetingName}}, our records show an invoice is past due.',
		},
		'overdue-polite': {
			subject: 'Invoice {{invoice.number}} is now {{invoice.daysPastDue}} days past due',
			opening:
				'We have not yet received payment for invoice {{invoice.number}}, which was due on {{invoice.dueDate}}. We would be grateful if you could arrange payment or let us know when to expect it.',
			closing:
				'If something is holding the payment up, such as a missing PO number or a question about the amount, reply and we will help.',
			sms: 'Hi {{contact.greetingName}}, an invoice is past due; could you let us know when to expect payment?',
			refersToPrevious: true,
		},
		'overdue-follow-up': {
			subject: 'Following up: invoice {{invoice.number}}',
			opening:
				'We are following up on invoice {{invoice.number}}, due on {{invoice.dueDate}}, which remains unpaid. Could you confirm when payment will be made?',
			closing:
				'A short reply with the expected payment date is all we need. If there is an issue with the invoice, tell us and we will resolve it quickly.',
			sms: 'Hi {{contact.greetingName}}, following up on an unpaid invoice; could you confirm a payment date?',
			refersToPrevious: true,
		},
		'overdue-firm': {
			subject: 'Action needed: invoice {{invoice.number}} is overdue',
			opening:
				'Invoice {{invoice.number}} was due on {{invoice.dueDate}} and is now {{invoice.daysPastDue}} days overdue. Please arrange payment of the amount due this week, or reply with the date you expect to pay.',
			closing:
				'If there is a reason the invoice cannot be paid, please tell us so we can work it out together.',
			sms: 'Hi {{contact.greetingName}}, an invoice is overdue; please arrange payment or reply with a date.',
			refersToPrevious: true,
		},
		'final-notice': {
			subject: 'Final reminder: invoice {{invoice.number}}',
			opening:
				'This is our final automated reminder about invoice {{invoice.number}}, due on {{invoice.dueDate}}, which is still unpaid. Please arrange payment, or reply with a payment date.',
			closing:
				'After this message a member of our team will contact you personally to find a way forward.',
			sms: 'Hi {{contact.greetingName}}, this is our final automated reminder about an unpaid invoice.',
			refersToPrevious: true,
		},
	},
	receiptCheck: {
		subject: 'Did invoice {{invoice.number}} reach you?',
		opening:
			'We recently sent invoice {{invoice.number}} for {{customer.name}} and would like to make sure it arrived safely and reached the right person.',
		closing:
			'If it should go to someone else, or needs a purchase order number, just reply to this email. Otherwise there is nothing to do before the due date.',
	},
	thankYou: {
		subject: 'Thank you for your payment of invoice {{invoice.number}}',
		body: 'Thank you for your payment of invoice {{invoice.number}}. We have received it, and the invoice is now settled.',
		closing: 'We appreciate your business.',
	},
	callTask: {
		subject: 'Call {{customer.name}} about invoice {{invoice.number}}',
		text: 'Call {{fallback contact.name customer.name}}{{#if contact.title}} ({{contact.title}}){{/if}} at {{customer.name}}{{#if contact.phone}} on {{contact.phone}}{{/if}}{{#if contact.email}} ({{contact.email}}){{/if}}.\n\n- Introduce yourself and confirm you are speaking with the person who handles invoices.\n- Invoice {{invoice.number}}, {{invoice.amountDue}} due, was due on {{invoice.dueDate}}.\n- Ask whether the invoice was received and whether anything is blocking payment.\n- Agree a payment date and note it (a promise to pay pauses the reminders).\n{{#if invoice.paymentUrl}}- Offer the payment link: {{invoice.paymentUrl}}\n{{/if}}- Stay courteous; disputes and complaints go to the account owner.',
	},
	manualTask: {
		subject: 'Follow up with {{customer.name}} on invoice {{invoice.number}}',
		text: 'Follow up with {{customer.name}} on invoice {{invoice.number}} ({{invoice.amountDue}}, due {{invoice.dueDate}}).',
	},
	handoff: {
		subject: 'Handoff: invoice {{invoice.number}} ({{customer.name}})',
		text: 'The automated reminders for invoice {{invoice.number}} ({{customer.name}}, {{invoice.amountDue}} due since {{invoice.dueDate}}) are finished. A person now owns the follow-up.',
	},
	consolidated: {
		subject:
			'{{totals.count}} open {{plural totals.count "invoice" "invoices"}} for {{customer.name}}',
		intro:
			'Here is a summary of the open {{plural totals.count "invoice" "invoices"}} for {{customer.name}}:',
		line: 'Invoice: {{number}}, amount due: {{amountDue}}, due date: {{dueDate}}{{#if paymentUrl}}, pay online: {{paymentUrl}}{{/if}}',
		headers: { invoice: 'Invoice', amountDue: 'Amount due', dueDate: 'Due date' },
		payOnline: 'Pay online',
		total: 'Total due',
		closing: 'If any of these are already paid or need a second look, just reply to this email.',
	},
	statement: {
		subject: 'Statement of account for {{customer.name}} as of {{statement.date}}',
		intro:
			'Please find below your statement of account as of {{statement.date}}: every open invoice for {{customer.name}}, with how long it has been due.',
		headers: {
			invoice: 'Invoice',
			issued: 'Issued',
			due: 'Due date',
			daysPastDue: 'Days past due',
			amountDue: 'Amount due',
		},
		total: 'Total open',
		attachment: 'The same list is attached as a CSV file for your records.',
		closing:
			'If any of these are already paid or need a second look, just reply to this email and we will reconcile it.',
		buckets: {
			current: 'Not yet due',
			'1-30': '1 to 30 days',
			'31-60': '31 to 60 days',
			'61-90': '61 to 90 days',
			'90+': 'Over 90 days',
		},
		aging: 'By age',
	},
};
