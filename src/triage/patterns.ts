/**
 * Weighted patterns per intent, on normalised text (lower case, no accents, straight quotes).
 * Weights: 2 = decisive on its own, 1.2 = enough on its own, 0.6 = needs company. An intent counts at 1.0.
 * Every pattern is linear: alternations of literals with bounded gaps (`[^.!?\n]{0,30}`), never a nested `+`/`*`.
 * `negatable` patterns are dropped when a negation sits just before them in the same clause
 * ("we are not disputing", "no need for lawyers"); patterns that are negative in themselves are not negatable.
 */
import type { ReplyIntent } from './schema';

export interface IntentPattern {
	id: string;
	intent: ReplyIntent | null;
	weight: number;
	re: RegExp;
	negatable: boolean;
	/** Past-tense claims ("paid today") that a future modal before them turns into a promise ("will be paid today"). */
	past?: boolean;
	/** The language of a pattern written for one ("paid.de"): it runs only on replies with words of that language. */
	language?: PatternLanguage;
}

export type PatternLanguage = 'de' | 'fr' | 'es';

/**
 * Words that show a reply has some German, French or Spanish in it: common words plus the words of the trade, so a
 * terse "Rechnung bezahlt." counts. Over-inclusive on purpose (a pattern that runs needlessly costs time, a pattern
 * skipped wrongly costs a reading). Skipping the other languages' patterns is most of the rules engine's speed on
 * English replies.
 */
const LANGUAGE_PRESENT: ReadonlyArray<[PatternLanguage, RegExp]> = [
	[
		'de',
		/\b(?:und|die|der|den|dem|wir|ist|nicht|sie|ihre?|bitte|das|mit|ich|uns|rechnung\w*|zahlung\w*|bezahl\w*|uberwie\w*|mahnung\w*|anwalt\w*|gruss\w*|grusse|hallo|danke)\b/,
	],
	[
		'fr',
		/\b(?:nous|vous|est|les|pas|une|des|pour|avec|votre|merci|je|le|la|facture\w*|paiement\w*|regl\w*|virement\w*|avocat\w*|bonjour|cordialement)\b/,
	],
	[
		'es',
		/\b(?:el|los|las|que|por|para|hemos|una|con|su|gracias|pago\w*|hola|factura\w*|pagad\w*|abogad\w*|saludos|transferencia\w*)\b/,
	],
];

/** The languages among de, fr and es whose words a normalised reply uses. */
export function languagesPresent(normalised: string): ReadonlySet<PatternLanguage> {
	const present = new Set<PatternLanguage>();
	for (const [language, re] of LANGUAGE_PRESENT) if (re.test(normalised)) present.add(language);
	return present;
}

const GAP = '[^!?\\n]{0,40}';

/** Documents a customer can be waiting for, as they name them. */
const DOCS = String.raw`(?:po|p\.o\.|purchase order|po number|w-?9|w-?8(?:ben)?|tax form|receipt|statement|invoice copy|copy of (?:the |your )?invoice|itemi[sz]ed (?:invoice|breakdown|statement)|remittance details|bank (?:details|letter)|banking details|vendor (?:form|registration|setup)|supplier (?:form|setup|registration)|credit (?:note|memo)|proof of delivery|delivery note|pod|timesheets?|signed (?:contract|sow|quote))`;

/** Up to three words (bounded, so still linear). */
const WORDS = "(?:[a-z0-9'-]{1,14} ){0,3}";

function p(
	id: string,
	intent: ReplyIntent | null,
	weight: number,
	source: string,
	negatable = true,
	past = false,
): IntentPattern {
	const language = /\.(de|fr|es)(?:-|$)/.exec(id)?.[1] as PatternLanguage | undefined;
	return {
		id,
		intent,
		weight,
		...(language ? { language } : {}),
		re: new RegExp(source.replace(/~/g, GAP).replace(/DOCS/g, DOCS).replace(/WORDS/g, WORDS), 'g'),
		negatable,
		past,
	};
}

