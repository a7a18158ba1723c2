/**
 * Reply parsing: HTML to text, quoted history, signatures, auto-replies and bounces.
 * Everything here is a single left-to-right pass (indexOf scans and anchored, bounded patterns), so a hostile
 * 100 KB body costs linear time.
 */
import { REPLY_TEXT, htmlToText as htmlText } from '../htmlText';

export interface ParsedReply {
	/** The new words of the reply: no quoted history, no signature, no disclaimer. */
	body: string;
	/** The whole text (HTML converted), kept for bounce diagnostics. */
	full: string;
	quotedHistoryRemoved: boolean;
	signatureRemoved: boolean;
	/** Why the reply looks automatic ("header auto-submitted: auto-replied"), or null. */
	autoReply: string | null;
	/** Why the reply looks like a delivery status notification, or null. */
	bounce: string | null;
	/** The subject, when the customer wrote one (not "Re: <our subject>"). */
	ownSubject: string | null;
}

/** HTML to plain text: quoted blocks cut, scripts and styles dropped, block tags to line breaks, entities decoded. */
export function htmlToText(html: string): string {
	return htmlText(html, REPLY_TEXT);
}

// Quote headers, tested per line (each pattern is anchored and bounded).
const WROTE_LINE = [
	/^on\b.{0,300}\bwrote:?$/i, // On Mon, Nov 3, 2026 at 10:02 AM Jane <jane@x.com> wrote:
	/^am\b.{0,300}\bschrieb\b.{0,200}:?$/i, // Am 03.11.2026 um 10:02 schrieb Jane <jane@x.com>:
	/^le\b.{0,300}\ba [eé]crit\s?:?$/i, // Le lun. 3 nov. 2026 à 10:02, Jane <jane@x.com> a écrit :
	/^el\b.{0,300}\bescribi[oó]:?$/i, // El lun, 3 nov 2026 a las 10:02, Jane (<jane@x.com>) escribió:
	/^.{0,200}<[^<>\s]{1,100}@[^<>\s]{1,100}>\s?(?:wrote|schrieb|a [eé]crit|escribi[oó])\s?:?$/i,
	// Dutch, Italian and Portuguese: "Op ma 16 nov. 2026 om 09:02 schreef Jane <jane@x.com>:",
	// "Il giorno lun 16 nov 2026 alle ore 09:02 Jane <jane@x.com> ha scritto:", "Em seg., 16 de nov. de 2026 às 09:02, Jane <jane@x.com> escreveu:"
	/^op\b.{0,300}\bschreef\b.{0,200}:?$/i,
	/^(?:il\b|in data\b).{0,300}\bha scritto\s?:?$/i,
	/^(?:em|no dia|a)\b.{0,300}\bescreveu\s?:?$/i,
	/^.{0,200}<[^<>\s]{1,100}@[^<>\s]{1,100}>\s?(?:schreef|ha scritto|escreveu)\s?:?$/i,
];
const SEPARATOR_LINE = [
	/^-{2,}\s?(?:original message|ursprüngliche nachricht|originalnachricht|message d'origine|mensaje original|forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado)\s?-{2,}$/i,
	/^-{2,}\s?(?:oorspronkelijk bericht|origineel bericht|doorgestuurd bericht|messaggio originale|messaggio inoltrato|mensagem original|mensagem encaminhada)\s?-{2,}$/i,
	/^(?:begin forwarded message|anfang der weitergeleiteten nachricht|début du message réexpédié|inicio del mensaje reenviado):?$/i,
	/^_{10,}$/,
];
/** Outlook header blocks: a From line followed within four lines by Sent/Date/To/Subject, in seven languages. */
const OUTLOOK_FROM = /^\*?(?:from|von|de|van|da|from\s?:|de\s?:)\s?:\*?\s?\S/i;
const OUTLOOK_NEXT =
	/^\*?(?:sent|date|to|subject|cc|gesendet|datum|an|betreff|envoy[ée]|[àa]|objet|date d'envoi|enviado(?: el)?|fecha|para|asunto|verzonden|aan|onderwerp|inviato|data|oggetto|enviada|assunto)\s?:/i;

/** Lines that begin a signature or a disclaimer. */
const SIGNATURE_START = [
	/^--\s?$/,
	/^(?:sent from my|get outlook for|envoy[ée] de mon|von meinem .{1,20} gesendet|enviado desde mi)\b/i,
	/^(?:verzonden (?:vanaf|met) mijn|verstuurd vanaf mijn|inviato da|enviado do meu|enviado a partir do)\b/i,
	/^(?:dit (?:e-?mail)?bericht (?:en eventuele bijlagen )?(?:is|kan|bevat)|deze e-?mail (?:is|kan|bevat)|de informatie (?:in|verzonden met) dit|questa (?:e-?mail|email|mail|comunicazione)(?: e i suoi allegati)? (?:[eè]|contiene|pu[oò])|le informazioni contenute|ai sensi del (?:regolamento|d\.? ?lgs)|esta mensagem (?:[eé]|pode|cont[eé]m)|este e-?mail (?:[eé]|pode|cont[eé]m)|as informa[çc][õo]es contidas|aviso de confidencialidade)/i,
	/^(?:confidentiality notice|disclaimer|this (?:e-?mail|message)(?: and any attachments?)? (?:is|are|may|contains?)|the information (?:contained )?in this (?:e-?mail|message)|diese e-?mail (?:enth[äa]lt|ist)|ce (?:message|courriel) (?:et|est|peut)|este (?:correo|mensaje) (?:y|es|puede|contiene))/i,
];
/** Sign-offs: a short line on its own; what follows is cut when it is short (a name, a title, a phone). */
const SIGN_OFF =
	/^(?:thanks?(?: (?:again|so much|a lot))?|thank you(?: (?:again|very much))?|many thanks|thx|cheers|best|all the best|best wishes|(?:best|kind|warm|warmest)? ?regards|respectfully|sincerely(?: yours)?|yours(?: (?:truly|sincerely|faithfully))?|mit freundlichen gr[üu](?:ß|ss)en|freundliche gr[üu](?:ß|ss)e|viele gr[üu](?:ß|ss)e|beste gr[üu](?:ß|ss)e|gr[üu](?:ß|ss)e|lg|mfg|cordialement|bien cordialement|bien [àa] vous|salutations(?: distingu[ée]es)?|merci(?: beaucoup)?|saludos(?: cordiales)?|un saludo|atentamente|gracias|muchas gracias|(?:met )?vriendelijke groet(?:en)?|(?:hartelijke |beste )?groet(?:en|jes)?|mvg|cordiali saluti|distinti saluti|(?:un )?saluto|saluti|atenciosamente|cumprimentos|(?:com os )?melhores cumprimentos|abra[çc]os?|att|obrigad[oa])[ ,.!]*$/i;

export interface StripResult {
	body: string;
	quoted: boolean;
	signature: boolean;
}

/** Cuts quoted history (first quote header), `>` lines, and the signature. */
export function stripReply(text: string): StripResult {
	const lines = text.replace(/\r\n?/g, '\n').split('\n');
	const kept: string[] = [];
	let quoted = false;
	let signature = false;
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index].trim();
		if (line.startsWith('>')) {
			quoted = true;
			continue;
		}
		if (line.length > 0 && line.length <= 500 && isQuoteHeader(lines, index, line)) {
			quoted = true;
			break;
		}
		if (
			line.length > 0 &&
			line.length <= 400 &&
			SIGNATURE_START.some((pattern) => pattern.test(line))
		) {
			signature = true;
			break;
		}
		kept.push(lines[index]);
	}
	// Sign-off: cut at the last short sign-off line when a little (a name, a title) follows it and something precedes it.
	for (let index = kept.length - 1; index > 0; index--) {
		const line = kept[index].trim();
		if (line.length > 0 && line.length <= 40 && SIGN_OFF.test(line)) {
			const after = kept.slice(index + 1).filter((rest) => rest.trim() !== '').length;
			const before = kept.slice(0, index).some((rest) => rest.trim() !== '');
			if (after <= 8 && before) {
				kept.length = index;
				signature = true;
			}
			break;
		}
		if (kept.length - index > 10) break;
	}
	return { body: kept.join('\n').trim(), quoted, signature };
}

