import type { Wording } from './wording';

/** French typography: a no-break space before « : ; ? ! », so a line never starts with one. */
function typeset<T>(value: T): T {
	if (typeof value === 'string') return value.replace(/ ([:;?!])/g, '\u00a0$1') as T;
	if (value && typeof value === 'object')
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [key, typeset(entry)]),
		) as T;
	return value;
}

/** French, "vous" throughout. */
export const FR: Wording = typeset({
	locale: 'fr-FR',
	colon: ' : ',
	greeting: 'Bonjour {{fallback contact.name customer.name}}',
	regards: 'Cordialement,',
	senderFallback: 'Service comptabilité',
	labels: {
		invoice: 'Facture',
		amountDue: 'Montant dû',
		dueDate: 'Échéance',
		payOnline: 'Payer en ligne',
		payInvoiceOnline: 'Payer la facture {{invoice.number}} en ligne',
		viewInvoice: 'Consulter la facture',
		invoicePdf: 'Facture au format PDF',
		amountPaid: 'Montant réglé',
	},
	sms: {
		facts: 'Facture {{invoice.number}}, {{invoice.amountDue}}, échéance le {{invoice.dueDate}}.',
		pay: 'Payer',
	},
	previousReminder: 'Ce message fait suite à notre rappel du {{previous.date}}.',
	lateFee:
		'Conformément à nos conditions de paiement, des intérêts et frais de retard de {{lateFee.total}} sont dus sur cette facture au {{lateFee.date}}.',
	reminders: {
		'reminder-before-due': {
			subject: 'À venir : la facture {{invoice.number}} arrive à échéance le {{invoice.dueDate}}',
			opening:
				'Un petit mot amical pour vous signaler que la facture {{invoice.number}} de {{customer.name}} arrive bientôt à échéance. Si son règlement est déjà programmé, merci, et ne tenez pas compte de ce message.',
			closing:
				'Si un élément de la facture mérite d’être vérifié, répondez simplement à cet e-mail et nous nous en occuperons.',
			sms: 'Bonjour, petit rappel amical : une facture arrive bientôt à échéance.',
		},
		'due-today': {
			subject: 'La facture {{invoice.number}} arrive à échéance aujourd’hui',
			opening:
				'La facture {{invoice.number}} de {{customer.name}} arrive à échéance aujourd’hui. Merci d’avance pour son règlement.',
			closing:
				'Si le paiement est déjà en route, merci. Pour toute question sur la facture, répondez à cet e-mail.',
			sms: 'Bonjour, petit rappel : une facture arrive à échéance aujourd’hui.',
		},
		'overdue-reminder': {
			subject: 'Rappel : la facture {{invoice.number}} est échue',
			opening:
				'D’après nos registres, la facture {{invoice.number}} de {{customer.name}} était à régler le {{invoice.dueDate}} et reste ouverte. Elle a peut-être simplement échappé à votre attention ; pourriez-vous y jeter un œil ?',
			closing:
				'Si vous l’avez déjà réglée, merci de nous indiquer la date du paiement afin que nous puissions le rapprocher.',
			sms: 'Bonjour, d’après nos registres, une facture est échue.',
		},
		'overdue-polite': {
			subject: 'La facture {{invoice.number}} est échue depuis {{invoice.daysPastDue}} jours',
			opening:
				'Nous n’avons pas encore reçu le règlement de la facture {{invoice.number}}, échue le {{invoice.dueDate}}. Nous vous serions reconnaissants de bien vouloir procéder au paiement ou de nous indiquer quand nous pouvons l’attendre.',
			closing:
				'Si quelque chose bloque le paiement, par exemple un numéro de bon de commande manquant ou une question sur le montant, répondez-nous et nous vous aiderons.',
			sms: 'Bonjour, une facture est échue ; pourriez-vous nous dire quand attendre le paiement ?',
			refersToPrevious: true,
		},
		'overdue-follow-up': {
			subject: 'Suivi : facture {{invoice.number}}',
			opening:
				'Nous revenons vers vous au sujet de la facture {{invoice.number}}, échue le {{invoice.dueDate}}, qui reste impayée. Pourriez-vous nous confirmer la date du règlement ?',
			closing:
				'Une courte réponse avec la date de paiement prévue nous suffit. Si la facture pose un problème, dites-le-nous et nous le réglerons rapidement.',
			sms: 'Bonjour, nous revenons vers vous pour une facture impayée ; pourriez-vous nous confirmer une date de paiement ?',
			refersToPrevious: true,
		},
		'overdue-firm': {
			subject: 'Action requise : la facture {{invoice.number}} est en retard',
			opening:
				'La facture {{invoice.number}} était à régler le {{invoice.dueDate}} et présente désormais {{invoice.daysPastDue}} jours de retard. Merci de procéder au règlement du montant dû cette semaine, ou de nous indiquer la date à laquelle vous prévoyez de payer.',
			closing:
				'Si une raison empêche le règlement de la facture, dites-le-nous afin que nous trouvions ensemble une solution.',
			sms: 'Bonjour, une facture est en retard ; merci de la régler ou de nous indiquer une date.',
			refersToPrevious: true,
		},
		'final-notice': {
			subject: 'Dernier rappel : facture {{invoice.number}}',
			opening:
				'Ceci est notre dernier rappel automatique concernant la facture {{invoice.number}}, échue le {{invoice.dueDate}}, qui reste impayée. Merci de procéder au règlement ou de nous indiquer une date de paiement.',
			closing:
				'Après ce message, un membre de notre équipe vous contactera personnellement pour trouver une solution ensemble.',
			sms: 'Bonjour, ceci est notre dernier rappel automatique pour une facture impayée.',
			refersToPrevious: true,
		},
	},
	receiptCheck: {
		subject: 'Avez-vous bien reçu la facture {{invoice.number}} ?',
		opening:
			'Nous vous avons récemment envoyé la facture {{invoice.number}} de {{customer.name}} et souhaitons nous assurer qu’elle vous est bien parvenue et qu’elle est entre les mains de la bonne personne.',
		closing:
			'Si elle doit être adressée à quelqu’un d’autre ou s’il y manque un numéro de bon de commande, répondez simplement à cet e-mail. Sinon, rien à faire avant l’échéance.',
	},
	thankYou: {
		subject: 'Merci pour votre règlement de la facture {{invoice.number}}',
		body: 'Merci pour votre règlement de la facture {{invoice.number}}. Nous l’avons bien reçu, et la facture est désormais soldée.',
		closing: 'Nous vous remercions de votre confiance.',
	},
	callTask: {
		subject: 'Appeler {{customer.name}} au sujet de la facture {{invoice.number}}',
		text: 'Appelez {{fallback contact.name customer.name}}{{#if contact.title}} ({{contact.title}}){{/if}} chez {{customer.name}}{{#if contact.phone}} au {{contact.phone}}{{/if}}{{#if contact.email}} ({{contact.email}}){{/if}}.\n\n- Présentez-vous et vérifiez que vous parlez à la personne qui traite les factures.\n- Facture {{invoice.number}}, {{invoice.amountDue}} dus, échue le {{invoice.dueDate}}.\n- Demandez si la facture a bien été reçue et si quelque chose bloque le paiement.\n- Convenez d’une date de paiement et notez-la (une promesse de paiement met les rappels en pause).\n{{#if invoice.paymentUrl}}- Proposez le lien de paiement : {{invoice.paymentUrl}}\n{{/if}}- Restez courtois ; les contestations et réclamations vont au responsable du compte.',
	},
	manualTask: {
		subject: 'Relancer {{customer.name}} pour la facture {{invoice.number}}',
		text: 'Relancez {{customer.name}} pour la facture {{invoice.number}} ({{invoice.amountDue}}, échue le {{invoice.dueDate}}).',
	},
	handoff: {
		subject: 'Passation : facture {{invoice.number}} ({{customer.name}})',
		text: 'Les rappels automatiques de la facture {{invoice.number}} ({{customer.name}}, {{invoice.amountDue}} dus depuis le {{invoice.dueDate}}) sont terminés. Une personne prend désormais le suivi en charge.',
	},
	consolidated: {
		subject:
			'{{totals.count}} {{plural totals.count "facture ouverte" "factures ouvertes"}} pour {{customer.name}}',
		intro:
			'Voici le récapitulatif des {{plural totals.count "facture ouverte" "factures ouvertes"}} de {{customer.name}} :',
		line: 'Facture : {{number}}, montant dû : {{amountDue}}, échéance : {{dueDate}}{{#if paymentUrl}}, payer en ligne : {{paymentUrl}}{{/if}}',
		headers: { invoice: 'Facture', amountDue: 'Montant dû', dueDate: 'Échéance' },
		payOnline: 'Payer en ligne',
		total: 'Total dû',
		closing:
			'Si certaines sont déjà réglées ou méritent d’être vérifiées, répondez simplement à cet e-mail.',
	},
	statement: {
		subject: 'Relevé de compte de {{customer.name}} au {{statement.date}}',
		intro:
			'Veuillez trouver ci-dessous votre relevé de compte au {{statement.date}} : toutes les factures ouvertes de {{customer.name}}, avec leur ancienneté.',
		headers: {
			invoice: 'Facture',
			issued: 'Date',
			due: 'Échéance',
			daysPastDue: 'Jours depuis l’échéance',
			amountDue: 'Montant dû',
		},
		total: 'Total ouvert',
		attachment: 'La même liste est jointe au format CSV pour vos dossiers.',
		closing:
			'Si certaines factures sont déjà réglées ou méritent d’être vérifiées, répondez simplement à cet e-mail et nous ferons le rapprochement.',
		buckets: {
			current: 'Pas encore échu',
			'1-30': '1 à 30 jours',
			'31-60': '31 à 60 jours',
			'61-90': '61 à 90 jours',
			'90+': 'Plus de 90 jours',
		},
		aging: 'Par ancienneté',
	},
});
