/** Extractors for amounts, e-mail addresses, invoice numbers, requested documents and the reply's language. */
import { currencyDecimals, minorToMajor, parseDecimalToMinor } from '../money';
import type { DocumentKind, ExtractedAmount } from './schema';
import type { DayOrder } from './dates';

const SYMBOLS: Readonly<Record<string, string>> = {
	$: 'USD',
	'€': 'EUR',
	'£': 'GBP',
	'¥': 'JPY',
	us$: 'USD',
	ca$: 'CAD',
	a$: 'AUD',
	c$: 'CAD',
};
const CODES = 'usd|eur|gbp|chf|cad|aud|nzd|jpy|sek|nok|dkk|pln|mxn|brl|inr|sgd|hkd|zar|czk';
const WORDS: Readonly<Record<string, string>> = {
	euro: 'EUR',
	euros: 'EUR',
	dollars: 'USD',
	dollar: 'USD',
	pounds: 'GBP',
	francs: 'CHF',
};
const NUMBER = String.raw`\d{1,3}(?:[,. '\u202f]\d{3}){1,5}(?:[.,]\d{1,2})?|\d{1,12}(?:[.,]\d{1,2})?`;
const AMOUNT_PREFIX = new RegExp(
	String.raw`(us\$|ca\$|a\$|c\$|[$€£¥]|\b(?:${CODES})\b) ?(${NUMBER})(?!\d)`,
	'gi',
);
const AMOUNT_SUFFIX = new RegExp(
	String.raw`(?<![\d.,])(${NUMBER}) ?([$€£]|\b(?:${CODES}|euros?|dollars?|pounds)\b)`,
	'gi',
);

/** "1,250.00" / "1.250,00" / "1 250" / "12,50" to a plain decimal text. */
function plainDecimal(text: string): string {
	const compact = text.replace(/[ '\u202f]/g, '');
	const lastSep = Math.max(compact.lastIndexOf('.'), compact.lastIndexOf(','));
	if (lastSep === -1) return compact;
	const decimals = compact.length - lastSep - 1;
	if (decimals === 3) return compact.replace(/[.,]/g, '');
	return `${compact.slice(0, lastSep).replace(/[.,]/g, '')}.${compact.slice(lastSep + 1)}`;
}

function amountOf(text: string, numberText: string, currencyToken: string): ExtractedAmount | null {
	const token = currencyToken.toLowerCase();
	const currency =
		SYMBOLS[token] ??
		WORDS[token] ??
		(token.length === 3 && /^[a-z]{3}$/.test(token) ? token.toUpperCase() : null);
	const decimal = plainDecimal(numberText);
	const minor = parseDecimalToMinor(decimal, currency ?? 'USD');
	if (minor === null || minor <= 0) return null;
	const value = minorToMajor(minor, currency ?? 'USD');
	return {
		text: text.trim(),
		value: currency && currencyDecimals(currency) === 0 ? Math.round(value) : value,
		currency,
		minor: currency ? minor : null,
	};
}

/** Money amounts written with a currency (symbol, ISO code or word), in reading order. */
export function findAmounts(original: string): Array<ExtractedAmount & { start: number }> {
	const found: Array<ExtractedAmount & { start: number }> = [];
	for (const re of [AMOUNT_PREFIX, AMOUNT_SUFFIX]) {
		re.lastIndex = 0;
		let match: RegExpExecArray | null;
		while ((match = re.exec(original)) !== null && found.length < 50) {
			const amount =
				re === AMOUNT_PREFIX
					? amountOf(match[0], match[2], match[1])
					: amountOf(match[0], match[1], match[2]);
			if (amount && !found.some((other) => Math.abs(other.start - match!.index) < 3))
				found.push({ ...amount, start: match.index });
		}
	}
	return found.sort((a, b) => a.start - b.start);
}

const LOCAL_CHAR = /[a-z0-9._%+-]/i;
const DOMAIN_CHAR = /[a-z0-9.-]/i;
const DOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,62}\.){1,6}[a-z]{2,24}$/i;

/**
 * E-mail addresses, found from each "@" outwards (at most 64 characters left, 253 right), so a body of
 * a thousand "a@a@a@" costs linear time instead of a regex's backtracking.
 */
export function findEmails(text: string): Array<{ address: string; start: number }> {
	const found: Array<{ address: string; start: number }> = [];
	let at = text.indexOf('@');
	let examined = 0;
	while (at !== -1 && found.length < 20 && examined++ < 500) {
		let start = at;
		while (start > 0 && at - start < 64 && LOCAL_CHAR.test(text[start - 1])) start--;
		let end = at + 1;
		while (end < text.length && end - at <= 253 && DOMAIN_CHAR.test(text[end])) end++;
		const local = text.slice(start, at).replace(/^[._%+-]+/, '');
		const domain = text.slice(at + 1, end).replace(/[.-]+$/, '');
		if (local.length > 0 && DOMAIN.test(domain))
			found.push({ address: `${local}@${domain}`.toLowerCase(), start: at - local.length });
		at = text.indexOf('@', at + 1);
	}
	return found;
}

