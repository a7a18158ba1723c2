/** What a message in each shipped language must look like: its locale, €1,234.56 and 2 March 2026 written there. */
export const LOCALE_OF: Readonly<Record<string, string>> = {
	en: 'en-US',
	de: 'de-DE',
	fr: 'fr-FR',
	es: 'es-ES',
	nl: 'nl-NL',
};

export const EUR_1234_56: Readonly<Record<string, string>> = {
	en: '€1,234.56',
	de: '1.234,56 €',
	fr: '1 234,56 €',
	es: '1234,56 €',
	nl: '€ 1.234,56',
};

/** A day of March 2026 in each language's long date. */
export function marchDate(language: string, day: number): string {
	return {
		en: `March ${day}, 2026`,
		de: `${day}. März 2026`,
		fr: `${day} mars 2026`,
		es: `${day} de marzo de 2026`,
		nl: `${day} maart 2026`,
	}[language]!;
}

/** Narrow and ordinary no-break spaces as plain spaces, so expectations read as typed. */
export const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/** English words that must not survive in a message written in another language. */
const ENGLISH =
	/\b(?:the|invoice|invoices|due|please|payment|hello|regards|amount|reply|thank|thanks|you|your|pay|reminder|received?|statement|open|days?|issued)\b/i;

/** The first English word a customer would read in a message part (tags, links and addresses left out). */
export function englishIn(part: string): string | undefined {
	const visible = part
		.replace(/<[^>]+>/g, ' ')
		.replace(/https?:\/\/\S+/g, ' ')
		.replace(/[\w.+-]+@[\w.-]+/g, ' ');
	return ENGLISH.exec(visible)?.[0];
}