export const PATTERNS: readonly IntentPattern[] = [
	// legal_threat
	p(
		'legal.counsel',
		'legal_threat',
		2,
		String.raw`\b(?:lawyers?|attorneys?|solicitors?|legal counsel|our counsel|legal (?:department|team) (?:will|to|is)|legal action|legal steps|legal proceedings|legal recourse|legal (?:options|route|avenues|means|ones|remedies)|(?:will|'ll|going to|shall|to) sue|take (?:this|it|you|the matter) to court|small claims|lawsuit|litigation|sue (?:you|your)|suing|cease and desist|court action|see you in court)\b`,
	),
	p(
		'legal.report',
		'legal_threat',
		2,
		String.raw`\b(?:report (?:you|this|your company)|file a (?:complaint|report)) (?:to|with) (?:the )?(?:bbb|better business bureau|ftc|cfpb|attorney general|consumer|authorities|regulator)|\bfdcpa\b|\bfair debt\b`,
	),
	p(
		'legal.de',
		'legal_threat',
		2,
		String.raw`\b(?:(?:rechts)?anwalt|anwaltlich|anwaltin|rechtliche schritte|gerichtlich|klage|verklagen|juristische schritte|rechtsabteilung (?:wird|einschalten))`,
	),
	p(
		'legal.fr',
		'legal_threat',
		2,
		String.raw`\b(?:avocats?|poursuites?(?: judiciaires)?|action en justice|tribunal|mise en demeure|procedure judiciaire|service juridique (?:va|sera))\b`,
	),
	p(
		'legal.es',
		'legal_threat',
		2,
		String.raw`\b(?:abogados?|acciones legales|accion legal|demanda(?:remos|r)|tribunal(?:es)?|juzgado|via judicial|denuncia(?:remos|r)?|departamento legal)\b`,
	),

	// dispute
	p(
		'dispute.word',
		'dispute',
		2,
		String.raw`\b(?:dispute|disputing|disputed|contest(?:ing)?|(?:i|we) (?:do not|don't|cannot|can't) (?:agree|accept)|object(?:ing)? to|objection to|disagree|not accept(?:ing)? (?:this|the) (?:invoice|charge))\b`,
	),
	p(
		'dispute.wrong',
		'dispute',
		2,
		String.raw`\b(?:invoice|amount|charge|bill|billing|price|pricing|rate|total|quantity|hours?) (?:is|was|seems|looks|appears to be|are) (?:wrong|incorrect|inaccurate|too high|off|not correct|not right)|\b(?:wrong|incorrect|inflated) (?:amount|price|pricing|rate|invoice|charges?|quantity|total)\b|\berror (?:in|on) (?:the|your|this) (?:invoice|bill)`,
	),
	p(
		'dispute.not-right',
		'dispute',
		2,
		String.raw`\b(?:invoice|amount|charge|bill|total|price|this|it) (?:doesn't|doesnt|does not|isn't|is not) (?:look |seem )?(?:right|correct|accurate)\b|\b(?:doesn't|doesnt|does not|did not|didn't) (?:include|reflect|apply|show) (?:the |our )?(?:\S{1,6} )?(?:discount|credit|rebate|agreed|negotiated)|\b(?:discount|rate|price|fee) (?:we|you) agreed|\b(?:was|is|were) (?:never|not) (?:in|part of) (?:our|the) (?:agreement|contract|quote|order)|\b(?:arrived|delivered|received|were|was) (?:damaged|broken|defective|faulty)\b|\b(?:damaged|defective|faulty|broken) (?:goods|items|units|products?|parts|equipment)\b`,
		false,
	),
	p(
		'dispute.broad',
		'dispute',
		2,
		String.raw`\b(?:we|i) (?:do not|don't|dont) owe\b|\bowe (?:you )?nothing\b|\bnot (?:owed|payable)\b|\b(?:please )?(?:correct|fix|adjust|amend|revise) (?:it|this|the invoice|the amount|the price|the rate|the hours|the quantity|the total|the error)\b|\b(?:po|quote|quotation|contract|agreement|sow|order confirmation) (?:says|said|states|shows|lists|specifies)\b|\bnever (?:showed up|turned up|arrived|came|happened|performed|delivered|completed|finished)\b|\bshould (?:be|have been|only be) (?:[$€£]|\d)`,
		false,
	),
	p(
		'dispute.de-broad',
		'dispute',
		2,
		String.raw`\b(?:falsch|stimmt nicht|stimmen nicht|nicht richtig|nicht korrekt|nicht erbracht|nicht beauftragt|nie beauftragt|schulden (?:ihnen )?nichts)\b`,
		false,
	),
	p(
		'dispute.fr-broad',
		'dispute',
		2,
		String.raw`\b(?:faux|fausse|erreur (?:de|dans la|sur la) factur|ne correspond pas|ne devons rien|pas ete (?:livre|realise|effectue))`,
		false,
	),
	p(
		'dispute.es-broad',
		'dispute',
		2,
		String.raw`\b(?:error en la factura|no coincide|no corresponde|no debemos nada|no se (?:entrego|realizo|presto))`,
		false,
	),
	p(
		'dispute.overcharge',
		'dispute',
		2,
		String.raw`\b(?:overcharg|over-charg|double[- ]bill|billed (?:us )?twice|charged (?:us )?twice|invoiced (?:us )?twice|duplicate (?:invoice|charge|billing)|already (?:been )?invoiced|discrepanc)`,
	),
	p(
		'dispute.not-received',
		'dispute',
		2,
		String.raw`\b(?:never|not|n't|have yet to) (?:received|got|get|receive)(?: the| any| our| all(?: of)?(?: the)?)? (?:goods|products?|shipment|order|items?|delivery|parts|equipment|materials?|services?|work|deliverables?)\b|\b(?:goods|products?|shipment|order|items?|parts|equipment|work) (?:never|was not|were not|wasn't|weren't|have not been|has not been) (?:arrived|delivered|received|completed|finished|shipped)|\b(?:goods|items|products?|shipment|equipment) (?:arrived|were|was) (?:damaged|broken|defective)`,
		false,
	),
	p(
		'dispute.not-ordered',
		'dispute',
		2,
		String.raw`\b(?:never|did not|didn't|not) (?:ordered|order|authori[sz]ed?|signed|agreed to|request(?:ed)?|approved?)(?: this| these| the| any| that)? ?(?:order|service|work|charges?|invoice|items?|upgrade|extra|additional|renewal)?\b|\bnot what (?:we|i) (?:agreed|ordered|signed)|\bwas (?:cancel+ed|terminated) (?:before|on|in|last)`,
		false,
	),
	p(
		'dispute.refuse',
		'dispute',
		2,
		String.raw`\b(?:will not|won't|refuse to|are not going to|not going to|do not intend to|cannot|can't) (?:be )?pay(?:ing)? (?:this|that|these|them|those|it|for|the|an invoice|until (?:the|this|you) (?:issue|error|problem|discrepancy|matter) )`,
		false,
	),
	p(
		'dispute.contract',
		'dispute',
		1.2,
		String.raw`\b(?:according to|per|under|contrary to|contradicts|breach of) (?:our|the) (?:contract|agreement|sow|statement of work|quote|quotation)\b|\b(?:quoted|agreed) (?:price|rate|amount)\b`,
	),
	p(
		'dispute.de',
		'dispute',
		2,
		String.raw`\b(?:widerspruch|widersprechen|beanstand|reklamation|reklamieren|fehlerhaft|falsche(?:r|n)? (?:rechnung|betrag|preis)|betrag (?:ist|stimmt) (?:falsch|nicht)|nicht bestellt|nicht geliefert|ware (?:nicht|nie) erhalten|zu viel berechnet|doppelt berechnet|nicht einverstanden|bestreiten|nicht korrekt)`,
	),
	p(
		'dispute.fr',
		'dispute',
		2,
		String.raw`\b(?:contest(?:ons|e|er|ation)|litige|erron(?:e|ee)|(?:montant|facture|prix) (?:est |nous semble )?(?:incorrecte?|faux|fausse|errone)|jamais (?:commande|recu la marchandise|livre)|pas (?:commande|ete livre)|facture deux fois|double facturation|pas d'accord|desaccord)`,
	),
	p(
		'dispute.es',
		'dispute',
		2,
		String.raw`\b(?:disputa|impugna|reclamacion|no estamos de acuerdo|(?:importe|monto|factura|precio) (?:es |esta )?(?:incorrect[oa]|erroneo|equivocad[oa])|nunca (?:recibimos|pedimos)|no (?:hemos )?(?:recibido|pedido) (?:la mercancia|el pedido|los productos|el servicio)|cobrado dos veces|cobro duplicado|no corresponde|(?:factura|cargo) (?:esta )?duplicad[oa])`,
	),

	// complaint
	p(
		'complaint.anger',
		'complaint',
		2,
		String.raw`\b(?:unacceptable|ridiculous|outrageous|disgusted|disgusting|furious|livid|angry|appalled|fed up|sick (?:and tired|of)|incompetent|unprofessional|rude|how dare|shameful|disgrace|absurd|insulting|pathetic|a joke|worst (?:service|experience|vendor|supplier))\b`,
	),
	p(
		'complaint.harass',
		'complaint',
		2,
		String.raw`\b(?:harass|hounding|pestering|bombarding|spamming us|aggressive (?:tone|emails|reminders)|stop (?:hounding|pestering|harassing|bombarding))`,
	),
	p(
		'complaint.word',
		'complaint',
		1.2,
		String.raw`\b(?:complain(?:t|ing)?|very (?:disappointed|unhappy|upset|frustrated)|extremely (?:disappointed|unhappy|frustrated)|disappointed|frustrat(?:ed|ing)|poor service|terrible|awful|this is the (?:third|fourth|fifth|\d+(?:rd|th)) (?:time|email|reminder|request)|speak (?:to|with) (?:a|your) (?:manager|supervisor)|escalat(?:e|ing) this (?:to|internally)|take (?:our|my) business elsewhere|reconsider(?:ing)? (?:our|the) (?:relationship|partnership|business))`,
	),
	p(
		'complaint.tone',
		'complaint',
		1.2,
		String.raw`\b(?:aggressive|threatening|hostile|condescending|harsh)\b|\b(?:do not|don't) appreciate\b`,
	),
	p(
		'complaint.feeling',
		'complaint',
		2,
		String.raw`\b(?:shocked|offended|insulted|annoyed|irritated|upset|outraged|dismayed)\b|\bthe tone of (?:your|this|these|that)\b`,
	),
	p(
		'complaint.profanity',
		'complaint',
		2,
		String.raw`\b(?:wtf|bullshit|fuck\w{0,4}|crap|damn|goddamn|bloody)\b`,
	),
	p(
		'complaint.de',
		'complaint',
		2,
		String.raw`\b(?:unverschamt|frechheit|inakzeptabel|beschwerde|verargert|unprofessionell|zum wiederholten mal|sehr enttauscht|skandal)`,
	),
	p(
		'complaint.fr',
		'complaint',
		2,
		String.raw`\b(?:inadmissible|inacceptable|scandaleux|plainte|mecontent(?:e|s)?|honteux|harcelement|tres decu|tres decue|ras le bol|intolerable)`,
	),
	p(
		'complaint.es',
		'complaint',
		2,
		String.raw`\b(?:inaceptable|vergonzoso|queja|indignad[oa]s?|muy molest[oa]s?|acoso|hart[oa]s? de|muy decepcionad[oa]s?|una verguenza)`,
	),

	// refund_request
	p(
		'refund.word',
		'refund_request',
		2,
		String.raw`\b(?:refund|reimburse|money back|credit (?:back|us|our (?:card|account))|return (?:the|our) (?:payment|money|funds)|charge ?back|reverse WORDS(?:charges?|payments?|transactions?)|overpaid|over-paid|overpayment|paid (?:it |this )?twice|double payment|paid (?:this )?invoice twice|duplicate payment)`,
	),
	p(
		'refund.de',
		'refund_request',
		2,
		String.raw`\b(?:ruckerstattung|erstatten sie|erstattung|zuruckuberweis|zuruckzahl|doppelt bezahlt|doppelt uberwiesen|uberzahlung|geld zuruck)`,
	),
	p(
		'refund.fr',
		'refund_request',
		2,
		String.raw`\b(?:rembours|trop percu|paye deux fois|double paiement|paiement en double)`,
	),
	p(
		'refund.es',
		'refund_request',
		2,
		String.raw`\b(?:reembols|devolucion del? (?:dinero|pago|importe)|devuelvan|pagado dos veces|pago duplicado|pagamos dos veces)`,
	),

	// payment_plan (installments, extensions, custom terms)
	p(
		'plan.installments',
		'payment_plan',
		2,
		String.raw`\b(?:payment plan|installments?|instalments?|in (?:two|three|four|2|3|4|several|monthly|equal) (?:parts|payments|instalments|installments|tranches|chunks)|split (?:the|this|it|into|payment|the payment|the balance)|spread (?:the|it|this|out)|partial payments?|pay (?:it )?in parts|pay (?:half|part|a portion|some) (?:now|today|this month)|(?:half|part|a portion) now and|monthly payments)\b`,
	),
	p(
		'plan.extension',
		'payment_plan',
		2,
		String.raw`\b(?:an extension|extend (?:the|our|this) (?:due date|deadline|terms|payment)|more time|additional time|extra time|a few (?:more|extra) (?:days|weeks)|grace period|defer(?:ral)?|postpone (?:the )?payment|push (?:the )?(?:payment|due date) (?:back|out)|can we (?:pay|settle) (?:in|by|on|at|after|next)|would it be (?:possible|ok|okay) to pay (?:in|by|on|at|after|next|later)|possible to pay (?:later|next month|in january|in february)|give us (?:until|till|more time|a few|an extra|another)|(?:until|till) [^.!?\n]{1,25} to pay\b)`,
	),
	p(
		'plan.cannot-yet',
		'payment_plan',
		2,
		String.raw`\b(?:can't|cannot|cant|unable to|won't be able to|will not be able to|not able to) pay WORDS(?:until|till|before|in full|all of it|the full|this month|right now|at the moment)\b|\b(?:new|different|longer|extended|better|revised) (?:payment )?terms\b|\b(?:\d{2,3}|forty-five|sixty|ninety)[- ]day (?:payment )?terms\b`,
		false,
	),
	p(
		'plan.terms',
		'payment_plan',
		1.2,
		String.raw`\b(?:(?:change|amend|renegotiate|discuss) (?:the |our )?(?:payment )?terms|(?:net|net-) ?(?:45|60|75|90|120) (?:terms|days)?|cash ?flow (?:issues?|problems?|constraints?|is tight)|tight (?:cash|month|quarter)|financial (?:difficulties|hardship)|(?:quarterly|annual|semi-annual) (?:billing|invoicing|payments)|(?:money|cash|things) (?:is|are) (?:really |very |a bit )?tight|(?:any )?flexib(?:le|ility) (?:on|with|around|regarding) (?:the )?(?:due date|payment|terms|deadline|timing|date)|\d{1,2} ?% (?:now|this month|today|upfront|up front|in)\b|(?:an|a|\d{1,3}[- ]day|short|brief|small|further|payment) extension|extension (?:on|of|for|to|until)\b)\b|\bnow and (?:the rest|the remainder|the balance|the other half|\S{1,12} (?:a|per|each) month)|\b(?:a|per|each) month until\b`,
	),
	p(
		'plan.de',
		'payment_plan',
		2,
		String.raw`\b(?:ratenzahlung|(?:in|zwei|drei|mehreren|monatlichen) raten|teilzahlung|zahlungsaufschub|stundung|zahlungsziel (?:verlangern|anpassen)|mehr zeit|aufschub|zahlungsplan)`,
	),
	p(
		'plan.fr',
		'payment_plan',
		2,
		String.raw`\b(?:echeancier|paiement(?:s)? (?:en plusieurs fois|echelonnes?|partiels?)|en (?:deux|trois|plusieurs) (?:fois|versements)|delai (?:de paiement )?supplementaire|report (?:de|du) paiement|plus de temps|etalement|etaler le paiement)`,
	),
	p(
		'plan.es',
		'payment_plan',
		2,
		String.raw`\b(?:plan de pagos?|a plazos|en cuotas|en (?:dos|tres|varios) pagos|fraccionar|aplazamiento|aplazar|prorroga|mas tiempo|pago parcial|pagos parciales)`,
	),

	// wrong_contact
	p(
		'contact.left',
		'wrong_contact',
		2,
		String.raw`\b(?:no longer (?:with|at|works?|working|employed|handles?|responsible|the (?:right|correct))|my last day|(?:has|have) (?:left|retired from) (?:the company|the firm|the organi[sz]ation|us|\w{2,20})|left the company|is retired|has retired|passed away|moved (?:on|to (?:a )?(?:new|different|another) (?:role|position|team|company)))\b`,
	),
	p(
		'contact.gone',
		'wrong_contact',
		2,
		String.raw`\b(?:retired|resigned|has moved on|is on long-term leave|is no longer here)\b`,
	),
	p(
		'contact.handover',
		'wrong_contact',
		2,
		String.raw`\b(?:is|are) now (?:handled|managed|looked after|taken care of|done) by\b|\b(?:has|have) taken over\b|\btook over (?:from|billing|invoices|accounts)|\bmoved (?:over )?to (?:a |another |the )?(?:new |different )?(?:role|position|team|department|operations|sales|marketing|company|job|division)\b|\bnever heard of (?:you|your company|this company|your firm)\b|\b(?:got|have|reached|emailed|contacted) the wrong\b`,
	),
	p(
		'contact.wrong',
		'wrong_contact',
		2,
		String.raw`\b(?:not the (?:right|correct|appropriate|best) (?:person|contact|department|address|email|recipient)|wrong (?:person|contact|address|department|company|email|recipient|customer)|(?:reached|contacted|emailed|sent this to) the wrong|(?:i|we) (?:don't|do not|no longer) (?:handle|deal with|manage|process) (?:billing|invoices|payments|accounts payable|ap)|not (?:my|our) (?:department|area|responsibility)|(?:i am|i'm|we are|we're) not (?:a |your )?(?:customer|client)|(?:do not|don't) (?:do|have any) business with|(?:i'm|i am|this is) not (?:in |with |part of |the )?(?:accounts payable|ap|billing|finance|the right))\b`,
	),
	p(
		'contact.redirect',
		'wrong_contact',
		1.2,
		String.raw`\b(?:please |kindly )?(?:contact|reach out to|reach|write to|email|use|try|direct WORDSto|(?:send|forward|address|route) WORDSto|send (?:all |future |your )?(?:invoices|correspondence|billing|reminders|statements)(?: going forward)? to|forward (?:it|this|them) to|redirect|update (?:your|the) (?:records|contact|file)|(?:the|our) (?:new |correct )?(?:ap|accounts payable|billing|finance|invoice) (?:contact|email|address|inbox|mailbox|team) is|going forward,? (?:please )?(?:send|email|contact|address))\b~@`,
	),
	p(
		'contact.mailbox',
		'wrong_contact',
		2,
		String.raw`\b(?:(?:this|the) (?:mailbox|inbox|address|email address) is (?:no longer|not) (?:monitored|in use|active|checked)|no longer monitored|unmonitored mailbox|(?:does not|doesn't) (?:work here|work for us))`,
	),
	p(
		'contact.de',
		'wrong_contact',
		2,
		String.raw`\b(?:nicht mehr (?:im unternehmen|bei uns|in unserem|fur uns|zustandig|tatig|beschaftigt)|nicht zustandig|falsche(?:n)? (?:ansprechpartner|adresse|person|empfanger)|hat das unternehmen verlassen|(?:wenden sie sich|bitte) (?:an|kunftig an)~@)`,
	),
	p(
		'contact.fr',
		'wrong_contact',
		2,
		String.raw`\b(?:ne fait plus partie|n'est plus (?:chez|dans|en poste|responsable|employe)|a quitte (?:l'entreprise|la societe|nos)|pas la bonne personne|mauvais (?:contact|destinataire|interlocuteur)|(?:veuillez|merci de) (?:contacter|vous adresser a|envoyer|ecrire a)~@)`,
	),
	p(
		'contact.es',
		'wrong_contact',
		2,
		String.raw`\b(?:ya no (?:trabaja|esta|forma parte)|no es la persona|persona (?:equivocada|incorrecta)|contacto (?:equivocado|incorrecto)|(?:dirijase|contacte|escriba|envie(?:n)?(?: las facturas)?) a~@)`,
	),

	// out_of_office
	p(
		'ooo.word',
		'out_of_office',
		2,
		String.raw`\b(?:out of (?:the )?office|ooo|on (?:vacation|holiday|holidays|leave|annual leave|parental leave|maternity leave|paternity leave|sick leave|pto|sabbatical|a business trip)|away from (?:the office|my desk|work)|(?:currently|will be) (?:away|traveling|travelling|out)|(?:i'm|i am|we're|we are) (?:currently )?(?:traveling|travelling|away|on the road|off sick)|limited (?:access|availability) to (?:e-?mail|my email)|(?:i'll|i will|i am|i'm) (?:be )?(?:back|returning) (?:in the office |in office )?(?:on|from)|annual leave)\b`,
	),
	p(
		'ooo.sick',
		'out_of_office',
		2,
		String.raw`\b(?:out sick|off sick|home sick|on sick leave|out today|off today|out this week|off this week|out until|off until)\b`,
	),
	p(
		'ooo.de',
		'out_of_office',
		2,
		String.raw`\b(?:nicht im buro|abwesend|im urlaub|abwesenheit|ausser haus|auf dienstreise|wieder (?:im buro|erreichbar|da|zuruck)|in elternzeit)`,
	),
	p(
		'ooo.fr',
		'out_of_office',
		2,
		String.raw`\b(?:je suis absente?|absente? du bureau|en conges?|en vacances|hors du bureau|de retour le|en deplacement|je serai de retour)`,
	),
	p(
		'ooo.es',
		'out_of_office',
		2,
		String.raw`\b(?:fuera de la oficina|de vacaciones|ausente|estare de (?:vuelta|regreso)|regreso el|de baja|volvere el)`,
	),

	// opt_out
	p(
		'optout.word',
		'opt_out',
		2,
		String.raw`\b(?:unsubscribe|opt(?:-| )?out|remove (?:me|us|my (?:email|address)|this address) from|stop (?:emailing|sending|contacting|messaging|writing to) (?:me|us|this)|stop (?:sending|emailing) (?:(?:automated|automatic|these|those|the|your|any) ){0,2}(?:reminders|emails|e-mails|messages|notices)|(?:do not|don't) (?:contact|email|message|write to) (?:me|us)|no (?:more|further) (?:emails|reminders|messages|contact)|take (?:me|us) off|cease (?:all )?(?:contact|communication)s?)`,
	),
	p(
		'optout.de',
		'opt_out',
		2,
		String.raw`\b(?:abmelden|austragen|keine (?:weiteren )?(?:e-?mails|erinnerungen|nachrichten)|nicht mehr (?:kontaktieren|anschreiben))`,
	),
	p(
		'optout.fr',
		'opt_out',
		2,
		String.raw`\b(?:desabonn|desinscri|ne plus (?:me|nous) (?:contacter|envoyer|ecrire)|arretez de (?:m'|nous )?(?:envoyer|ecrire|contacter))`,
	),
	p(
		'optout.es',
		'opt_out',
		2,
		String.raw`\b(?:darme de baja|dar de baja|dejen de (?:enviar|escribir|contactar)|no (?:me|nos) (?:envien|contacten|escriban) mas)`,
	),

	// already_paid
	p(
		'paid.done',
		'already_paid',
		2,
		String.raw`\b(?:already (?:been )?(?:paid|settled|sent|wired|transferred|remitted|processed|made)|(?:was|were|has been|have been|got) (?:paid|settled|wired|remitted)\b(?! twice)|we (?:paid|settled|wired|remitted|transferred)|i (?:paid|settled|wired|transferred)|(?:sent|made|initiated|released|submitted|processed) (?:the |a |your |our )?(?:payment|wire|transfer|ach|check|cheque)(?: to you)? (?:yesterday|today|on|last|this morning|earlier)|(?:payment|transfer|wire|ach|check|cheque|remittance|funds)(?: #?[a-z]{0,6}-?\d[a-z0-9-]{0,10})? (?:was |were |has been |have been |has |went |got )?(?:made|sent|processed|issued|submitted|initiated|released|completed|went through|gone through|mailed|posted|wired|transferred|remitted|cleared|out)\b|^paid\b|\bpaid (?:in full|just now|today|this morning|earlier|already|online|through|via|yesterday|last (?:week|month)|by (?:wire|ach|check|card|bank))|(?:check|cheque) is in the mail)`,
		true,
		true,
	),
	p(
		'paid.records',
		'already_paid',
		2,
		String.raw`\b(?:records?|system|books|ledger|bank statement|accounts) (?:show|shows|says|indicate|indicates|have|has) WORDS(?:as )?(?:paid|settled|cleared)\b`,
		true,
		true,
	),
	p(
		'paid.proof',
		'already_paid',
		1.2,
		String.raw`\b(?:remittance (?:advice|attached|details)|proof of payment|payment confirmation (?:is )?attached|(?:transaction|confirmation|reference|trace) (?:id|number|no|#)|please find attached (?:the )?(?:remittance|payment)|(?:did you|have you) (?:receive|get|see) (?:our|my|the) (?:payment|check|cheque|wire|transfer)|bank (?:shows|says) (?:it|the payment|payment) (?:cleared|went out|was sent|as paid))`,
		true,
		true,
	),
	p(
		'paid.de',
		'already_paid',
		2,
		String.raw`\b(?:bereits (?:bezahlt|uberwiesen|beglichen|ausgeglichen)|wurde ~(?:bezahlt|uberwiesen|beglichen)|(?:haben|habe|hatten) ~(?:bezahlt|uberwiesen|beglichen)\b|zahlung (?:ist|wurde) (?:bereits )?(?:erfolgt|veranlasst|ausgefuhrt)|uberweisung (?:ist|wurde) (?:bereits )?(?:erfolgt|veranlasst|getatigt|ausgefuhrt))`,
	),
	p(
		'paid.fr',
		'already_paid',
		2,
		String.raw`\b(?:deja (?:ete )?(?:paye|regle|vire|effectue)|(?:avons|ai) (?:deja )?(?:paye|regle|vire|effectue (?:le|un) (?:paiement|virement|reglement))|(?:virement|paiement|reglement) (?:a ete|est|a deja ete) (?:effectue|envoye|emis|realise)|facture (?:a ete|est) (?:reglee|payee))`,
	),
	p(
		'paid.es',
		'already_paid',
		2,
		String.raw`\b(?:ya (?:hemos |he |se ha |fue |esta )?(?:pagad[oa]|abonad[oa]|transferid[oa]|liquidad[oa])|(?:realizamos|hemos realizado|efectuamos|hicimos) (?:el|la) (?:pago|transferencia)|(?:pago|transferencia) (?:ya )?(?:fue|ha sido|se ha) (?:realizad[oa]|efectuad[oa]|enviad[oa]|hecho))`,
	),

	// promise_to_pay
	p(
		'promise.will',
		'promise_to_pay',
		2,
		String.raw`\b(?:will|'ll|shall|should|are going to|am going to|is going to|gonna|plan to|intend to|expect to|aim to|hope to) (?:be )?(?:(?:get|have) (?:[a-z0-9-]{1,12} ){0,3})?(?:pay|paying|paid|settle|settling|settled|process|processed|remit|remitted|wire|wired|transfer|transferred|release|released|cut|mailed|executed|made|issued|sent|send (?:the |a |you |out )?(?:payment|check|cheque|wire|funds|money|transfer))\b|\b(?:payment|it|check|cheque|the wire|wire|transfer|funds) (?:goes|is going|will go|should go|going) out\b|\bexpect (?:the |our )?(?:payment|wire|check|cheque|funds|transfer)\b`,
	),
	p(
		'promise.broad',
		'promise_to_pay',
		2,
		String.raw`\b(?:will|'ll|shall|are going to|am going to|is going to|gonna|plan to|intend to|expect to|aim to|hope to) WORDS(?:clear|sort out|sort|take care of|handle|square|initiate|submit|schedule|execute|transfer|remit|wire|release)\b~\b(?:balance|invoice|payment|this|it|bill|amount|account)\b|\b(?:funds|payment|money|transfer|wire|check|cheque|it) WORDS(?:should|will|would|is going to) (?:hit|land|reach|arrive|clear|be in|show up|post)\b|\bpayment (?:right|straight|immediately|shortly|soon) after\b|\b(?:will|'ll|shall|are going to|am going to|is going to|gonna) (?:get|send) WORDS(?:over )?to you\b|\bexpect (?:it|them|the funds|the money)\b`,
	),
	p(
		'promise.scheduled',
		'promise_to_pay',
		2,
		String.raw`\b(?:(?:payment|it|the invoice|this) (?:is|has been|was) (?:scheduled|queued|approved for payment|lined up|set up|booked)|scheduled (?:for|the) payment|(?:payment|check|cheque|pay|ach|payables?|vendor payment) (?:run|cycle|batch)\b|(?:approved|queued|lined up|released) for payment|you(?:'ll| will| should) (?:have|receive|get|see) (?:the |your |it|a )?(?:payment|funds|money|check|cheque|wire)?|(?:paying|pay|settle) (?:it |this |the invoice |the balance |you )?(?:by|on|before|next|this|tomorrow|today|end of)\b|should (?:settle|clear|arrive|land|reach you))`,
	),
	p(
		'promise.de',
		'promise_to_pay',
		2,
		String.raw`\b(?:(?:werden|wird|werde) ~(?:bezahlen|uberweisen|begleichen|bezahlt|uberwiesen|beglichen|anweisen|angewiesen|zahlen|ausgefuhrt|ausfuhren|veranlasst|veranlassen|erledigt|erledigen|freigegeben)|zahlung (?:erfolgt|wird (?:erfolgen|veranlasst))|(?:im|mit dem) nachsten zahlungslauf|zur zahlung freigegeben)`,
	),
	p(
		'promise.fr',
		'promise_to_pay',
		2,
		String.raw`\b(?:(?:nous allons|allons|je vais|va etre|sera|seront) ~(?:payer|payee?|regler|reglee?|virer|effectuer|proceder|vire)|(?:paiement|reglement|virement) (?:sera|interviendra|partira|est prevu)|nous (?:payerons|reglerons|effectuerons))`,
	),
	p(
		'promise.es',
		'promise_to_pay',
		2,
		String.raw`\b(?:(?:vamos a|voy a|se va a|va a) (?:pagar|abonar|realizar (?:el|la) (?:pago|transferencia)|transferir|liquidar)|pagaremos|abonaremos|realizaremos (?:el|la) (?:pago|transferencia)|se (?:pagara|abonara|realizara)|sera (?:pagad|abonad)|el pago se (?:realizara|hara|efectuara)|(?:esta|queda) programad[oa])`,
	),

	// missing_documents
	// "Send invoices to ap@…" redirects mail; it does not ask for a document.
	p(
		'docs.send',
		'missing_documents',
		2,
		String.raw`\b(?:(?:please |kindly |could you |can you |would you )?(?:re-?send|send(?: over)?|forward|provide|share|email|attach)(?: us| me| over)? (?:a |the |an |another |your |us )?(?:new |updated |corrected |revised |signed |valid )?(?:copy|copies|pdf|invoice|po|purchase order|w-?9|w-?8|receipt|statement|itemi[sz]ed|breakdown|backup|supporting (?:documents?|documentation)|proof of delivery|pod|timesheets?|credit (?:note|memo)|bank (?:details|letter)|banking details|tax form))(?!~@)`,
	),
	p(
		'docs.ask',
		'missing_documents',
		2,
		String.raw`\b(?:can|could|may) (?:i|we) (?:get|have|receive|obtain|see)(?: a| an| the| your)?(?: copy of| copies of)?(?: the| your)? (?:copy|copies|DOCS|invoice|pdf|documents?|paperwork)\b`,
	),
	p(
		'docs.reissue',
		'missing_documents',
		2,
		String.raw`\b(?:re-?issue|re-?issued|corrected|amended|updated|revised) invoice\b|\binvoice (?:re-?issued|corrected|amended|updated|revised)\b|\bre-?issue (?:the|this|it|a)\b`,
	),
	p(
		'docs.missing',
		'missing_documents',
		2,
		String.raw`\b(?:(?:didn't|did not|haven't|have not|never|not yet) (?:receive|received|get|got|see|seen)(?: the| an| any| your| a copy of(?: the)?)? (?:invoice|bill|statement|attachment)|(?:can't|cannot|could not|couldn't|unable to) (?:find|locate|open|see|access|download) (?:the |this |your |any |a )?(?:invoice|attachment|pdf|bill|document)|(?:attachment|pdf|invoice|file) (?:is |was )?(?:missing|didn't come through|did not come through|not attached|corrupt(?:ed)?|blank|won't open|will not open)|no (?:attachment|invoice (?:was )?attached)|no record of (?:this|the|that) invoice)`,
	),
	p(
		'docs.need',
		'missing_documents',
		2,
		String.raw`\b(?:need|require|requires|missing|needs|without|waiting (?:for|on)|once (?:we|i) (?:have|receive|get)|as soon as (?:we|i) (?:have|receive|get)|until (?:we|i) (?:have|receive|get))(?: a| an| the| your| valid| our)?(?: (?:completed|signed|valid|current|updated|corrected|new|proper|copy of(?: the| your)?))? DOCS\b|\b(?:po|purchase order)(?: number)? (?:is |was )?(?:required|missing|needed|not (?:referenced|included|on the invoice))\b|\b(?:invoices?|it) (?:must|has to|needs to) (?:reference|include|show|quote) (?:a |the |our )?(?:po|purchase order)`,
	),
	p(
		'docs.de',
		'missing_documents',
		2,
		String.raw`\b(?:(?:rechnung|rechnungskopie|kopie|bestellnummer|lieferschein|kontoauszug|nachweis|gutschrift)~(?:zusenden|schicken|senden|zukommen lassen|ubermitteln)|(?:senden|schicken) sie (?:uns )?(?:bitte )?(?:die|eine|den) (?:rechnung|kopie|rechnungskopie|lieferschein)|rechnung (?:nicht|nie) erhalten|keine rechnung erhalten|ohne bestellnummer|bestellnummer fehlt)`,
	),
	p(
		'docs.fr',
		'missing_documents',
		2,
		String.raw`\b(?:(?:envoyer|renvoyer|transmettre|faire parvenir)(?: nous| moi)?(?: a nouveau)? (?:une |la |le |un )?(?:copie|facture|bon de commande|duplicata|releve|avoir)|pas recu (?:la|de|votre) facture|(?:sans|manque le|il manque le) (?:numero de commande|bon de commande))`,
	),
	p(
		'docs.es',
		'missing_documents',
		2,
		String.raw`\b(?:(?:enviar|reenviar|mandar|envienos|reenvienos|mandenos)(?:nos|me)? (?:una |la |el |de nuevo la )?(?:copia|factura|orden de compra|estado de cuenta|recibo|nota de credito)|no (?:hemos )?recibido (?:la|ninguna) factura|(?:sin|falta(?: el)?) (?:numero de )?(?:orden de compra|pedido))`,
	),

	// question
	p(
		'question.ask',
		'question',
		1.2,
		String.raw`\b(?:could you (?:tell|confirm|clarify|explain|let (?:me|us) know|advise)|can you (?:confirm|tell|clarify|explain|let (?:me|us) know|advise)|please (?:confirm|clarify|advise|explain)|what is (?:this|the)|which (?:invoice|invoices|account|order)|how (?:do|can|should) (?:i|we) (?:pay|make a payment|settle)|where (?:do|can|should) (?:i|we)|is there (?:a|any)|do you (?:accept|take|offer)|what (?:are|is) your (?:bank|banking|wire|ach|remit)|i have a question|quick question|(?:i|we) (?:was|were|am|are) wondering|wanted to (?:ask|check|confirm))\b`,
	),
	p(
		'question.de',
		'question',
		1.2,
		String.raw`\b(?:konnen sie (?:mir|uns) (?:sagen|bestatigen|erklaren|mitteilen)|wie konnen wir|welche rechnung|ich habe eine frage|kurze frage)`,
	),
	p(
		'question.fr',
		'question',
		1.2,
		String.raw`\b(?:pourriez-vous|pouvez-vous (?:me|nous) (?:confirmer|dire|expliquer|indiquer)|quelle facture|comment (?:pouvons-nous|puis-je) (?:payer|regler)|j'ai une question)`,
	),
	p(
		'question.es',
		'question',
		1.2,
		String.raw`\b(?:podrian (?:confirmar|indicar|explicar|decirnos)|pueden (?:confirmar|indicar|explicar)|como podemos pagar|cual es|tengo una (?:pregunta|duda)|que factura)`,
	),

	// acknowledged
	p(
		'ack.word',
		'acknowledged',
		1.2,
		String.raw`\b(?:noted|received|got it|will do|understood|sounds good|thanks for the (?:reminder|heads up|note)|thank you for the (?:reminder|heads up|note)|(?:will|we'll|i'll) (?:look into|check (?:on|with)|review|follow up on|get back to you)|looking into (?:it|this)|passing (?:this|it) (?:on|along)|(?:forwarded|passed) (?:this |it )?(?:on |along )?to (?:our |the |my )?(?:ap|accounts payable|finance|accounting|controller|team|colleague)|(?:is |it's )?(?:under review|being processed|in process|in the queue|with (?:our|the) (?:ap|finance|accounting) team)|acknowledge receipt|on (?:my|our) radar)\b`,
	),
	p(
		'ack.thanks',
		'acknowledged',
		1,
		String.raw`^(?:thanks|thank you|thx|ok|okay|great|perfect|sounds good|parfait|merci|perfecto|gracias|danke|vielen dank|super|prima|d'accord|de acuerdo|vale)\b`,
	),
	p(
		'ack.short',
		'acknowledged',
		1.2,
		String.raw`^(?:lol |haha |ah |oh )?(?:ok|okay|k|kk|cool|great|perfect|noted|got it|will do|fine|sure|thx|ty|roger|understood)[.! ]{0,5}$`,
	),
	p(
		'ack.de',
		'acknowledged',
		1.2,
		String.raw`\b(?:danke fur (?:die|ihre) (?:erinnerung|nachricht)|wir kummern uns|wird gepruft|(?:leite|leiten) (?:es|sie|das|die) ~weiter|erhalten, danke|zur kenntnis genommen)`,
	),
	p(
		'ack.fr',
		'acknowledged',
		1.2,
		String.raw`\b(?:bien recu|nous regardons|je regarde|nous verifions|transmis (?:a|au) (?:notre |la )?(?:service|comptabilite)|merci pour (?:le|votre) (?:rappel|message)|c'est note)`,
	),
	p(
		'ack.es',
		'acknowledged',
		1.2,
		String.raw`\b(?:recibido|lo revisamos|lo reviso|lo revisaremos|hemos recibido|gracias por (?:el|su) (?:recordatorio|mensaje)|tomamos nota|lo paso a)`,
	),

	// signals (no intent of their own)
	p(
		'signal.payment-link',
		null,
		1,
		String.raw`\b(?:(?:payment )?(?:link|portal|button|page|website|site)~(?:doesn't|does not|didn't|did not|isn't|is not|won't|will not|wouldn't) (?:work|load|open|accept|go through|let)|(?:link|portal|payment page|page) (?:is |was |seems |has |had |has been )?(?:broken|expired|dead|down|not working|invalid)|(?:card|payment) (?:was |keeps getting |keeps being |got |is being |has been )?(?:declined|rejected|failing|failed)|error (?:when|while|trying to) (?:pay|paying|making)|(?:unable|not able|can't|cannot|couldn't) to (?:pay|make (?:a |the )?payment|complete (?:the )?payment) (?:online|through|via|using|with|on)|(?:link|portal|page|website|site|checkout) WORDS(?:gives|shows|returns|throws) (?:me |us )?(?:an? )?(?:error|404|500|blank page)|\b(?:404|page not found|error 500|internal server error)\b|(?:page|portal|link|site|website|checkout|payment form)~\b(?:keeps? (?:timing out|crashing|failing|erroring|freezing)|timed out|times out|crashes|crashed|freezes)|zahlungslink (?:funktioniert nicht|ist abgelaufen)|le lien (?:de paiement )?ne fonctionne pas|el enlace (?:de pago )?no funciona)`,
		false,
	),
	p(
		'signal.insolvency',
		null,
		1,
		String.raw`\b(?:bankruptcy|chapter (?:7|11)|insolven|going into administration|in administration|administrator will|receivership|liquidation|liquidator|creditors'? (?:meeting|arrangement)|insolvenzverfahren|redressement judiciaire|liquidation judiciaire|concurso de acreedores)`,
	),
	p(
		'signal.injection',
		null,
		1,
		String.raw`\b(?:ignore (?:all |any |the |your )?(?:previous|prior|above|earlier|preceding|system)? ?(?:instructions|prompts?|rules|directions)|disregard (?:all |any |the |your )?(?:previous|prior|above|earlier)|system prompt|you are (?:now )?(?:an? )?(?:ai|assistant|language model|chatbot|classifier)|as an ai\b|(?:classify|label|categori[sz]e|tag|mark) (?:this|the|my) (?:e-?mail|message|reply|ticket|response) as|set (?:the )?(?:intent|escalate|escalation|label) (?:to|=|:)|"?(?:intent|escalate)"? ?: ?"?(?:acknowledged|false|other)|new instructions|ignore (?:the|everything|all) (?:above|before|previous|prior)|(?:reply|respond|answer) (?:that|with) (?:the invoice|this invoice|"|')|<\/?(?:system|assistant|instructions?)>|\[(?:system|inst)\]|ignoriere (?:alle )?(?:vorherigen|bisherigen) anweisungen|ignorez (?:les|toutes les) instructions|ignora (?:las|todas las) instrucciones|ignora (?:le |tutte le )?istruzioni|negeer (?:alle |de )?(?:vorige |eerdere )?instructies|ignore (?:as |todas as )?instrucoes|(?:^|\n) ?system ?:|(?:note|message|instructions?|hinweis|nachricht|remarque|nota|opmerking|bericht|aviso) (?:to|for|an|fur|pour|para|per|voor|aan) (?:the |die |den |l'|la |el |il |de |a )?(?:ai|a\.i\.|ki|ia|llm|model|modell|modele|modelo|modello|assistant|assistent|asistente|assistente|classifier|bot|chatbot|gpt|chatgpt|language model|system|automated system)\b|(?:dear|hey|hi|hello|attention) (?:ai|a\.i\.|llm|chatgpt|gpt|classifier|bot|assistant)\b|if you are an? (?:ai|llm|language model|bot|automated)|(?:ai|llm|model|classifier|bot) reading this)`,
		false,
	),
];

/** Negation words that cancel a negatable match when they sit in the last few words of the same clause. */
export const NEGATION =
	/(?:^|\s)(?:not|no|never|without|nothing|nor|hardly|nicht|kein|keine|keinen|keiner|nie|niemals|ohne|pas|ne|n'|jamais|sans|aucun|aucune|nunca|sin|ningun|ninguna|tampoco|\w{1,12}n't|\w{1,6}nt)$/;