const INVOICE_NUMBER =
	/\b(?:invoices?|inv|rechnung(?:snummer|snr)?|facture|factura|bill)\.?(?: (?:no|nr|n°|nº|n\.o|number|num|numero|nummer|#)\.?)? ?[:#]? ?(?:n° ?)?([a-z]{0,6}[-/]?\d[a-z0-9/-]{0,20})/gi;
const BARE_INVOICE_ID = /\b((?:inv|rg|re|fa|fac|fact)[-_]?\d{3,}[a-z0-9-]{0,12})\b/gi;

/** Invoice references: "invoice #1042", "INV-2026-0042", "Rechnung Nr. 4711", "facture n° F-12", "factura 123". */
export function findInvoiceNumbers(original: string): string[] {
	const found = new Map<string, string>();
	for (const re of [INVOICE_NUMBER, BARE_INVOICE_ID]) {
		re.lastIndex = 0;
		let match: RegExpExecArray | null;
		while ((match = re.exec(original)) !== null && found.size < 20) {
			// "INV-1043" is the bare-id pattern's; the keyword pattern only takes ids set apart by a space, colon or #.
			if (/^[-/]/.test(match[1])) continue;
			const id = match[1].replace(/[-/.]+$/, '');
			// "invoice 2" (a count) or a bare year is not a reference.
			if (id.replace(/\D/g, '').length < 3 || /^(?:19|20)\d\d$/.test(id)) continue;
			const key = id.toUpperCase();
			if (!found.has(key)) found.set(key, id);
		}
	}
	return [...found.values()];
}

const DOCUMENT_PATTERNS: ReadonlyArray<[DocumentKind, RegExp]> = [
	[
		'purchase_order',
		/\b(?:po|p\.o\.|purchase order|po number|po#|bestellnummer|bestellschein|bon de commande|numero de commande|orden de compra|numero de pedido|numero de orden)\b/,
	],
	['w9', /\b(?:w-?9|w-?8(?:ben)?(?:-e)?|tax (?:form|id form)|form w9)\b/],
	[
		'receipt',
		/\b(?:receipt|payment confirmation|quittung|zahlungsbestatigung|recibo|justificatif de paiement)\b/,
	],
	[
		'statement',
		/\b(?:statement|account summary|kontoauszug|saldenbestatigung|releve|estado de cuenta)\b/,
	],
	[
		'bank_details',
		/\b(?:bank (?:details|letter|account|information|info)|banking (?:details|information)|wire (?:details|instructions)|iban|bankverbindung|kontoverbindung|coordonnees bancaires|rib|datos bancarios)\b/,
	],
	['credit_note', /\b(?:credit (?:note|memo)|gutschrift|avoir|nota de credito)\b/],
	[
		'invoice_copy',
		/\b(?:invoice|invoices|bill|pdf|attachment|copy|rechnung|rechnungskopie|facture|duplicata|factura|copia)\b/,
	],
];

/** The documents a request sentence (normalised) asks for. */
export function documentsIn(sentence: string): DocumentKind[] {
	const kinds: DocumentKind[] = [];
	for (const [kind, re] of DOCUMENT_PATTERNS) {
		if (re.test(sentence)) kinds.push(kind);
	}
	// "a copy of the PO" asks for the PO, not for an invoice copy.
	if (
		kinds.length > 1 &&
		kinds.includes('invoice_copy') &&
		!/\b(?:invoice|rechnung|facture|factura|bill)\b/.test(sentence)
	) {
		return kinds.filter((kind) => kind !== 'invoice_copy');
	}
	return kinds;
}

const LANGUAGE_MARKERS: ReadonlyArray<[string, RegExp]> = [
	['en', /\b(?:the|we|is|and|will|you|our|this|have|please)\b/g],
	['de', /\b(?:und|die|der|wir|ist|nicht|sie|ihre|bitte|das|mit)\b/g],
	['fr', /\b(?:nous|vous|est|les|pas|une|des|pour|avec|votre|merci)\b/g],
	['es', /\b(?:el|los|las|que|por|para|hemos|una|con|su|gracias|pago|hola)\b/g],
	['nl', /\b(?:het|een|niet|wij|zijn|voor|met|van|graag|bedankt|factuur|jullie|ons)\b/g],
	['it', /\b(?:il|che|non|per|della|sono|grazie|abbiamo|fattura|questa|gli|pagamento)\b/g],
	['pt', /\b(?:nao|uma|para|com|os|voces|obrigad[oa]|fatura|pagamento|estamos|pela|pelo)\b/g],
];

/** The reply's language (en, de, fr, es, nl, it, pt) by counting common words in its first 2 000 characters. */
export function guessLanguage(normalised: string): string {
	const sample = normalised.slice(0, 2000);
	let best = 'en';
	let bestCount = 0;
	for (const [language, re] of LANGUAGE_MARKERS) {
		const count = sample.match(re)?.length ?? 0;
		if (count > bestCount) {
			best = language;
			bestCount = count;
		}
	}
	return best;
}

/** Zones whose writers put the month first (12/15): the United States, Canada's English zones, the Philippines. */
const MONTH_FIRST_ZONE =
	/^(?:America\/(?:New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Detroit|Boise|Juneau|Sitka|Nome|Adak|Yakutat|Menominee|Metlakatla|Indiana\/\w+|Kentucky\/\w+|North_Dakota\/\w+|Toronto|Vancouver|Edmonton|Winnipeg|Halifax|Regina|St_Johns)|US\/\w+|Pacific\/Honolulu|Asia\/Manila|Etc\/UTC|UTC)$/;

/**
 * Month first only for English from a month-first zone (or no known zone); "05/12" from London, Berlin or Madrid
 * is the 5th of December.
 */
export function dayOrderFor(language: string, timezone = 'UTC'): DayOrder {
	return language === 'en' && MONTH_FIRST_ZONE.test(timezone) ? 'mdy' : 'dmy';
}
