import {
	builtInLibraries,
	chooseTemplate,
	consolidateSends,
	lintRendered,
	localisedLibraries,
	parseLocalisedLibraries,
	planCadenceStep,
	renderMessage,
	REMINDER_KEYS,
	SHIPPED_LANGUAGES,
	type CadencePlan,
	type CadencePolicyInput,
	type Invoice,
} from '../../src';
import { sampleInvoice } from '../helpers/invoices';

const libraries = builtInLibraries();

/** Narrow and ordinary no-break spaces as plain spaces, so expectations read as typed. */
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

function customer(locale: string, overrides: Partial<Invoice> = {}): Invoice {
	return sampleInvoice({
		currency: 'EUR',
		totalMinor: 123456,
		amountDueMinor: 123456,
		customer: { id: 'cus_1', name: 'Acme GmbH', locale },
		documentUrl: 'https://docs.test/in_1',
		pdfUrl: 'https://docs.test/in_1.pdf',
		...overrides,
	});
}

function everyTemplate(language: string) {
	return Object.entries(libraries[language]).flatMap(([key, entry]) =>
		Object.entries(entry).map(([channel, template]) => ({ key, channel, template: template! })),
	);
}

const statement = {
	date: '20.03.2026',
	rows: [{ number: 'INV-001', issuedDate: 'a', dueDate: 'b', daysPastDue: 18, amountDue: 'c' }],
	totals: [{ currency: 'EUR', amountDue: 'c' }],
	buckets: [{ label: 'x', amountDue: 'c' }],
};

describe('the localised approved library', () => {
	it('ships English, German, French, Spanish and Dutch with the same steps and channels', () => {
		expect(SHIPPED_LANGUAGES.sort()).toEqual(['de', 'en', 'es', 'fr', 'nl']);
		const shape = (language: string) =>
			everyTemplate(language).map(({ key, channel, template }) => [
				key,
				channel,
				Object.keys(template).sort(),
			]);
		for (const language of SHIPPED_LANGUAGES) expect(shape(language)).toEqual(shape('en'));
	});

	it.each(SHIPPED_LANGUAGES)(
		'%s: every step renders (subject, text, HTML) and passes the guardrail lint',
		(language) => {
			const invoice = customer(language);
			for (const { key, channel, template } of everyTemplate(language)) {
				const out = renderMessage(template, invoice, {
					asOfDate: '2026-03-20',
					previousReminderOn: '2026-03-09',
					templateName: key,
					statement,
				});
				expect(out.text.length).toBeGreaterThan(20);
				if (channel === 'email') {
					expect(out.subject).toBeTruthy();
					expect(out.html).toContain('<p>');
				}
				expect({ key, channel, findings: lintRendered(out, { stage: 'reminder' }) }).toEqual({
					key,
					channel,
					findings: [],
				});
			}
		},
	);

	it('keeps the tone progression: the same reminder keys from before-due to final notice in every language', () => {
		for (const language of SHIPPED_LANGUAGES) {
			const subjects = REMINDER_KEYS.map((key) => libraries[language][key].email!.subject);
			expect(new Set(subjects).size).toBe(7);
		}
	});

	it('leaves no English in a German message', () => {
		const english =
			/\b(?:the|invoice|invoices|due|please|payment|hello|regards|amount|reply|thank|thanks|you|your|pay|reminder|past|overdue|kind|statement|accounts|receivable|days?)\b/i;
		const invoice = customer('de-DE', { contact: { email: 'ap@acme.test', name: 'Jana Schmidt' } });
		for (const { key, template } of everyTemplate('de')) {
			const out = renderMessage(template, invoice, {
				asOfDate: '2026-03-20',
				previousReminderOn: '2026-03-09',
				lateFee: { totalMinor: 4000, currency: 'EUR', asOfDate: '2026-03-20' },
				statement,
				templateName: key,
			});
			for (const part of [out.subject ?? '', out.text, out.html ?? '']) {
				const visible = part.replace(/<[^>]+>/g, ' ').replace(/https?:\/\/\S+/g, ' ');
				expect({ key, english: english.exec(visible)?.[0] }).toEqual({ key, english: undefined });
			}
		}
	});

	it.each([
		['en-US', '€1,234.56', 'March 2, 2026', 'March 9, 2026'],
		['de-DE', '1.234,56 €', '2. März 2026', '9. März 2026'],
		['fr-FR', '1 234,56 €', '2 mars 2026', '9 mars 2026'],
		['es-ES', '1234,56 €', '2 de marzo de 2026', '9 de marzo de 2026'],
		['nl-NL', '€ 1.234,56', '2 maart 2026', '9 maart 2026'],
	])('%s: money and dates follow the locale', (locale, money, due, previous) => {
		const language = locale.slice(0, 2);
		const out = renderMessage(libraries[language]['overdue-firm'].email!, customer(locale), {
			asOfDate: '2026-03-20',
			previousReminderOn: '2026-03-09',
		});
		expect(spaces(out.text)).toContain(money);
		expect(spaces(out.text)).toContain(due);
		expect(spaces(out.text)).toContain(previous);
		expect(out.text).toContain('18');
	});

	it('links the invoice document and its PDF in text and HTML, once when the document is the payment page', () => {
		const out = renderMessage(libraries.fr['overdue-polite'].email!, customer('fr-FR'), {
			asOfDate: '2026-03-20',
		});
		expect(spaces(out.text)).toContain('Consulter la facture : https://docs.test/in_1');
		expect(spaces(out.text)).toContain('Facture au format PDF : https://docs.test/in_1.pdf');
		expect(out.html).toContain('<a href="https://docs.test/in_1.pdf">');
		const same = renderMessage(
			libraries.en['overdue-polite'].email!,
			customer('en-US', { documentUrl: 'https://pay.test/in_1', pdfUrl: undefined }),
			{ asOfDate: '2026-03-20' },
		);
		expect(same.text.match(/https:\/\/pay\.test\/in_1/g)).toHaveLength(1);
	});
});

