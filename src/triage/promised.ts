/**
 * Which of a reply's dates is the promised payment date, and whether there is one at all.
 *
 * A commitment to pay on a date counts whatever the reply's label ("send the W-9; the check goes out Tuesday
 * regardless", "we pay the 62 m² on Friday, the rest we discuss"), so besides the rules' promise sentences a sentence
 * with a payment word (pay, transfer, run, Überweisung, virement, pago, betaling, bonifico, transferência ...) and a
 * future date is read too, unless it is negated, about a payment already made, or about an absence. Inside a sentence
 * the date right after a payment word wins over one that only sets the scene ("memberships renew on the 28th and I'll
 * pay on the 31st"); "today or tomorrow" is the later day.
 * Every pattern is a bounded alternation scanned once; the number of cue matches is capped.
 */
import { dayNumber } from '../dates';
import { WEEKDAY, type DateMention } from './dates';
import type { Span } from './text';

/** Words that carry a payment in the seven languages (normalised text: lower case, no accents). */
const PAY_CUE =
	/\b(?:pay|pays|paying|paid|payment|transfer|transferred|wire|remit|remittance|settle|settled|cheque|ach|bacs|eft|run|goes out|go out|going out|scheduled|planned|queued|released?|on your account|in your account|hit your account|eingeplant|geplant|auf dem konto|auf ihrem konto|prevu|sort|sortira|sai|parte|partira|saldra|sale (?=el |este |esta |hoy|manana)|programad[oa]|programmat[oa]|pianificat[oa]|gepland|planning|op uw rekening|op jullie rekening|sur votre compte|en su cuenta|sul vostro conto|na sua conta|na vossa conta|zahl\w{0,12}|bezahl\w{0,8}|uberweis\w{0,8}|ueberweis\w{0,8}|begleich\w{0,6}|zahllauf|zahlungslauf|angewiesen|pai\w{0,8}|paye\w{0,6}|regl\w{0,8}|reglement|vir\w{0,8}|versement|solde\w{0,3}|pag\w{0,8}|transfer\w{0,8}|abon\w{0,6}|remesa|ingres\w{0,6}|liquid\w{0,8}|betaal\w{0,6}|betal\w{0,6}|overma\w{0,6}|overschrij\w{0,6}|schrijven we|schrijf ik|maak ik|maken we|voldaan|voldoen|betaalrun|ingepland|de deur uit|bonifico|sald\w{0,6}|distinta|versamento|corrispost\w{0,2}|accredit\w{0,6}|mandato|pix|boleto|deposit\w{0,6}|quit\w{0,6}|agendad\w{0,2}|lote|ordem bancaria|emitid\w{0,2})\b/g;

/** A payment already made: the date in that sentence is not a promise (unless a future marker says otherwise). */
const PAST_PAYMENT =
	/\b(?:already|bereits|schon|deja|ya|reeds|gia|ja (?:foi|esta|estava|fizemos|pagamos|paguei|transferi)|we paid|i paid|was paid|were paid|have paid|has been paid|haben (?:\w+ )?(?:bezahlt|uberwiesen)|avons (?:paye|regle|vire)|hemos (?:pagado|transferido)|hebben (?:\w+ )?(?:betaald|overgemaakt)|abbiamo (?:pagato|saldato)|pagamos ontem|foi pag\w{1,2})\b/;