function isQuoteHeader(lines: string[], index: number, line: string): boolean {
	if (SEPARATOR_LINE.some((pattern) => pattern.test(line))) {
		// An underline of "_" is only a separator when an Outlook block follows.
		return line[0] !== '_' || OUTLOOK_FROM.test((lines[index + 1] ?? '').trim());
	}
	if (WROTE_LINE.some((pattern) => pattern.test(line))) return true;
	// "On Mon, Nov 3, 2026 at 10:02 AM Jane Doe <jane@x.com>" + "wrote:" on the next line (Gmail wraps long headers).
	const next = (lines[index + 1] ?? '').trim();
	if (
		/^(?:on|am|le|el)\b/i.test(line) &&
		next.length < 60 &&
		/^(?:wrote|schrieb|a [eé]crit|escribi[oó])\b/i.test(next)
	)
		return true;
	if (OUTLOOK_FROM.test(line)) {
		for (let ahead = index + 1; ahead <= index + 4 && ahead < lines.length; ahead++) {
			if (OUTLOOK_NEXT.test(lines[ahead].trim())) return true;
		}
	}
	return false;
}

function headerValue(headers: Record<string, string | string[]> | undefined, name: string): string {
	if (!headers) return '';
	for (const key of Object.keys(headers)) {
		if (key.toLowerCase() === name) {
			const value = headers[key];
			const text = Array.isArray(value) ? value.join(', ') : String(value ?? '');
			// Some n8n nodes keep the whole header line ("Auto-Submitted: auto-replied").
			return text.toLowerCase().startsWith(`${name}:`)
				? text.slice(name.length + 1).trim()
				: text.trim();
		}
	}
	return '';
}