describe('choosing the language', () => {
	it('takes the full tag, then the language, then the fallback', () => {
		const pick = (locale: string | undefined, fallbackLocale?: string) =>
			chooseTemplate(locale, 'due-today', 'email', { libraries, fallbackLocale });
		expect(pick('de-AT')).toMatchObject({ language: 'de', locale: 'de-AT', fellBack: false });
		expect(pick('nl')).toMatchObject({ language: 'nl', locale: 'nl-NL' });
		expect(pick('fr_CA')).toMatchObject({ language: 'fr', locale: 'fr-CA' });
		expect(pick('it-IT')).toMatchObject({ language: 'en', locale: 'en-US', fellBack: true });
		expect(pick('it-IT', 'es-ES')).toMatchObject({ language: 'es', locale: 'es-ES' });
		expect(pick(undefined, 'de-DE')).toMatchObject({ language: 'de', fellBack: false });
	});

	it('a custom library adds a language and overrides wording per language', () => {
		const custom = parseLocalisedLibraries(
			JSON.stringify({
				it: {
					'due-today': {
						email: {
							subject: 'La fattura {{invoice.number}} scade oggi',
							text: 'Buongiorno, la fattura {{invoice.number}} di {{invoice.amountDue}} scade oggi ({{invoice.dueDate}}).',
						},
					},
				},
				de: { 'due-today': { email: { subject: 'Heute fällig', text: 'Eigener Text' } } },
			}),
		);
		const all = localisedLibraries(custom);
		const italian = chooseTemplate('it-IT', 'due-today', 'email', { libraries: all });
		expect(italian).toMatchObject({ language: 'it', locale: 'it-IT' });
		expect(
			spaces(renderMessage(italian.template, customer('it-IT'), { messageLocale: 'it-IT' }).text),
		).toBe('Buongiorno, la fattura INV-001 di 1234,56 € scade oggi (2 marzo 2026).');
		// A key the Italian library lacks falls back to the policy's language.
		expect(
			chooseTemplate('it-IT', 'overdue-firm', 'email', { libraries: all, fallbackLocale: 'fr-FR' }),
		).toMatchObject({ language: 'fr' });
		// German keeps every other shipped template.
		expect(all.de['due-today'].email!.text).toBe('Eigener Text');
		expect(all.de['overdue-firm'].email!.subject).toContain('überfällig');
	});

	it('names the language and path of an invalid custom library', () => {
		expect(() => parseLocalisedLibraries({ it: { 'due-today': { email: {} } } })).toThrow(
			/"it" library is not valid: due-today\.email\.text/,
		);
		expect(() => parseLocalisedLibraries('{')).toThrow(/not valid JSON/);
	});
});