const FUTURE =
	/\b(?:tomorrow|morgen|demain|manana|domani|amanha|will|'ll|shall|going to|be paid|get paid|wird|werden|sera|serons|paierons|reglerons|pagaremos|pagare|zal|zullen|wordt|sara|pagheremo|vai|vamos|iremos|sera paga)\b/;
/** Words that put a sentence in the past ("yesterday", "last Friday", "vorige week", "el viernes pasado"). */
const PAST_WORD = new RegExp(
	`\\b(?:yesterday|ago|gestern|ayer|gisteren|ieri|ontem|(?:last|letzte[nr]?|vergangene[nr]?|vorige|afgelopen) (?:week|woche|month|monat|maand|${WEEKDAY})|(?:${WEEKDAY}|semaine|mois|semana|mes|settimana|mese) (?:dernier|derniere|pasad[oa]|scors[oa]|passad[oa]))\\b`,
);
/** A payment reported as made ("paid", "überwiesen", "réglé", "pagado", "betaald", "saldato", "paguei"). */
const PAID_WORD =
	/\b(?:paid|sent|made|done|went out|gone out|cashed|cleared|processed|bezahlt|uberwiesen|angewiesen|beglichen|raus|paye|payee|reglee|vire|effectue|pagad[oa]|pago|pagada|pago|abonad[oa]|transferid[oa]|betaald|overgemaakt|voldaan|pagat[oa]|saldat[oa]|effettuat[oa]|paguei|pagamos|pagamos|liquidad[oa]|feit[oa])\b/;
/** A request or a question is not a commitment ("could we pay half on the 15th?"). */
const REQUEST =
	/\b(?:could|can we|can i|would|how about|what if|possible|konnten|konnen wir|moglich|pourri\w{1,4}|possible|podri\w{1,4}|posible|kunnen we|zou|mogelijk|potre\w{1,4}|possibile|poderia\w{0,2}|possivel)\b/;
/** Refusals: "we will not pay until", "nous ne paierons pas", "no pagaremos". */
const NEGATED =
	/\b(?:not|won't|will not|cannot|can't|refuse|nicht|keine?|ne \w+ pas|no (?:pag|vamos|vam|podemos)|niet|geen|non (?:pag|sald)|nao (?:vamos|pag|iremos))\b/;
/** An absence or a return names a date that is not a payment ("she's back next week"). */
const ABSENCE =
	/\b(?:back|return|returns|returning|away|out of (?:the )?office|vacation|holiday|on leave|zuruck|wieder da|urlaub|retour|conge|vacaciones|regres\w{0,3}|de vuelta|terug|vakantie|rientr\w{0,4}|ferie|volta|ferias)\b[^.!?\n]{0,24}$/;
/** "as soon as I have the OK ... next week": a vague week on a condition is no date the clerk can rely on. */
const CONDITION =
	/\b(?:once|as soon as|when|sobald|wenn|des que|quand|en cuanto|cuando|zodra|als|appena|quando|assim que|logo que)\b/;
const VAGUE_FORMS: ReadonlySet<string> = new Set(['next-week', 'next-month']);
/** "today or tomorrow", "oggi o al massimo domani", "vandaag of morgen": the later of two days is the promise. */
const OR_LATER =
	/^,? ?(?:or|oder|ou|o|of|or at the latest|o al massimo|ou no maximo|of uiterlijk|oder spatestens|ou au plus tard)(?: at the latest| al massimo| no maximo| uiterlijk| spatestens| au plus tard)? (?:on |by |am |le |el |il |op |no |na )?$/;

export interface PromiseContext {
	/** The reply, normalised (as the date mentions were found in it). */
	text: string;
	/** Its sentences. */
	spans: readonly Span[];
	/** Its dates, in reading order. */
	dates: readonly DateMention[];
	/** The sentences the rules read as a promise or a plan. */
	promiseSpans: readonly Span[];
	/** YYYY-MM-DD the reply arrived, in the customer's zone. */
	reference: string;
	/** The reply is read as a promise or a plan: any future date may then be the promised one. */
	promiseIntent: boolean;
	/** The reply is read as already paid. */
	paidReading?: boolean;
	/** Sentences with a payment word may give a date even when no promise was read (not for opt-outs, bounces). */
	readCommitments: boolean;
}

function cueStarts(text: string): number[] {
	const ends: number[] = [];
	PAY_CUE.lastIndex = 0;
	let match: RegExpExecArray | null;
	while ((match = PAY_CUE.exec(text)) !== null && ends.length < 400) ends.push(match.index);
	return ends;
}

/** The promised date (YYYY-MM-DD) or undefined. */
export function promisedDateOf(context: PromiseContext): string | undefined {
	const { text, spans, dates, promiseSpans, reference } = context;
	const refDay = dayNumber(reference) as number;
	const usable = dates.filter((mention) => (dayNumber(mention.date) as number) >= refDay);
	if (usable.length === 0) return undefined;
	const cues = cueStarts(text);

	/** A date named as the end of an absence ("back on Thursday") or a vague week on a condition is no promise. */
	const fits = (mention: DateMention, span: Span) =>
		!ABSENCE.test(text.slice(Math.max(span.start, mention.start - 40), mention.start)) &&
		!(VAGUE_FORMS.has(mention.form) && CONDITION.test(text.slice(span.start, span.end)));
	const inSpan = (span: Span, inPromise: boolean) =>
		usable.filter(
			(mention) =>
				mention.start >= span.start &&
				mention.start < span.end &&
				(inPromise || fits(mention, span)),
		);
	/**
	 * The first date a payment word points at (before it, within 60 characters), else the first date in a clause with
	 * a payment word ("hoy es feriado, mañana te hago la transferencia"), else the first date.
	 */
	const best = (span: Span, inPromise = false): string | undefined => {
		const inside = inSpan(span, inPromise);
		if (inside.length === 0) return undefined;
		let chosen = 0;
		if (inside.length > 1) {
			const pointed = inside.findIndex((mention) =>
				cues.some((cue) => cue >= span.start && cue < mention.start && mention.start - cue <= 60),
			);
			const inClause =
				pointed >= 0
					? pointed
					: inside.findIndex((mention) => {
							const before = text.slice(span.start, mention.start);
							const clauseStart = span.start + before.search(/[^,;:]*$/);
							const rest = text.slice(mention.end, span.end);
							const clauseEnd = mention.end + (rest.search(/[,;:]/) + 1 || rest.length + 1) - 1;
							return cues.some((cue) => cue >= clauseStart && cue < clauseEnd);
						});
			if (inClause >= 0) chosen = inClause;
		}
		let date = inside[chosen].date;
		const next = inside[chosen + 1];
		if (next && OR_LATER.test(text.slice(inside[chosen].end, next.start)) && next.date > date)
			date = next.date;
		return date;
	};

	for (const span of promiseSpans) {
		const date = best(span, true);
		if (date) return date;
	}
	if (context.readCommitments) {
		for (const span of spans) {
			if (!cues.some((cue) => cue >= span.start && cue < span.end)) continue;
			const sentence = text.slice(span.start, span.end);
			if (NEGATED.test(sentence)) continue;
			if ((PAST_PAYMENT.test(sentence) || PAST_WORD.test(sentence)) && !FUTURE.test(sentence))
				continue;
			// A proposal is not a commitment ("could we pay half on the 15th?").
			if (REQUEST.test(sentence)) continue;
			// In a reply read as "already paid", a sentence about the payment made, or about today, is no promise.
			if (
				context.paidReading &&
				((PAID_WORD.test(sentence) && !FUTURE.test(sentence)) ||
					/\b(?:today|this morning|heute|aujourd'hui|hoy|vandaag|oggi|hoje)\b/.test(sentence))
			)
				continue;
			const date = best(span);
			if (date) return date;
		}
	}
	// A promise sentence without a date: the date is often in the next one ("We will pay. On the 15th.").
	for (const span of promiseSpans) {
		const index = spans.findIndex((candidate) => candidate.start === span.start);
		const next = index >= 0 ? spans[index + 1] : undefined;
		const date = next && best(next);
		if (date) return date;
	}
	if (!context.promiseIntent) return undefined;
	// A promise read from the reply as a whole ("Yes. Friday."): its first future date outside an absence.
	for (const mention of usable) {
		const span = spans.find(
			(candidate) => mention.start >= candidate.start && mention.start < candidate.end,
		);
		if (!span || !fits(mention, span)) continue;
		const sentence = text.slice(span.start, span.end);
		if (PAST_WORD.test(sentence) && !FUTURE.test(sentence)) continue;
		return mention.date;
	}
	return undefined;
}
