import type { Wording } from './wording';

/** Spanish, formal "usted" throughout. */
export const ES: Wording = {
	locale: 'es-ES',
	greeting: 'Hola, {{fallback contact.name customer.name}}',
	regards: 'Un cordial saludo,',
	senderFallback: 'Departamento de Administración',
	labels: {
		invoice: 'Factura',
		amountDue: 'Importe pendiente',
		dueDate: 'Fecha de vencimiento',
		payOnline: 'Pagar en línea',
		payInvoiceOnline: 'Pagar la factura {{invoice.number}} en línea',
		viewInvoice: 'Ver la factura',
		invoicePdf: 'Factura en PDF',
		amountPaid: 'Importe pagado',
	},
	sms: {
		facts: 'Factura {{invoice.number}}, {{invoice.amountDue}}, vence el {{invoice.dueDate}}.',
		pay: 'Pagar',
	},
	previousReminder: 'Este mensaje sigue a nuestro recordatorio del {{previous.date}}.',
	lateFee:
		'Según nuestras condiciones de pago, a {{lateFee.date}} esta factura ha generado intereses y gastos por pago tardío de {{lateFee.total}}.',
	reminders: {
		'reminder-before-due': {
			subject: 'Próximo vencimiento: la factura {{invoice.number}} vence el {{invoice.dueDate}}',
			opening:
				'Le escribimos con un breve y amable aviso: la factura {{invoice.number}} de {{customer.name}} vence pronto. Si ya tiene el pago programado, muchas gracias, y no tenga en cuenta este mensaje.',
			closing:
				'Si algo en la factura necesita revisarse, responda a este correo y lo resolveremos.',
			sms: 'Hola, un amable recordatorio: una factura vence pronto.',
		},
		'due-today': {
			subject: 'La factura {{invoice.number}} vence hoy',
			opening:
				'La factura {{invoice.number}} de {{customer.name}} vence hoy. Gracias por gestionar el pago.',
			closing:
				'Si el pago ya está en camino, muchas gracias. Si tiene alguna pregunta sobre la factura, responda a este correo.',
			sms: 'Hola, le recordamos que una factura vence hoy.',
		},
		'overdue-reminder': {
			subject: 'Recordatorio: la factura {{invoice.number}} está vencida',
			opening:
				'Según nuestros registros, la factura {{invoice.number}} de {{customer.name}} vencía el {{invoice.dueDate}} y sigue pendiente. Quizá se haya pasado por alto; ¿podría revisarla?',
			closing:
				'Si ya la ha pagado, indíquenos por favor la fecha del pago para que podamos identificarlo.',
			sms: 'Hola, según nuestros registros hay una factura vencida.',
		},
		'overdue-polite': {
			subject: 'La factura {{invoice.number}} lleva {{invoice.daysPastDue}} días vencida',
			opening:
				'Todavía no hemos recibido el pago de la factura {{invoice.number}}, que vencía el {{invoice.dueDate}}. Le agradeceríamos que gestionara el pago o nos indicara cuándo podemos esperarlo.',
			closing:
				'Si algo está retrasando el pago, como un número de pedido que falta o una duda sobre el importe, respóndanos y le ayudaremos.',
			sms: 'Hola, hay una factura vencida; ¿podría indicarnos cuándo podemos esperar el pago?',
			refersToPrevious: true,
		},
		'overdue-follow-up': {
			subject: 'Seguimiento: factura {{invoice.number}}',
			opening:
				'Volvemos a escribirle sobre la factura {{invoice.number}}, con vencimiento el {{invoice.dueDate}}, que sigue sin pagarse. ¿Podría confirmarnos cuándo se realizará el pago?',
			closing:
				'Nos basta con una breve respuesta con la fecha prevista de pago. Si hay algún problema con la factura, díganoslo y lo resolveremos enseguida.',
			sms: 'Hola, le escribimos de nuevo por una factura pendiente; ¿podría confirmarnos una fecha de pago?',
			refersToPrevious: true,
		},
		'overdue-firm': {
			subject: 'Acción necesaria: la factura {{invoice.number}} está vencida',
			opening:
				'La factura {{invoice.number}} vencía el {{invoice.dueDate}} y lleva ya {{invoice.daysPastDue}} días vencida. Le rogamos que gestione el pago del importe pendiente esta semana o que nos responda con la fecha en que prevé pagar.',
			closing:
				'Si hay algún motivo por el que no se pueda pagar la factura, díganoslo para que busquemos juntos una solución.',
			sms: 'Hola, una factura está vencida; le rogamos que gestione el pago o nos indique una fecha.',
			refersToPrevious: true,
		},
		'final-notice': {
			subject: 'Último recordatorio: factura {{invoice.number}}',
			opening:
				'Este es nuestro último recordatorio automático sobre la factura {{invoice.number}}, con vencimiento el {{invoice.dueDate}}, que sigue sin pagarse. Le rogamos que gestione el pago o nos indique una fecha de pago.',
			closing:
				'Después de este mensaje, una persona de nuestro equipo se pondrá en contacto con usted para encontrar juntos una solución.',
			sms: 'Hola, este es nuestro último recordatorio automático sobre una factura pendiente.',
			refersToPrevious: true,
		},
	},
	receiptCheck: {
		subject: '¿Ha recibido la factura {{invoice.number}}?',
		opening:
			'Hace poco le enviamos la factura {{invoice.number}} de {{customer.name}} y queremos asegurarnos de que le llegó correctamente y a la persona adecuada.',
		closing:
			'Si debe enviarse a otra persona o le falta un número de pedido, responda a este correo. Si no, no es necesario hacer nada antes del vencimiento.',
	},
	thankYou: {
		subject: 'Gracias por su pago de la factura {{invoice.number}}',
		body: 'Gracias por su pago de la factura {{invoice.number}}. Lo hemos recibido y la factura queda saldada.',
		closing: 'Le agradecemos su confianza.',
	},
	callTask: {
		subject: 'Llamar a {{customer.name}} por la factura {{invoice.number}}',
		text: 'Llame a {{fallback contact.name customer.name}}{{#if contact.title}} ({{contact.title}}){{/if}} de {{customer.name}}{{#if contact.phone}} al {{contact.phone}}{{/if}}{{#if contact.email}} ({{contact.email}}){{/if}}.\n\n- Preséntese y confirme que habla con la persona que gestiona las facturas.\n- Factura {{invoice.number}}, {{invoice.amountDue}} pendientes, vencía el {{invoice.dueDate}}.\n- Pregunte si recibieron la factura y si algo impide el pago.\n- Acuerde una fecha de pago y anótela (un compromiso de pago pausa los recordatorios).\n{{#if invoice.paymentUrl}}- Ofrezca el enlace de pago: {{invoice.paymentUrl}}\n{{/if}}- Mantenga la cortesía; las disconformidades y quejas van al responsable de la cuenta.',
	},
	manualTask: {
		subject: 'Hacer seguimiento con {{customer.name}} de la factura {{invoice.number}}',
		text: 'Haga seguimiento con {{customer.name}} de la factura {{invoice.number}} ({{invoice.amountDue}}, vencía el {{invoice.dueDate}}).',
	},
	handoff: {
		subject: 'Traspaso: factura {{invoice.number}} ({{customer.name}})',
		text: 'Los recordatorios automáticos de la factura {{invoice.number}} ({{customer.name}}, {{invoice.amountDue}} pendientes desde el {{invoice.dueDate}}) han terminado. A partir de ahora, una persona se encarga del seguimiento.',
	},
	consolidated: {
		subject:
			'{{totals.count}} {{plural totals.count "factura pendiente" "facturas pendientes"}} de {{customer.name}}',
		intro:
			'Le enviamos un resumen de {{plural totals.count "la factura pendiente" "las facturas pendientes"}} de {{customer.name}}:',
		line: 'Factura: {{number}}, importe pendiente: {{amountDue}}, vencimiento: {{dueDate}}{{#if paymentUrl}}, pagar en línea: {{paymentUrl}}{{/if}}',
		headers: { invoice: 'Factura', amountDue: 'Importe pendiente', dueDate: 'Vencimiento' },
		payOnline: 'Pagar en línea',
		total: 'Total pendiente',
		closing: 'Si alguna ya está pagada o necesita revisarse, responda a este correo.',
	},
	statement: {
		subject: 'Extracto de cuenta de {{customer.name}} a {{statement.date}}',
		intro:
			'A continuación encontrará su extracto de cuenta a {{statement.date}}: todas las facturas pendientes de {{customer.name}}, con su antigüedad.',
		headers: {
			invoice: 'Factura',
			issued: 'Fecha',
			due: 'Vencimiento',
			daysPastDue: 'Días vencida',
			amountDue: 'Importe pendiente',
		},
		total: 'Total pendiente',
		attachment: 'Adjuntamos la misma lista en un archivo CSV para sus registros.',
		closing:
			'Si alguna de estas facturas ya está pagada o necesita revisarse, responda a este correo y lo conciliaremos.',
		buckets: {
			current: 'Aún no vencido',
			'1-30': 'De 1 a 30 días',
			'31-60': 'De 31 a 60 días',
			'61-90': 'De 61 a 90 días',
			'90+': 'Más de 90 días',
		},
		aging: 'Por antigüedad',
	},
};