describe('planCadenceStep in the customer language', () => {
	const asOf = '2026-03-16T10:00:00Z';

	it('sends a German customer the German step, with the previous reminder by date', () => {
		const plan = planCadenceStep(customer('de-DE'), 'standard-5', {
			asOf,
			history: [{ stepId: 'overdue-7', at: '2026-03-09T09:00:00Z', status: 'sent' }],
		});
		expect(plan).toMatchObject({ action: 'send', step: { id: 'overdue-14' } });
		expect(plan.message!.locale).toBe('de-DE');
		expect(plan.message!.subject).toBe('Bitte um Zahlung: Rechnung INV-001 ist überfällig');
		expect(plan.message!.text).toContain('Wir hatten Sie bereits am 9. März 2026');
		expect(spaces(plan.message!.text)).toContain('Offener Betrag: 1.234,56 €');
	});

	it('falls back to the policy language for a language nobody ships, formatted in that language', () => {
		const policy: CadencePolicyInput = {
			name: 'fr-fallback',
			steps: [
				{ id: 'due', offsetDays: 0, channel: 'email', tone: 'neutral', template: 'due-today' },
			],
			messages: { fallbackLocale: 'fr-FR' },
		};
		const plan = planCadenceStep(customer('ja-JP'), policy, { asOf: '2026-03-02T10:00:00Z' });
		expect(plan.action).toBe('send');
		expect(plan.message!.locale).toBe('fr-FR');
		expect(plan.message!.subject).toBe('La facture INV-001 arrive à échéance aujourd’hui');
		expect(spaces(plan.message!.text)).toContain('1 234,56 €');
	});

	it('can leave the previous reminder out', () => {
		const plan = planCadenceStep(
			customer('en-US'),
			{
				name: 'quiet',
				steps: [
					{
						id: 'firm',
						offsetDays: 14,
						channel: 'email',
						tone: 'firm',
						template: 'overdue-firm',
					},
				],
				messages: { referToPreviousReminder: false },
			},
			{ asOf, history: [{ stepId: 'x', at: '2026-03-09T09:00:00Z', status: 'sent' }] },
		);
		expect(plan.message!.text).not.toContain('This follows our reminder');
	});

	it('consolidates in the customer language', () => {
		const plans: CadencePlan[] = [];
		const invoices = [
			customer('nl-NL'),
			customer('nl-NL', { id: 'in_2', number: 'INV-002', paymentUrl: 'https://pay.test/in_2' }),
		];
		for (const invoice of invoices) plans.push(planCadenceStep(invoice, 'standard-5', { asOf }));
		const [group] = consolidateSends(
			invoices.map((invoice, index) => ({ invoice, plan: plans[index], index })),
		);
		expect(group.message!.subject).toBe('2 openstaande facturen voor Acme GmbH');
		expect(group.message!.locale).toBe('nl-NL');
		expect(group.findings).toEqual([]);
	});
});

describe('minimum balance', () => {
	it('stops the cadence while the amount due is below the policy minimum', () => {
		const steps: CadencePolicyInput['steps'] = [
			{ id: 'due', offsetDays: 0, channel: 'email', tone: 'neutral', template: 'due-today' },
		];
		const asOf = '2026-03-02T10:00:00Z';
		const small = customer('en-US', { amountDueMinor: 499 });
		expect(
			planCadenceStep(small, { steps, messages: { minimumBalanceMinor: 500 } }, { asOf }),
		).toMatchObject({ action: 'stop', rule: 'below_minimum' });
		expect(
			planCadenceStep(small, { steps, messages: { minimumBalanceMinor: 499 } }, { asOf }).action,
		).toBe('send');
	});
});
