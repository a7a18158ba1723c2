import type { Wording } from './wording';

/** Dutch, polite "u" throughout. */
export const NL: Wording = {
	locale: 'nl-NL',
	greeting: 'Beste {{fallback contact.name customer.name}}',
	regards: 'Met vriendelijke groet,',
	senderFallback: 'Debiteurenadministratie',
	labels: {
		invoice: 'Factuur',
		amountDue: 'Openstaand bedrag',
		dueDate: 'Vervaldatum',
		payOnline: 'Online betalen',
		payInvoiceOnline: 'Factuur {{invoice.number}} online betalen',
		viewInvoice: 'Factuur bekijken',
		invoicePdf: 'Factuur als pdf',
		amountPaid: 'Betaald bedrag',
	},
	sms: {
		facts: 'Factuur {{invoice.number}}, {{invoice.amountDue}}, vervaldatum {{invoice.dueDate}}.',
		pay: 'Betalen',
	},
	previousReminder: 'Dit volgt op onze herinnering van {{previous.date}}.',
	lateFee:
		'Volgens onze betalingsvoorwaarden is op deze factuur per {{lateFee.date}} in totaal {{lateFee.total}} aan vertragingsrente en kosten verschuldigd.',
	reminders: {
		'reminder-before-due': {
			subject: 'Binnenkort: factuur {{invoice.number}} vervalt op {{invoice.dueDate}}',
			opening:
				'Een korte, vriendelijke herinnering dat factuur {{invoice.number}} voor {{customer.name}} binnenkort vervalt. Staat de betaling al ingepland, dan dank u wel en kunt u dit bericht negeren.',
			closing:
				'Klopt er iets niet op de factuur, beantwoord dan gewoon deze e-mail en wij zoeken het uit.',
			sms: 'Goedendag, een vriendelijke herinnering dat een factuur binnenkort vervalt.',
		},
		'due-today': {
			subject: 'Factuur {{invoice.number}} vervalt vandaag',
			opening:
				'Factuur {{invoice.number}} voor {{customer.name}} vervalt vandaag. Alvast bedankt voor het regelen van de betaling.',
			closing:
				'Is de betaling al onderweg, dan hartelijk dank. Heeft u een vraag over de factuur, beantwoord dan deze e-mail.',
			sms: 'Goedendag, een herinnering dat een factuur vandaag vervalt.',
		},
		'overdue-reminder': {
			subject: 'Herinnering: factuur {{invoice.number}} is vervallen',
			opening:
				'Volgens onze administratie verviel factuur {{invoice.number}} voor {{customer.name}} op {{invoice.dueDate}} en staat deze nog open. Misschien is hij er simpelweg tussendoor geglipt; wilt u even kijken?',
			closing:
				'Heeft u al betaald, laat ons dan de betaaldatum weten, zodat wij de betaling kunnen koppelen.',
			sms: 'Goedendag, volgens onze administratie is een factuur vervallen.',
		},
		'overdue-polite': {
			subject: 'Factuur {{invoice.number}} is {{invoice.daysPastDue}} dagen vervallen',
			opening:
				'Wij hebben de betaling van factuur {{invoice.number}}, vervallen op {{invoice.dueDate}}, nog niet ontvangen. Wij zouden het op prijs stellen als u de betaling regelt of ons laat weten wanneer wij die kunnen verwachten.',
			closing:
				'Houdt iets de betaling op, zoals een ontbrekend inkoopordernummer of een vraag over het bedrag, antwoord dan gerust en wij helpen u verder.',
			sms: 'Goedendag, een factuur is vervallen; kunt u ons laten weten wanneer wij de betaling kunnen verwachten?',
			refersToPrevious: true,
		},
		'overdue-follow-up': {
			subject: 'Opvolging: factuur {{invoice.number}}',
			opening:
				'Wij komen terug op factuur {{invoice.number}}, vervallen op {{invoice.dueDate}}, die nog niet is betaald. Kunt u bevestigen wanneer de betaling plaatsvindt?',
			closing:
				'Een kort antwoord met de verwachte betaaldatum is voldoende. Is er iets mis met de factuur, laat het ons weten en wij lossen het snel op.',
			sms: 'Goedendag, wij komen terug op een openstaande factuur; kunt u een betaaldatum bevestigen?',
			refersToPrevious: true,
		},
		'overdue-firm': {
			subject: 'Actie gevraagd: factuur {{invoice.number}} is vervallen',
			opening:
				'Factuur {{invoice.number}} verviel op {{invoice.dueDate}} en is nu {{invoice.daysPastDue}} dagen over de vervaldatum. Wilt u het openstaande bedrag deze week betalen, of ons laten weten op welke datum u verwacht te betalen?',
			closing:
				'Is er een reden waarom de factuur niet betaald kan worden, laat het ons dan weten, zodat wij samen een oplossing vinden.',
			sms: 'Goedendag, een factuur is vervallen; wilt u de betaling regelen of ons een datum laten weten?',
			refersToPrevious: true,
		},
		'final-notice': {
			subject: 'Laatste herinnering: factuur {{invoice.number}}',
			opening:
				'Dit is onze laatste automatische herinnering voor factuur {{invoice.number}}, vervallen op {{invoice.dueDate}}, die nog openstaat. Wilt u de betaling regelen of ons een betaaldatum laten weten?',
			closing:
				'Na dit bericht neemt een collega van ons team persoonlijk contact met u op om samen een oplossing te vinden.',
			sms: 'Goedendag, dit is onze laatste automatische herinnering voor een openstaande factuur.',
			refersToPrevious: true,
		},
	},
	receiptCheck: {
		subject: 'Heeft u factuur {{invoice.number}} ontvangen?',
		opening:
			'Wij hebben u onlangs factuur {{invoice.number}} voor {{customer.name}} gestuurd en willen graag zeker weten dat deze goed is aangekomen, bij de juiste persoon.',
		closing:
			'Moet de factuur naar iemand anders, of ontbreekt er een inkoopordernummer, beantwoord dan gewoon deze e-mail. Anders hoeft u tot de vervaldatum niets te doen.',
	},
	thankYou: {
		subject: 'Dank u voor uw betaling van factuur {{invoice.number}}',
		body: 'Hartelijk dank voor uw betaling van factuur {{invoice.number}}. Wij hebben deze ontvangen en de factuur is hiermee voldaan.',
		closing: 'Wij waarderen de samenwerking.',
	},
	callTask: {
		subject: 'Bel {{customer.name}} over factuur {{invoice.number}}',
		text: 'Bel {{fallback contact.name customer.name}}{{#if contact.title}} ({{contact.title}}){{/if}} van {{customer.name}}{{#if contact.phone}} op {{contact.phone}}{{/if}}{{#if contact.email}} ({{contact.email}}){{/if}}.\n\n- Stel uzelf voor en controleer of u spreekt met degene die de facturen behandelt.\n- Factuur {{invoice.number}}, {{invoice.amountDue}} open, verviel op {{invoice.dueDate}}.\n- Vraag of de factuur is ontvangen en of iets de betaling tegenhoudt.\n- Spreek een betaaldatum af en noteer die (een betaaltoezegging pauzeert de herinneringen).\n{{#if invoice.paymentUrl}}- Bied de betaallink aan: {{invoice.paymentUrl}}\n{{/if}}- Blijf beleefd; betwistingen en klachten gaan naar de accountverantwoordelijke.',
	},
	manualTask: {
		subject: 'Volg factuur {{invoice.number}} op bij {{customer.name}}',
		text: 'Volg factuur {{invoice.number}} op bij {{customer.name}} ({{invoice.amountDue}}, vervaldatum {{invoice.dueDate}}).',
	},
	handoff: {
		subject: 'Overdracht: factuur {{invoice.number}} ({{customer.name}})',
		text: 'De automatische herinneringen voor factuur {{invoice.number}} ({{customer.name}}, {{invoice.amountDue}} open sinds {{invoice.dueDate}}) zijn afgerond. Een medewerker neemt de opvolging nu over.',
	},
	consolidated: {
		subject:
			'{{totals.count}} {{plural totals.count "openstaande factuur" "openstaande facturen"}} voor {{customer.name}}',
		intro:
			'Hierbij een overzicht van de {{plural totals.count "openstaande factuur" "openstaande facturen"}} voor {{customer.name}}:',
		line: 'Factuur: {{number}}, openstaand bedrag: {{amountDue}}, vervaldatum: {{dueDate}}{{#if paymentUrl}}, online betalen: {{paymentUrl}}{{/if}}',
		headers: { invoice: 'Factuur', amountDue: 'Openstaand bedrag', dueDate: 'Vervaldatum' },
		payOnline: 'Online betalen',
		total: 'Totaal openstaand',
		closing:
			'Is een ervan al betaald of moet er iets worden nagekeken, beantwoord dan gewoon deze e-mail.',
	},
	statement: {
		subject: 'Rekeningoverzicht voor {{customer.name}} per {{statement.date}}',
		intro:
			'Hieronder vindt u uw rekeningoverzicht per {{statement.date}}: alle openstaande facturen voor {{customer.name}}, met hun ouderdom.',
		headers: {
			invoice: 'Factuur',
			issued: 'Datum',
			due: 'Vervaldatum',
			daysPastDue: 'Dagen vervallen',
			amountDue: 'Openstaand bedrag',
		},
		total: 'Totaal openstaand',
		attachment: 'Hetzelfde overzicht is als csv-bestand bijgevoegd voor uw administratie.',
		closing:
			'Is een van deze facturen al betaald of moet er iets worden nagekeken, beantwoord dan gewoon deze e-mail en wij stemmen het af.',
		buckets: {
			current: 'Nog niet vervallen',
			'1-30': '1 tot 30 dagen',
			'31-60': '31 tot 60 dagen',
			'61-90': '61 tot 90 dagen',
			'90+': 'Meer dan 90 dagen',
		},
		aging: 'Naar ouderdom',
	},
};
