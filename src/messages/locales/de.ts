import type { Wording } from './wording';

/** German, formal "Sie"; the letter body starts in lower case after the greeting's comma, as German letters do. */
export const DE: Wording = {
	locale: 'de-DE',
	greeting: 'Guten Tag {{fallback contact.name customer.name}}',
	regards: 'Mit freundlichen Grüßen',
	senderFallback: 'Ihre Buchhaltung',
	labels: {
		invoice: 'Rechnung',
		amountDue: 'Offener Betrag',
		dueDate: 'Fällig am',
		payOnline: 'Online bezahlen',
		payInvoiceOnline: 'Rechnung {{invoice.number}} online bezahlen',
		viewInvoice: 'Rechnung ansehen',
		invoicePdf: 'Rechnung als PDF',
		amountPaid: 'Gezahlter Betrag',
	},
	sms: {
		facts: 'Rechnung {{invoice.number}} über {{invoice.amountDue}}, fällig am {{invoice.dueDate}}.',
		pay: 'Bezahlen',
	},
	previousReminder: 'Wir hatten Sie bereits am {{previous.date}} an diese Rechnung erinnert.',
	lateFee:
		'Gemäß unseren Zahlungsbedingungen sind für diese Rechnung bis zum {{lateFee.date}} Verzugszinsen und Gebühren in Höhe von {{lateFee.total}} angefallen.',
	reminders: {
		'reminder-before-due': {
			subject: 'Rechnung {{invoice.number}} wird am {{invoice.dueDate}} fällig',
			opening:
				'ein kurzer, freundlicher Hinweis: Die Rechnung {{invoice.number}} für {{customer.name}} wird in Kürze fällig. Ist die Zahlung bereits eingeplant, vielen Dank – dann betrachten Sie diese Nachricht bitte als gegenstandslos.',
			closing:
				'Sollte auf der Rechnung etwas nicht stimmen, antworten Sie einfach auf diese E-Mail, und wir kümmern uns darum.',
			sms: 'Guten Tag, eine freundliche Erinnerung: Eine Rechnung wird bald fällig.',
		},
		'due-today': {
			subject: 'Rechnung {{invoice.number}} ist heute fällig',
			opening:
				'die Rechnung {{invoice.number}} für {{customer.name}} ist heute fällig. Vielen Dank, dass Sie die Zahlung veranlassen.',
			closing:
				'Ist die Zahlung schon unterwegs, herzlichen Dank. Haben Sie eine Frage zur Rechnung, antworten Sie einfach auf diese E-Mail.',
			sms: 'Guten Tag, eine Erinnerung: Eine Rechnung ist heute fällig.',
		},
		'overdue-reminder': {
			subject: 'Zahlungserinnerung: Rechnung {{invoice.number}}',
			opening:
				'laut unseren Unterlagen war die Rechnung {{invoice.number}} für {{customer.name}} am {{invoice.dueDate}} fällig und ist noch offen. Vielleicht ist sie einfach untergegangen – könnten Sie bitte kurz nachsehen?',
			closing:
				'Haben Sie bereits gezahlt, nennen Sie uns bitte das Zahlungsdatum, damit wir die Zahlung zuordnen können.',
			sms: 'Guten Tag, laut unseren Unterlagen ist eine Rechnung noch offen.',
		},
		'overdue-polite': {
			subject: 'Rechnung {{invoice.number}} ist seit {{invoice.daysPastDue}} Tagen fällig',
			opening:
				'für die Rechnung {{invoice.number}}, fällig am {{invoice.dueDate}}, ist bei uns noch keine Zahlung eingegangen. Wir wären Ihnen dankbar, wenn Sie die Zahlung veranlassen oder uns mitteilen, wann wir mit ihr rechnen können.',
			closing:
				'Hält etwas die Zahlung auf, etwa eine fehlende Bestellnummer oder eine Frage zum Betrag, antworten Sie uns einfach – wir helfen gern.',
			sms: 'Guten Tag, eine Rechnung ist noch offen. Können Sie uns sagen, wann die Zahlung kommt?',
			refersToPrevious: true,
		},
		'overdue-follow-up': {
			subject: 'Nachfrage zu Rechnung {{invoice.number}}',
			opening:
				'wir kommen noch einmal auf die Rechnung {{invoice.number}} zurück, fällig am {{invoice.dueDate}}, die weiterhin offen ist. Könnten Sie uns bestätigen, wann die Zahlung erfolgt?',
			closing:
				'Eine kurze Antwort mit dem voraussichtlichen Zahlungsdatum genügt uns. Gibt es ein Problem mit der Rechnung, sagen Sie uns Bescheid, und wir klären es zügig.',
			sms: 'Guten Tag, wir fragen zu einer offenen Rechnung nach. Können Sie uns ein Zahlungsdatum nennen?',
			refersToPrevious: true,
		},
		'overdue-firm': {
			subject: 'Bitte um Zahlung: Rechnung {{invoice.number}} ist überfällig',
			opening:
				'die Rechnung {{invoice.number}} war am {{invoice.dueDate}} fällig und ist nun seit {{invoice.daysPastDue}} Tagen überfällig. Bitte veranlassen Sie die Zahlung des offenen Betrags noch in dieser Woche, oder nennen Sie uns das Datum, an dem Sie zahlen werden.',
			closing:
				'Gibt es einen Grund, weshalb die Rechnung nicht beglichen werden kann, teilen Sie ihn uns bitte mit, damit wir gemeinsam eine Lösung finden.',
			sms: 'Guten Tag, eine Rechnung ist überfällig. Bitte veranlassen Sie die Zahlung oder nennen Sie uns ein Datum.',
			refersToPrevious: true,
		},
		'final-notice': {
			subject: 'Letzte Erinnerung: Rechnung {{invoice.number}}',
			opening:
				'dies ist unsere letzte automatische Erinnerung an die Rechnung {{invoice.number}}, fällig am {{invoice.dueDate}}, die noch offen ist. Bitte veranlassen Sie die Zahlung, oder nennen Sie uns ein Zahlungsdatum.',
			closing:
				'Im Anschluss wird sich eine Kollegin oder ein Kollege aus unserem Team persönlich bei Ihnen melden, um gemeinsam eine Lösung zu finden.',
			sms: 'Guten Tag, dies ist unsere letzte automatische Erinnerung an eine offene Rechnung.',
			refersToPrevious: true,
		},
	},
	receiptCheck: {
		subject: 'Ist Rechnung {{invoice.number}} bei Ihnen angekommen?',
		opening:
			'wir haben Ihnen vor Kurzem die Rechnung {{invoice.number}} für {{customer.name}} geschickt und möchten sichergehen, dass sie gut angekommen ist und bei der richtigen Person liegt.',
		closing:
			'Soll die Rechnung an jemand anderen gehen oder fehlt eine Bestellnummer, antworten Sie einfach auf diese E-Mail. Andernfalls ist bis zum Fälligkeitsdatum nichts weiter zu tun.',
	},
	thankYou: {
		subject: 'Vielen Dank für Ihre Zahlung zu Rechnung {{invoice.number}}',
		body: 'vielen Dank für Ihre Zahlung zur Rechnung {{invoice.number}}. Sie ist bei uns eingegangen, und die Rechnung ist damit beglichen.',
		closing: 'Wir danken Ihnen für die gute Zusammenarbeit.',
	},
	callTask: {
		subject: 'Anruf bei {{customer.name}} zu Rechnung {{invoice.number}}',
		text: 'Rufen Sie {{fallback contact.name customer.name}}{{#if contact.title}} ({{contact.title}}){{/if}} bei {{customer.name}} an{{#if contact.phone}}, Telefon {{contact.phone}}{{/if}}{{#if contact.email}} ({{contact.email}}){{/if}}.\n\n- Stellen Sie sich vor und vergewissern Sie sich, dass Sie mit der Person sprechen, die Rechnungen bearbeitet.\n- Rechnung {{invoice.number}}, offen {{invoice.amountDue}}, war am {{invoice.dueDate}} fällig.\n- Fragen Sie, ob die Rechnung angekommen ist und ob etwas die Zahlung aufhält.\n- Vereinbaren Sie ein Zahlungsdatum und halten Sie es fest (eine Zahlungszusage pausiert die Erinnerungen).\n{{#if invoice.paymentUrl}}- Bieten Sie den Zahlungslink an: {{invoice.paymentUrl}}\n{{/if}}- Bleiben Sie höflich; Einwände und Beschwerden gehen an die zuständige Betreuung.',
	},
	manualTask: {
		subject: 'Nachfassen bei {{customer.name}} zu Rechnung {{invoice.number}}',
		text: 'Fassen Sie bei {{customer.name}} zu Rechnung {{invoice.number}} nach ({{invoice.amountDue}}, fällig am {{invoice.dueDate}}).',
	},
	handoff: {
		subject: 'Übergabe: Rechnung {{invoice.number}} ({{customer.name}})',
		text: 'Die automatischen Erinnerungen zu Rechnung {{invoice.number}} ({{customer.name}}, {{invoice.amountDue}} offen seit {{invoice.dueDate}}) sind abgeschlossen. Eine Person übernimmt nun die weitere Betreuung.',
	},
	consolidated: {
		subject:
			'{{totals.count}} offene {{plural totals.count "Rechnung" "Rechnungen"}} für {{customer.name}}',
		intro:
			'hier eine Übersicht der offenen {{plural totals.count "Rechnung" "Rechnungen"}} für {{customer.name}}:',
		line: 'Rechnung: {{number}}, offener Betrag: {{amountDue}}, fällig am: {{dueDate}}{{#if paymentUrl}}, online bezahlen: {{paymentUrl}}{{/if}}',
		headers: { invoice: 'Rechnung', amountDue: 'Offener Betrag', dueDate: 'Fällig am' },
		payOnline: 'Online bezahlen',
		total: 'Insgesamt offen',
		closing:
			'Ist eine davon bereits bezahlt oder möchten Sie etwas prüfen lassen, antworten Sie einfach auf diese E-Mail.',
	},
	statement: {
		subject: 'Kontoauszug für {{customer.name}} zum {{statement.date}}',
		intro:
			'anbei Ihr Kontoauszug zum {{statement.date}}: alle offenen Rechnungen für {{customer.name}}, jeweils mit der Zeit seit Fälligkeit.',
		headers: {
			invoice: 'Rechnung',
			issued: 'Datum',
			due: 'Fällig am',
			daysPastDue: 'Tage seit Fälligkeit',
			amountDue: 'Offener Betrag',
		},
		total: 'Insgesamt offen',
		attachment: 'Dieselbe Aufstellung finden Sie für Ihre Unterlagen als CSV-Datei im Anhang.',
		closing:
			'Ist eine der Rechnungen bereits bezahlt oder möchten Sie etwas prüfen lassen, antworten Sie einfach auf diese E-Mail, und wir gleichen es ab.',
		buckets: {
			current: 'Noch nicht fällig',
			'1-30': '1 bis 30 Tage',
			'31-60': '31 bis 60 Tage',
			'61-90': '61 bis 90 Tage',
			'90+': 'Über 90 Tage',
		},
		aging: 'Nach Alter',
	},
};