const AUTO_SUBJECT =
	/^(?:(?:re|aw|antw|sv|rv|r):\s?)?(?:automatic reply|auto(?:matic)?[- ]?reply|auto[- ]?response|autoreply|out of (?:the )?office|ooo\b|away from (?:the )?office|on vacation|on leave|abwesenheitsnotiz|automatische antwort|abwesend|r[ée]ponse automatique|absence|absent|en cong[ée]|respuesta autom[áa]tica|fuera de (?:la )?oficina|ausencia|risposta automatica|fuori sede)\b/i;
const BOUNCE_SUBJECT =
	/^(?:undeliverable|undelivered mail|delivery status notification \((?:failure|failed)\)|delivery (?:has )?failed|mail delivery (?:failed|failure|subsystem)|returned mail|failure notice|message not delivered|delivery failure|unzustellbar|nicht zustellbar|non remis|non distribu[ée]|échec de la remise|no se puede entregar|no entregado|error de entrega)\b/i;
const BOUNCE_SENDER = /(?:^|[<\s"])(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon)@/i;
const BOUNCE_BODY =
	/\b(?:5\.[0-7]\.\d{1,2}|550[ -]|address not found|user unknown|no such user|mailbox (?:unavailable|not found|does not exist)|recipient address rejected|does not exist|couldn'?t be delivered|could not be delivered|wasn'?t delivered|delivery to the following recipients? failed|permanent(?:ly)? (?:error|fatal|failure)|unzustellbar|n'a pas pu être remis|no se pudo entregar)\b/i;
const DELAY = /\b(?:delayed|delay|will (?:retry|keep trying)|verzögert|retardée?|retrasad[oa])\b/i;

function detectAutoReply(
	headers: Record<string, string | string[]> | undefined,
	subject: string,
): string | null {
	const submitted = headerValue(headers, 'auto-submitted').toLowerCase();
	if (submitted && submitted !== 'no') return `header Auto-Submitted: ${submitted}`;
	for (const name of ['x-autoreply', 'x-autorespond', 'x-autorespond-ms']) {
		const value = headerValue(headers, name).toLowerCase();
		if (value && value !== 'no' && value !== 'false') return `header ${name}: ${value}`;
	}
	const precedence = headerValue(headers, 'precedence').toLowerCase();
	if (precedence === 'auto_reply' || precedence === 'junk' || precedence === 'bulk')
		return `header Precedence: ${precedence}`;
	if (
		headerValue(headers, 'x-ms-exchange-generated-message-source')
			.toLowerCase()
			.includes('mailbox rules')
	)
		return 'header X-MS-Exchange-Generated-Message-Source';
	if (AUTO_SUBJECT.test(subject.trim())) return `subject "${subject.trim().slice(0, 80)}"`;
	return null;
}

function detectBounce(
	headers: Record<string, string | string[]> | undefined,
	subject: string,
	from: string,
	full: string,
): string | null {
	const contentType = headerValue(headers, 'content-type').toLowerCase();
	const subjectLine = subject.trim();
	const isDelayOnly =
		DELAY.test(subjectLine) && !/fail|undeliver|unzustell|non remis/i.test(subjectLine);
	if (contentType.includes('report-type=delivery-status') && !isDelayOnly)
		return 'header Content-Type: multipart/report (delivery-status)';
	if (BOUNCE_SUBJECT.test(subjectLine)) return `subject "${subjectLine.slice(0, 80)}"`;
	if (BOUNCE_SENDER.test(from) && !isDelayOnly && BOUNCE_BODY.test(full.slice(0, 20_000)))
		return `sender ${from.slice(0, 80)}`;
	return null;
}

const REPLY_PREFIX = /^(?:(?:re|aw|antw|sv|rv|r|wg|fw|fwd|tr)\s?(?:\[\d+\])?:\s?)+/i;

export function parseReply(input: {
	subject?: string;
	text?: string;
	html?: string;
	from?: string;
	headers?: Record<string, string | string[]>;
}): ParsedReply {
	const subject = input.subject ?? '';
	const text =
		input.text && input.text.trim() !== '' ? input.text : input.html ? htmlToText(input.html) : '';
	const stripped = stripReply(text);
	return {
		body: stripped.body,
		full: text,
		quotedHistoryRemoved: stripped.quoted,
		signatureRemoved: stripped.signature,
		autoReply: detectAutoReply(input.headers, subject),
		bounce: detectBounce(input.headers, subject, input.from ?? '', text),
		ownSubject: REPLY_PREFIX.test(subject.trim()) || subject.trim() === '' ? null : subject.trim(),
	};
}

/** The address inside "Name <address>" (lower case), or the text itself when it is a bare address. */
export function addressOf(from: string): string {
	const angle = /<([^<>\s]{1,200}@[^<>\s]{1,200})>/.exec(from);
	const address = angle
		? angle[1]
		: (/[^\s<>"',;]{1,200}@[^\s<>"',;]{1,200}/.exec(from)?.[0] ?? '');
	return address.toLowerCase();
}
