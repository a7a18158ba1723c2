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

export type PatternLanguage = 'de' | 'fr' | 'es' | 'nl' | 'it' | 'pt';

/**
 * Words that show a reply has some German, French, Spanish, Dutch, Italian or Portuguese in it: common words plus the words of the trade, so a
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
	[
		'nl',
		/\b(?:het|een|op|aan|naar|dat|dit|deze|ik|wij|mij|niet|geen|zijn|voor|graag|ook|uw|jullie|onze?|hebben|heeft|wordt|kunnen|factuur\w*|betaal\w*|betaling\w*|bedankt|dank|groet\w*|beste|hoi|advocaat|herinnering\w*|afmelden|uitschrijven|aub|alstublieft|nog|maar|bij|ons|nooit|mogen|mag|wilt|kunt|zou|zouden|weken|bestelling|levering|vervaldatum)\b|ij/,
	],
	[
		'it',
		/\b(?:gli|di|della|delle|dello|degli|che|non|ci|vi|ho|mio|mia|abbiamo|sono|siamo|posso|possiamo|anche|questo|questa|grazie|fattur\w*|pagament\w*|pagat\w*|salut\w*|buongiorno|buonasera|ciao|gentil\w*|vostr\w*|nostr\w*|cordiali|bonifico|sollecito|avvocato|disiscriv\w*|piu|ancora|sarebbe|scadenza|possibile|merce|rata|vorrei|vorremmo)\b|(?:iamo|zion[ei]|ebbe(?:ro)?)\b/,
	],
	[
		'pt',
		/\b(?:nao|em|das|na|uma|meu|minha|voces?|isso|esse|essa|pelo|pela|oi|ola|obrigad\w*|fatura\w*|pagamento\w*|boleto|cobranca|atenciosamente|prezad\w*|nosso|nossa|ja|tambem|entao|estou|muito|cumprimentos|advogado|remover|descadastr\w*|quando|vem|esses|estes|nesse|nessa|desse|dessa|deste|desta|neste|nesta|mercadoria|lembretes?|prazo|vencimento|parcel\w*)\b|[a-xz]ou\b|(?:cao|coes)\b/,
	],
];

/** The languages among de, fr, es, nl, it and pt whose words a normalised reply uses. */
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
	const language = /\.(de|fr|es|nl|it|pt)(?:-|$)/.exec(id)?.[1] as PatternLanguage | undefined;
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

	p(
		'legal.roles.nl',
		'legal_threat',
		0.6,
		String.raw`\b(?:(?:onze|een|de|mijn) jurist(?:en)?|juridische afdeling|rechtbank|rechter)\b`,
	),
	p(
		'legal.roles.it',
		'legal_threat',
		0.6,
		String.raw`\b(?:(?:ufficio|studio|consulente|reparto|area) legale|il legale|tribunale|giudice)\b`,
	),
	p(
		'legal.roles.pt',
		'legal_threat',
		0.6,
		String.raw`\b(?:(?:departamento|setor|area|nosso|o|ao|pelo) juridico|assessoria juridica|tribunal|justica|cartorio)\b`,
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
		String.raw`\b(?:refund|reimburse|money back|credit (?:back|us|our (?:card|account))|return (?:the|our) (?:payment|money|funds)|charge ?back|reverse (?!charge\b)WORDS(?:charges?|payments?|transactions?)|overpaid|over-paid|overpayment|paid (?:it |this )?twice|double payment|paid (?:this )?invoice twice|duplicate payment)`,
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
		String.raw`\b(?:payment plan|installments?|instalments?|in (?:two|three|four|2|3|4|several|monthly|equal) (?:parts|payments|instalments|installments|tranches|chunks)|(?<!\b(?:in|a|di|da|of) )split (?:the|this|it|into|payment(?! (?:mechanism|regime|vat|iva)\b)|the payment|the balance)|spread (?:the|it|this|out)|partial payments?|pay (?:it )?in parts|pay (?:half|part|a portion|some) (?:now|today|this month)|(?:half|part|a portion) now and|monthly payments)\b`,
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
		String.raw`^(?:thanks|thank you|thx|ok|okay|great|perfect|sounds good|parfait|merci|perfecto|gracias|danke|vielen dank|super|prima|d'accord|de acuerdo|vale|bedankt|dank je|dank u|grazie|perfetto|obrigad[oa]|perfeito|combinado|certo)\b`,
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

	// Dutch (nl), Italian (it) and Portuguese (pt, European and Brazilian), on normalised text (no accents: "nao",
	// "e" for "è", "cobranca"). Gaps inside a clause stay bounded; NL_GAP and friends never cross a sentence.

	// legal_threat
	p(
		'legal.nl',
		'legal_threat',
		2,
		String.raw`\b(?:advoca(?:at|ten|te|tuur)(?![ \t]{0,3}(?:\n|$))(?!-curator)|juridische (?:stappen|weg|actie|procedure|maatregelen)|juridisch (?:traject|laten|uitzoeken)|rechtsbijstand|deurwaarder|ingebrekestelling|in gebreke (?:stellen|gesteld)|incassobureau|ter incasso|(?:naar|voor|aan) de (?:kanton)?rechter\b|(?:de|een) (?:kanton)?rechter (?:laten|laat|zal|mag|moet)|(?:naar|voor) de rechtbank|kantonrechter|juridisch loket|consuwijzer|\bacm\b|geschillencommissie|ombudsman|rechtsbijstandsverzekera\w{1,4}|rechtszaak|gerechtelijke? (?:stappen|procedure|weg)|dagvaard\w{0,4}|kort geding|aansprakelijk (?:stellen|gesteld|te stellen)|sommatie|geschillencommissie)`,
	),
	p(
		'legal.it',
		'legal_threat',
		2,
		String.raw`\b(?:avvocat[oiae](?![ \t]{0,3}(?:\n|$))|(?:al|dal|nostro|mio|ai|nostri|dei|del) legal[ei]\b(?! (?:doveva|deve|sta|ha|gestisce))|vi[ae] legal[ei]|via giudiziaria|vie giudiziarie|azion[ei] legal[ei]|(?:agire|agiremo|procedere|procederemo|adire|adiremo) (?:legalmente|giudizialmente|per vie|in via|in sede|le vie)|diffid\w{1,4}|decreto ingiuntivo|ingiunzione|(?:vediamo|vedremo|finire|finira|finisce|portare|porteremo|portarvi|andremo|ricorrere|ricorreremo|rivolgerci|adire) (?:\S{1,12} ){0,2}(?:in tribunale|al tribunale|dal giudice|al giudice|in giudizio)|causa (?:legale|civile)|sedi (?:opportune|competenti)|tutelare i (?:nostri|miei) (?:diritti|interessi)|messa in mora|mettere in mora|costituzione in mora|querela|denuncia|associazione (?:dei )?consumatori|consulent[ei] legal[ei]|codacons|altroconsumo|\bagcm\b|autorita garante|antitrust|giudice di pace|a tutela (?:dei|delle|della|del) (?:nostr|mie|miei|propri)\w{0,3}|(?:iniziative|azioni|provvedimenti) (?:piu )?opportun\w|mandato (?:al|a un|ad un) (?:mio |nostro )?(?:legale|avvocato))`,
	),
	p(
		'legal.pt',
		'legal_threat',
		2,
		String.raw`\b(?:advogad[oa]s?(?![ \t]{0,3}(?:\n|$))|procon|protest(?:ar|aremos|ado|ada|o do titulo|o em cartorio)|cartorio de protesto|(?:levar|enviar|mandar|encaminhar) (?:\S{1,12} ){0,3}(?:a |ao )?cartorio|(?:entrar|entraremos|entro|recorrer|recorreremos|ir) (?:na|a|com a) justica|via judicial|vias (?:judiciais|legais)|acao judicial|processo judicial|(?:abrir|abriremos|mover|moveremos) (?:um )?processo|processar (?:voces|a empresa|vos)|processaremos|medidas (?:judiciais|legais|cabiveis)|providencias (?:legais|judiciais|cabiveis)|(?:levar|levaremos|ir|iremos|vamos|vemo-nos|nos vemos|recorrer) (?:\S{1,12} ){0,2}(?:a tribunal|ao tribunal|ao juizado|no tribunal|em tribunal)|juizado especial|notificacao extrajudicial|injuncao|julgado de paz|livro de reclamacoes|defesa do consumidor|\bdeco\b|\basae\b|queixa (?:formal )?(?:no|na|a|ao|junto|contra)|julgados? de paz|centro de arbitragem|tribunal arbitral|consumidor\.gov)`,
	),

	// dispute
	p(
		'dispute.nl',
		'dispute',
		2,
		String.raw`\b(?:betwist\w{0,4}|bezwaar (?:tegen|maken|gemaakt|aan)|maken bezwaar|niet akkoord (?:met|gaan met)|geen akkoord|oneens met|(?:factuur|bedrag|prijs|tarief|aantal|uren|berekening|totaal|btw) (?:is |zijn |lijkt |lijken )?(?:onjuist|incorrect|fout|te hoog|verkeerd)|(?:onjuiste|verkeerde|foutieve|incorrecte) (?:factuur|bedrag|prijs|tarief|aantal|uren|berekening|facturering)|foutief (?:gefactureerd|berekend)|dubbel (?:gefactureerd|berekend|in rekening)|twee keer (?:gefactureerd|in rekening|berekend)|te veel (?:gefactureerd|berekend|in rekening|uren)|(?:meer|minder) (?:uren|stuks|dozen|pallets) (?:dan|gefactureerd)|reclamatie)`,
	),
	p(
		'dispute.nl-facts',
		'dispute',
		2,
		String.raw`\b(?:klopt niet|kloppen niet|klopt (?:helemaal |echt )?niet|niet (?:correct|juist) (?:gefactureerd|berekend)|(?:nooit|niet|nog niet|nog steeds niet) (?:\S{1,10} ){0,2}(?:geleverd|afgeleverd|besteld)\b|(?:goederen|levering|bestelling|producten|artikelen|spullen|materialen|onderdelen|zending|pakket|werkzaamheden|werk|dienst)\b[^.!?\n]{0,30}(?:nooit|niet) (?:ontvangen|gekregen|geleverd|aangekomen|uitgevoerd)|(?:beschadigd|kapot|defect|stuk) (?:aangekomen|geleverd|ontvangen)|(?:is|zijn|waren|was) (?:beschadigd|kapot|defect)|(?:opdracht|order|bestelling|contract|abonnement|overeenkomst) (?:is |was |werd |hebben we |hadden we )?(?:al )?(?:geannuleerd|opgezegd|ontbonden|beeindigd|stopgezet)|(?:hebben|hadden) (?:we|wij|ik) (?:al |toen )?(?:geannuleerd|opgezegd)|(?:geannuleerd|opgezegd) (?:per|op|sinds|in|vanaf)\b|(?:wij|we|ik) betalen (?:pas|niet) (?:als|zodra|wanneer|totdat|voordat)|betalen (?:pas|alleen|uitsluitend) (?:als|zodra|wanneer|nadat)|(?:wij|we) (?:zijn|zijn u) (?:u |jullie )?niets verschuldigd|niet verschuldigd|dat was niet afgesproken|niet (?:wat|zoals) (?:we|wij) (?:hadden )?(?:afgesproken|besteld|overeengekomen))`,
		false,
	),
	p(
		'dispute.it',
		'dispute',
		2,
		String.raw`\b(?:contest(?:iamo|ate|ato|ata|ati|are|azione|azioni|abile)\b|disaccordo|(?:non )?(?:siamo|sono) d'accordo (?:con|sul|sulla|sull')|(?:fattura|importo|prezzo|tariffa|quantita|ore|conteggio|totale|iva|cifra) (?:e |risulta |sembra |ci sembra |appare )?(?:errat[oa]|sbagliat[oa]|non corrett[oa]|non conforme|troppo alt[oa]|gonfiat[oa]|superiore)|(?:errore|errori|discrepanz\w{1,2}|incongruenz\w{1,2}) (?:nella|in|sulla|nelle|sulle|di) (?:fattura|fatturazione|importo|conteggio)|fatturat[oia] (?:due volte|in eccesso|erroneamente|per errore|piu)|addebitat[oia] (?:due volte|in eccesso|erroneamente)|doppia fatturazione|fattura doppia|addebito (?:non dovuto|errato|doppio))`,
	),
	p(
		'dispute.it-facts',
		'dispute',
		2,
		String.raw`\b(?:non (?:abbiamo|ho) (?:mai |ancora )?ricevuto (?:la |il |i |le |l'|gli |alcun |nessun )?(?:merce|material[ei]|prodott[oi]|fornitur\w|ordin\w|consegn\w|servizio|servizi|articol\w|pezz\w|lavor\w|attrezzatur\w|bancal\w|colli)|(?:merce|material[ei]|prodott[oi]|fornitura|ordine|consegna|articoli|pezzi|lavori?|servizio|intervento)[^.!?\n]{0,30}(?:non|mai) (?:e |sono |ci )?(?:stat[oaie] )?(?:consegnat|arrivat|ricevut|eseguit|effettuat|svolt|completat|terminat)|mai (?:consegnat|ordinat|eseguit|richiest)|non (?:abbiamo|ho) (?:mai )?(?:ordinato|richiesto|autorizzato|firmato|commissionato)|(?:arrivat|consegnat|giunt)[oaie] (?:rott|danneggiat|difettos|guast)|(?:danneggiat|difettos|guast)[oaie]\b|(?:ordine|contratto|abbonamento|servizio|incarico) (?:e stato |era stato |e |era |risulta )?(?:annullat|disdett|cancellat|rescis)|(?:abbiamo|avevamo) (?:gia )?(?:annullato|disdetto|cancellato|rescisso)|non (?:pagheremo|procederemo al pagamento|salderemo) (?:nulla |niente )?(?:finche|fino a (?:quando|che)|se non|fintanto)|(?:pagheremo|salderemo|procederemo al pagamento) (?:solo|soltanto|unicamente) (?:quando|se|dopo (?:aver|la|il))|non (?:e |risulta )?dovut[oa]|nulla (?:e )?dovuto|non (?:vi )?dobbiamo (?:nulla|niente)|non (?:era|e) (?:previst|incluso|inclus|concordat)\w{1,2} (?:nel|dal|nell'|dall') ?(?:preventivo|contratto|offerta|ordine))`,
		false,
	),
	p(
		'dispute.pt',
		'dispute',
		2,
		String.raw`\b(?:contest(?:amos|o|ar|ado|ada|ados|adas|acao|acoes|ando|ei)\b|discord(?:amos|o|ar|ando|ei)\b|nao (?:concordamos|concordo|aceitamos|aceito|reconhecemos|reconheco) (?:com )?(?:a |o |esta |este |essa |esse |tal )?(?:cobranca|fatura|valor|debito|divida|nota|boleto)|(?:fatura|valor|cobranca|preco|quantidade|horas|total|boleto|nota|montante|iva) (?:esta |veio |foi |e |parece |vem )?(?:errad[oa]|incorret[oa]|a maior|acima do (?:combinado|acordado)|divergente|com erro|indevid[oa]|inflacionad[oa])|divergencia|cobranca indevida|cobrad[oa]s? (?:em duplicidade|duas vezes|em dobro|a mais|indevidamente)|faturad[oa]s? (?:em duplicidade|duas vezes|a mais|indevidamente)|(?:fatura|boleto|nota|cobranca)s? (?:emitid[oa]s? |enviad[oa]s? )?em duplicidade|(?:cobranca|fatura) (?:em )?duplicad[oa]|erro na (?:fatura|cobranca|nota))`,
	),
	p(
		'dispute.pt-facts',
		'dispute',
		2,
		String.raw`\b(?:nao (?:recebemos|recebi|chegou|chegaram|foi entregue|foram entregues|foi realizad[oa]|foi prestad[oa]|foram prestados|foi executad[oa]|foi feit[oa]) (?:ainda )?(?:a |o |os |as |nenhum |nenhuma )?(?:mercadoria|produto|material|materiais|pedido|encomenda|entrega|equipamento|pecas|itens|servico|trabalho|obra|instalacao)|(?:mercadoria|produto|pedido|encomenda|material|entrega|servico|trabalho|obra|equipamento|pecas|itens)s?\b[^.!?\n]{0,30}(?:nao|nunca) (?:foi |foram )?(?:chegou|chegaram|entregue|realizad|prestad|executad|recebid|concluid|feit)|nunca (?:recebemos|chegou|chegaram|foi entregue|pedimos|solicitamos|contratamos|encomendamos|autorizamos)|nao (?:pedimos|solicitamos|contratamos|encomendamos|autorizamos|assinamos)|(?:avariad|danificad|defeituos|estragad|quebrad)[oa]s?\b|com defeito|(?:pedido|contrato|servico|assinatura|encomenda|plano) (?:ja )?(?:foi |tinha sido |estava |esta )?(?:cancelad|rescindid|encerrad)|(?:ja )?(?:cancelamos|rescindimos|encerramos) (?:o|a)|(?:so|somente|apenas) (?:vamos |iremos |vou |podemos )?(?:pagar|pagaremos|pagamos|efetuaremos|faremos|liberaremos|liberamos|quitaremos) (?:o pagamento |a fatura |o valor |o boleto )?(?:quando|se|mediante)|nao (?:vamos|iremos) (?:pagar|efetuar o pagamento|quitar) (?:ate que|enquanto)|nao podemos pagar enquanto|nao pagaremos|nao (?:e |esta )?devid[oa]|nao devemos (?:nada|este|esse)|nada (?:e |esta )?devido|nao (?:estava|esta|foi) (?:previst|incluid|combinad|acordad)[oa]s? (?:no|na|em)\b)`,
		false,
	),

	// complaint
	p(
		'complaint.nl',
		'complaint',
		2,
		String.raw`\b(?:klacht\w{0,2}|ontevreden|teleurgesteld|boos|woedend|kwaad|belachelijk|onacceptabel|onaanvaardbaar|schandalig|schandelijk|schande|onbeschoft|onprofessioneel|respectloos|lachwekkend|absurd|bespottelijk|dreigend|intimiderend|agressieve? (?:toon|mails|herinneringen)|toon van (?:uw|jullie|deze)|(?:voor|al) de (?:derde|vierde|vijfde|zoveelste) keer|zoveelste (?:keer|herinnering|mail)|ben het zat|zijn het zat|genoeg van|slechte (?:service|dienstverlening))`,
	),
	p(
		'complaint.it',
		'complaint',
		2,
		String.raw`\b(?:reclam[oi]|lamentel\w{1,2}|inaccettabil\w|inammissibil\w|vergogn\w{1,4}|scandalos\w|assurd[oa]|ridicol\w|indignat\w|arrabbiat\w|furios\w|delus[oiae]|delusione|insoddisfatt\w|(?:poco|non) professional\w|maleducat\w|irrispettos\w|offensiv\w|tono (?:aggressivo|minaccioso|offensivo|inappropriato)|(?:per )?l'ennesima volta|ennesim[oa] (?:sollecito|mail|e-?mail|volta|richiesta)|(?:siamo|sono) stuf[oi]|pessim[oa] (?:servizio|esperienza|gestione)|disservizio)`,
	),
	p(
		'complaint.pt',
		'complaint',
		2,
		String.raw`\b(?:reclamacao|reclame aqui|inaceitavel|inadmissivel|absurd[oa]|ridicul[oa]|vergonh\w{1,4}|indignad\w|revoltad\w|irritad\w|chatead\w|furios\w|decepcionad\w|insatisfeit\w|desrespeit\w|falta de respeito|descaso|pessim[oa]|(?:pouco|nada|falta de) profissional\w{0,6}|amadorismo|agressiv[oa]s?|ameacador\w{0,2}|ofensiv\w|queixa\w{0,2}|(?:nao e a|pela) (?:primeira|segunda|terceira|quarta|quinta|enesima) vez|(?:estamos|estou) (?:cansad|fart)\w{1,3})`,
	),

	// refund_request
	p(
		'refund.nl',
		'refund_request',
		2,
		String.raw`\b(?:terugbetal\w{0,4}|terug(?:storten|storting|gestort|boeken|geboekt|betalen|betaald|krijgen)|(?:het )?(?:geld|bedrag|verschil|teveel betaalde) (?:graag )?terug|restitu\w{1,6}|terug te (?:storten|betalen|boeken|geven)|(?:wil|willen) (?:\S{1,14} ){0,3}(?:terug|teruggestort|terugbetaald)\b|(?:geld|bedrag|aanbetaling|voorschot|borg) (?:\S{1,14} ){0,2}terug\b|dubbel betaald|twee keer betaald|te ?veel betaald|dubbele betaling|(?:storneer|storneren|terugdraaien) (?:de|het|deze) (?:betaling|afschrijving|bedrag)|chargeback)`,
	),
	p(
		'refund.it',
		'refund_request',
		2,
		String.raw`\b(?:rimbors\w{1,6}|restitu\w{1,6} (?:l'importo|la somma|i soldi|il denaro|quanto|il pagamento|la differenza|l'eccedenza|i) ?|restituzione (?:dell'importo|della somma|del pagamento|dei soldi|di quanto)|riaccredit\w{1,6}|rivogli(?:o|amo)|vogli(?:o|amo) indietro|ridat(?:eci|emi)|ridar(?:ci|mi)|restitu\w{1,8} (?:\S{1,14} ){0,2}(?:acconto|soldi|importo|somma|caparra|deposito|denaro|differenza|pagamento|quanto|anticipo)|(?:acconto|caparra|deposito|importo|somma|soldi|anticipo) (?:\S{1,14} ){0,3}(?:restituit|rimborsat|riaccreditat)\w{0,2}|stornare (?:il|l') ?(?:pagamento|importo|addebito)|storno (?:del pagamento|dell'importo|dell'addebito)|pagat[oa] (?:due volte|in eccesso|doppio|in doppio)|versat[oa] (?:due volte|in eccesso)|doppio (?:pagamento|bonifico|versamento)|pagamento (?:doppio|duplicato)|bonifico (?:doppio|duplicato))`,
	),
	p(
		'refund.pt',
		'refund_request',
		2,
		String.raw`\b(?:reembols\w{1,6}|estorn\w{1,6}|devolucao (?:do|dos|da) (?:valor|dinheiro|pagamento|montante|quantia|diferenca)|devolv\w{0,5}(?:-nos|-me)? (?:o |a |os |esse |este |nosso |meu |o nosso )?(?:valor|dinheiro|pagamento|quantia|montante|diferenca|sinal|adiantamento)|(?:quero|queremos) (?:o |meu |nosso )?(?:dinheiro|valor) de volta|(?:sinal|adiantamento|valor|dinheiro) (?:\S{1,14} ){0,3}(?:devolvid|reembolsad|estornad)\w{0,2}|pag(?:amos|uei|o|ou) (?:em duplicidade|duas vezes|em dobro|a mais|em duplicado)|pagamento (?:em )?(?:duplicidade|duplicado|a mais)|(?:valor|quantia) pag[oa] a (?:mais|maior)|creditar (?:o valor|a diferenca|na conta))`,
	),

	// payment_plan
	p(
		'plan.nl',
		'payment_plan',
		2,
		String.raw`\b(?:betalingsregeling|betaalregeling|(?:in|per|via) (?:twee |drie |vier |meerdere |maandelijkse )?termijnen|(?:twee|drie|vier|meerdere|maandelijkse|gespreide) (?:delen|betalingen|termijnen)|gespreid (?:betalen|over)|spreiden|uitstel|(?:meer|extra|wat meer|iets meer|langer) (?:tijd|uitstel|respijt) (?:nodig|krijgen|geven|vragen|om|voor)|(?:wat|iets|een paar weken|een week|een maand) (?:meer |extra |langer )?(?:tijd|de tijd) (?:nodig|krijgen|geven)|respijt|langere betaaltermijn|betaaltermijn (?:verlengen|verlenging|oprekken|van \d{2,3})|verlenging van (?:de )?(?:betaaltermijn|termijn)|deelbetaling\w{0,2}|gedeeltelijk(?:e)? (?:betalen|betaling)|(?:de helft|een deel) (?:nu|deze maand|direct)|(?:kunnen|kan|mogen|mag) (?:wij|we|ik) (?:de factuur |het bedrag |dit )?(?:ook |eventueel )?(?:pas |later |wat later )?(?:later|volgende maand|eind \w{3,10}|begin \w{3,10}|in \w{3,10}|na \w{3,10}) (?:betalen|voldoen|overmaken)|(?:kunnen|kan|mogen|mag) (?:wij|we|ik) ~ (?:pas|later) (?:betalen|voldoen)|liquiditeits?(?:problemen|krapte)|krap bij kas|cashflow(?:problemen)?|financiele (?:problemen|moeilijkheden))`,
	),
	p(
		'plan.it',
		'payment_plan',
		2,
		String.raw`\b(?:piano di (?:pagamento|rientro|rateizzazione)|rateizz\w{1,6}|rateal\w|a rate\b|(?:in|a) (?:due|tre|quattro|piu|diverse) (?:rate|tranche|soluzioni|volte)|rate mensili|pagamento (?:dilazionato|parziale|frazionato)|pagamenti parziali|dilazion\w{1,4}|proroga|prorogare|posticip\w{1,6}|rinvi(?:are|o|iamo) (?:il |del )?pagamento|(?:piu|ulteriore|altro|un po' di|qualche) (?:tempo|giorno in piu|settimana in piu)|qualche giorno (?:in piu|di tempo)|slittare|(?:possiamo|potremmo|e possibile|sarebbe possibile|si puo|potremo) (?:pagare|saldare|effettuare il pagamento|procedere al pagamento) (?:a (?:fine|meta|inizio|\d)|entro|il mese|la prossima|alla fine|piu avanti|dopo|in (?:\d|due|tre|quattro|rate|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre)\b|a fine|verso)|(?:difficolta|problemi|tensioni) (?:economiche|finanziarie|di liquidita|di cassa)|crisi di liquidita|(?:acconto|parte|meta) (?:ora|subito|adesso|questo mese) e|il (?:resto|saldo|rimanente) (?:a|entro|il mese|tra))`,
	),
	p(
		'plan.pt',
		'payment_plan',
		2,
		String.raw`\b(?:parcel(?:ar|amento|ado|ada|adamente|as)|prestacoes|em (?:duas|tres|quatro|cinco|seis|varias|\d{1,2}) (?:parcelas|vezes|prestacoes)|prorrog\w{1,6}|(?:mais|um pouco mais de|mais alguns dias de|um pouco de) (?:prazo|tempo)|(?:novo|outro|maior) prazo|(?:estender|alargar|esticar) o prazo|(?:adiar|postergar) (?:o )?pagamento|adiamento|(?:podemos|poderiamos|e possivel|seria possivel|daria para|da para|tem como|conseguimos|podiamos) (?:pagar|quitar|acertar|liquidar|efetuar o pagamento) (?:so |apenas |somente )?(?:em (?:duas|tres|quatro|\d{1,2}|janeiro|fevereiro|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|parcelas)\b|no (?:dia|mes|inicio|fim|final)\b|na (?:proxima|semana|sexta|segunda)\b|ate (?:o|a|dia|\d)|depois|mais (?:tarde|para frente)|dia \d|semana que vem|mes que vem|proxim\w)|acordo de pagamento|plano de pagamento|(?:negociar|renegociar) (?:a divida|o valor|o pagamento|um acordo|o prazo|prazo)|renegoci\w{1,6}|pagamento parcial|pagamentos parciais|pagar (?:uma )?parte|(?:dificuldades?|aperto|problemas?) (?:financeir|de caixa|de tesouraria)\w{0,2}|fluxo de caixa|caixa apertado|tesouraria apertada|(?:entrada|metade|parte) (?:agora|ja|hoje) e|o restante (?:em|no|ate|daqui))`,
	),

	// wrong_contact
	p(
		'contact.nl',
		'wrong_contact',
		2,
		String.raw`\b(?:werk(?:t|te)? (?:hier |daar |er )?niet meer|(?:is|ben) (?:hier )?niet meer (?:werkzaam|in dienst|actief|verantwoordelijk|bij|aan)|niet langer (?:werkzaam|in dienst|bij|verantwoordelijk)|uit dienst|(?:heeft|hebben) (?:het bedrijf|de organisatie|ons) verlaten|met pensioen|(?:niet de|geen) (?:juiste|goede) (?:persoon|contactpersoon|afdeling|ontvanger|adres)|verkeerde (?:persoon|contactpersoon|afdeling|adres|ontvanger|bedrijf|e-?mailadres|klant)|(?:niet|nooit) (?:bekend|klant) bij|geen klant (?:van|bij)|(?:ga|gaat) (?:niet|niet meer) over (?:de )?(?:facturen|betalingen|crediteuren)|(?:stuur|stuurt|richt|mail) (?:de |uw |alle )?(?:facturen|correspondentie|herinneringen|post) (?:voortaan |in het vervolg )?(?:naar|aan)|(?:voortaan|in het vervolg|vanaf nu)\b[^\n]{0,40}@)`,
		false,
	),
	p(
		'contact.it',
		'wrong_contact',
		2,
		String.raw`\b(?:non lavor[ao] piu|non (?:e|sono) piu (?:in azienda|presso|con noi|responsabile|il referente|dipendente|in forza|la persona|in servizio|il contatto)|non fa piu parte|non faccio piu parte|ha lasciato (?:l'azienda|la societa|il suo incarico|l'ufficio|il gruppo)|(?:e|sono) andat[oa] in pensione|in pensione|(?:persona|referente|indirizzo|contatto|ufficio|destinatario|interlocutore) (?:sbagliat|errat|non corrett)\w|non (?:sono|e) (?:la persona|il referente|l'ufficio|il contatto) (?:giust|corrett|compet|indicat)\w|non (?:e|e') di (?:mia|nostra) competenza|non (?:siamo|sono) (?:vostri |un vostro |una vostra )?client\w)`,
		false,
	),
	p(
		'contact.pt',
		'wrong_contact',
		2,
		String.raw`\b(?:nao trabalh(?:a|o|amos) mais|ja nao trabalh\w{1,4}|(?:nao faz|nao faco|deixou de fazer) (?:mais )?parte|(?:saiu|desligad[oa]|deixou|afastad[oa]) (?:da|a) empresa|nao (?:esta|estou|e|sou) mais (?:na empresa|aqui|responsavel|conosco|com a gente|com a empresa|o responsavel|a responsavel)|(?:se )?aposent(?:ou|ada|ado)|(?:pessoa|contato|contacto|setor|departamento|endereco|e-?mail|destinatario) (?:errad|incorret)[oa]|nao (?:sou|e) (?:a pessoa|o responsavel|a responsavel|o setor|o contato|o contacto) (?:certa|correta|certo|correto|indicad)|nao (?:somos|sou) (?:seus |vossos |seu |vosso )?client\w{1,2})`,
		false,
	),

	// out_of_office
	p(
		'ooo.nl',
		'out_of_office',
		2,
		String.raw`\b(?:afwezig|afwezigheid|niet (?:op kantoor|aanwezig|bereikbaar)|met vakantie|op vakantie|met verlof|(?:zwangerschaps|ouderschaps|zieken?)verlof|(?:ben|is) (?:ziek|verhinderd)|(?:weer|terug) (?:op kantoor|aanwezig|bereikbaar)|beperkt bereikbaar|buiten kantoor|(?:ben|zijn) (?:vanaf|per|op) \w{3,12} (?:weer|terug))`,
	),
	p(
		'ooo.it',
		'out_of_office',
		2,
		String.raw`\b(?:fuori (?:ufficio|sede)|assent[ei]|in ferie|in vacanza|in malattia|in congedo|in maternita|rientrer[oa]|(?:saro|sara) di (?:nuovo|ritorno)|di ritorno (?:il|dal|a|lunedi|martedi|mercoledi|giovedi|venerdi)|non (?:saro|sono) (?:in ufficio|raggiungibile|reperibile)|accesso limitato (?:alla posta|alle e-?mail|alla casella))`,
	),
	p(
		'ooo.pt',
		'out_of_office',
		2,
		String.raw`\b(?:fora do escritorio|ausente|de ferias|em ferias|de licenca|em licenca|licenca (?:medica|maternidade|paternidade)|(?:estarei|estaremos) (?:fora|ausentes?|de volta|em viagem|de ferias)|(?:retornarei|voltarei|regressarei|regresso) (?:ao escritorio )?(?:no dia|dia|em|na|a partir|a \d)|estarei de volta|em viagem|acesso limitado)`,
	),

	// opt_out
	p(
		'optout.nl',
		'opt_out',
		2,
		String.raw`\b(?:afmelden|uitschrijven|(?:geen|niet langer) (?:e-?mails|mails|herinneringen|berichten|aanmaningen) meer|(?:stop|stopt|stoppen) (?:met|nu met) (?:mailen|e-?mailen|sturen|berichten|herinneringen)|(?:haal|verwijder|schrap) (?:mij|me|ons|mijn adres|dit adres) (?:uit|van)|(?:stuur|mail) (?:mij|me|ons) (?:geen|niet)|niet meer (?:mailen|e-?mailen|benaderen|contacteren|te mailen|te benaderen))`,
	),
	p(
		'optout.it',
		'opt_out',
		2,
		String.raw`\b(?:disiscriv\w{1,6}|(?:rimuover|cancellar|toglier|eliminar)(?:e|mi|ci)(?: (?:il mio|la mia|il nostro|questo))?(?: (?:indirizzo|e-?mail|nominativo|contatto))? dall[ae] (?:vostr[ae] )?(?:lista|liste|mailing|newsletter|rubrica|invii|comunicazioni)|(?:rimuovete|cancellate|togliete)(?:mi|ci)\b|(?:smettete|smettetela|smettere|smettiate|cessate) di (?:scriver|inviar|mandar|contattar)\w{0,4}|non (?:scriveteci|scrivetemi|contattateci|contattatemi|inviateci|inviatemi|mandateci|mandatemi) piu|non (?:vogliamo|voglio) (?:piu )?ricevere|basta (?:email|e-mail|mail|solleciti|messaggi))`,
	),
	p(
		'optout.pt',
		'opt_out',
		2,
		String.raw`\b(?:descadastr\w{1,6}|(?:(?:me|nos) )?(?:remov|retir|exclu|tir|apag)\w{1,6}(?:-me|-nos)?(?: o)?(?: (?:meu|nosso|este))?(?: (?:e-?mail|contato|contacto|endereco|nome))? d[ao]s? (?:sua |vossa )?(?:lista|mailing|cadastro|base)|(?:parem|pare|deixem|deixe) de (?:me |nos )?(?:enviar|mandar|ligar|contatar|contactar|escrever)|nao (?:quero|queremos) (?:mais )?receber|nao (?:me|nos) (?:enviem|mandem|contatem|contactem|escrevam) mais|cancelar (?:o )?(?:envio|recebimento) d|chega de (?:lembretes|e-?mails|mensagens|avisos|cobrancas))`,
	),

	p(
		'dispute.nl-more',
		'dispute',
		2,
		String.raw`\b(?:(?:komt|komen|stemt|stemmen) niet overeen|(?:is|zijn|wordt|worden|werd) (?:dus |volledig |geheel |echt )?(?:onterecht|onrechtmatig)|(?:onterecht|ten onrechte) (?:gefactureerd|in rekening|berekend|aangerekend|gevraagd)|(?:is|een|als) dubbel\b|dubbele factuur|dubbel (?:gefactureerd|verstuurd)|(?:betalen|betaal) (?:we|wij|ik) (?:dus |dan |ook |echt |zeker )?niet\b|(?:we|wij|ik) (?:betalen|betaal) (?:deze|die|dit|dat|het|de|ze|hem)\b[^.!?\n]{0,30}\bniet\b|(?:gaan|zullen) (?:we|wij|ik) (?:dus |ook |zeker )?niet betalen|(?:we|wij|ik) (?:gaan|zullen) (?:\S{1,14} ){0,4}niet betalen|(?:contract|abonnement|opdracht|order|bestelling|overeenkomst|evenement|cursus|lidmaatschap)\b[^.!?\n]{0,40}\b(?:geannuleerd|opgezegd|ontbonden|beeindigd|stopgezet|afgelast|niet verlengd)|(?:werk|werkzaamheden|klus|reparatie|installatie|website|project|levering|ontwerp|montage|onderhoud)\b[^.!?\n]{0,40}\b(?:niet|nooit|nog niet) (?:gedaan|af|afgemaakt|afgerond|opgeleverd|gerepareerd|geplaatst|geinstalleerd|klaar|compleet|volledig)\b|(?:nooit|geen) (?:opdracht|order|toestemming|akkoord) (?:\S{1,14} )?(?:gegeven|geplaatst)|(?:maar|slechts|alleen) \d+ (?:\S{1,20} )?(?:geleverd|ontvangen|gekregen|gewerkt)\b)`,
		false,
	),
	p(
		'dispute.it-more',
		'dispute',
		2,
		String.raw`\b(?:non corrispond\w{1,3}|non coincid\w{1,3}|non (?:e|sono) quell[oaie] (?:concordat|pattuit|previst|ordinat)\w|non (?:e|era) (?:quanto|come) (?:concordato|pattuito|ordinato)|(?:e|risulta) (?:doppia|duplicata|un doppione)|doppione|duplica (?:la|il|quella)|emessa due volte|non (?:paghiamo|pago|pagheremo|paghero|salderemo|saldiamo|intendiamo pagare|procediamo al pagamento|verseremo)\b|non (?:la|lo|le|li) (?:paghiamo|pago|pagheremo|paghero)\b|(?:sospes[oa]|sospendiamo|sospendere|bloccat[oa]|blocchiamo|tratteniamo|congelat[oa]) (?:il |l'|ogni |qualsiasi )?(?:pagament|saldo|fattura)|(?:pagamento|fattura|saldo) (?:resta |rimane |e |viene )?(?:sospes|bloccat|congelat)|(?:lavoro|lavori|intervento|servizio|sito|impianto|progetto|riparazione|installazione|montaggio|fornitura)\b[^.!?\n]{0,40}\bnon (?:e |sono |e stato |sono stati )?(?:(?:ancora|mai) )?(?:finit|complet|termin|eseguit|svolt|pront|attivat|riparat|installat)\w|(?:si e|e) guastat[oa]|(?:mai|non) (?:e |sono )?(?:stat[oi] )?attivat\w|fatto male|mal fatto|eseguit[oa] male|inutilizzabil\w|non conform\w|(?:correggete|correggere|rettificare|rettificate|stornate|stornare) (?:la |il |l'|quella |questa )?(?:fattura|importo|addebito|voce|documento)|nota di credito per la differenza|(?:ne abbiamo|abbiamo) ricevut\w (?:solo |soltanto )?\d+|(?:solo|soltanto) \d+ (?:\S{1,20} )?(?:consegnat|ricevut|arrivat)\w)`,
		false,
	),
	p(
		'dispute.pt-more',
		'dispute',
		2,
		String.raw`\b(?:nao (?:bate|batem|confere|conferem|corresponde|correspondem|coincide|coincidem)\b|nao (?:e|foi) o (?:combinado|acordado|contratado|orcado)|(?:esta|foi|veio|e) duplicad[oa]|duplica a|em duplicado|(?<!ainda )nao (?:pagamos|pago|pagaremos|pagarei|vou pagar|vamos pagar|iremos pagar|vamos efetuar o pagamento|vamos liquidar) (?:esta|essa|este|esse|a|o|as|os|por|ate|enquanto|nada|um|uma|isso|isto|pelo|pela|sem)\b|(?:suspend\w{1,6}|reter|retemos) (?:o )?pagamento|pagamento (?:fica |ficara |esta )?(?:suspenso|retido)|(?:servico|trabalho|obra|site|sistema|conserto|reparacao|reparo|instalacao|montagem|equipamento|maquina|projeto)\b[^.!?\n]{0,40}\b(?:nao|nunca) (?:foi |esta |ficou )?(?:ainda )?(?:feit|conclu|termin|realizad|execut|pront|entregue|instalad|resolvid|consertad|reparad)\w{0,4}|(?:ainda )?nao (?:esta|ficou) (?:pronto|online|funcionando|concluido|resolvido)|nao resolveu|continua com (?:o mesmo |um )?(?:defeito|problema)|mesmo defeito|(?:corrijam|corrija|corrigir|retifiquem|retificar|anulem|anular) (?:a |o |essa |esta )?(?:fatura|nota|boleto|cobranca|valor)|anulacao (?:da|de|desta)|nota de credito (?:pela|para a|da|referente a) (?:diferenca|valor)|com o valor (?:correto|certo|combinado)|(?:tira|tirem|retirem|retire) (?:esse|este|o) valor|nao (?:contratei|pedi|solicitei|encomendei|autorizei|assinei)|(?:recebemos|recebi|chegaram|entregaram) (?:apenas|somente|so) \d+)`,
		false,
	),
	p(
		'dispute.not-number',
		'dispute',
		2,
		String.raw`(?:,|;|\(| -| –|—) ?(?:not|niet|geen|non|nao|nicht|keine?|pas|no) (?:[$€£]|chf |eur |r\$ ?|us\$ ?)?\d`,
		false,
	),
	p(
		'dispute.broken-nl-it-pt',
		'dispute',
		1.2,
		String.raw`\b(?=werkt|functioneert|doet het|non funziona|nao funciona)(?<!\b(?:link|pdf|portaal|portale|portal|site|website|sito|pagina|bijlage|allegato|anexo|boleto|app|login|wachtwoord|password|senha|codice|codigo|code)\b[^.!?\n]{0,25})\b(?:(?:werkt|functioneert|doet het) (?:nog steeds |nog altijd |alweer |weer )?niet\b|non funziona\w{0,2}|nao funciona\w{0,2})`,
		false,
	),
	p(
		'plan.nl-more',
		'payment_plan',
		2,
		String.raw`\b(?:af(?:betalings|lossings)(?:plan|regeling)|(?:in|per) (?:\d|twee|drie|vier|vijf|zes) (?:keer|keren|schijven|stappen|delen|maanden)\b|schijven|spreiding|(?:eerste|tweede|laatste) schijf|tot (?:half|eind|begin|medio) \S{3,12} (?:de tijd|geven|wachten)|(?:de tijd|uitstel) (?:mogen |kunnen )?(?:krijgen|geven)|(?:geven|gunnen|geef|gun) (?:me|mij|ons) (?:nog )?(?:tot|een|wat|even|twee|drie|\d)|(?:vervaldatum|betaaltermijn|betalingstermijn|termijn|deadline) (?:\S{1,14} ){0,3}(?:opschuiven|verschuiven|verlengen|verzetten|uitstellen)|(?:mogelijk|kan|kunnen|mag|mogen)\b[^.!?\n]{0,25}\bpas (?:in|na|eind|begin|volgende|over|half) \S{2,12} (?:te )?(?:betalen|voldoen|overmaken)|(?:nu|eerst) een deel (?:te )?(?:betalen|overmaken)|het (?:restant|resterende|overige|saldo) (?:in|eind|begin|volgende|na|later|over)\b|\d+ (?:euro |eur )?per maand)`,
	),
	p(
		'plan.it-more',
		'payment_plan',
		2,
		String.raw`\b(?:(?:spostare|posticipare|prorogare|far slittare|rinviare|allungare) (?:la |il )?(?:scadenza|termine|pagamento)|(?:ancora|altri|altre|un altro|un'altra) (?:\d+ |un |una |due |tre |qualche )?(?:giorni|settimane|settimana|mese|mesi)\b|(?:prima|seconda|terza|ultima) rata|(?:la |l'altra )meta (?:il|a|entro|ora|subito|adesso|alla|a fine|il mese)\b|\d+ (?:euro |eur )?al mese|(?:possiamo|posso|potremmo|potrei) avere (?:ancora )?(?:un|una|qualche|altri|altre|\d))`,
	),
	p(
		'plan.pt-more',
		'payment_plan',
		2,
		String.raw`\b(?:(?:primeira|segunda|terceira|1a|2a|3a|ultima) parcela|em \d{1,2} ?x\b|(?:parcelas|prestacoes) (?:de|mensais|iguais)|(?:pagar|pago|pagamos|pagaremos) metade|metade (?:agora|hoje|na|no|ja|este|esta)\b|(?:posso|poderia|pode ser|podia) (?:pagar|quitar|acertar) (?:so |apenas |somente )?(?:em (?:duas|tres|quatro|\d{1,2}|janeiro|fevereiro|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|parcelas)\b|no (?:dia|mes|inicio|fim|final)\b|na (?:proxima|semana|sexta|segunda)\b|ate (?:o|a|dia|\d)|depois|mais (?:tarde|para frente)|dia \d|semana que vem|mes que vem|proxim\w)|mais (?:uns|alguns) dias|(?:mais|outro) prazo|(?:uma|mais uma) semana (?:a mais|de prazo)|mais (?:um|uma) (?:mes|semana) (?:de prazo|para pagar|para quitar)|(?:adiar|prorrogar|estender|empurrar|mudar|alterar) (?:o |a )?(?:vencimento|prazo|data de vencimento)\b|\d+ (?:reais |euros )?(?:por|ao) mes)`,
	),
	p(
		'contact.nl-more',
		'wrong_contact',
		2,
		String.raw`\b(?:(?:niet meer|niet langer) in gebruik|(?:verwart|verward|verwisselt|verwisseld) (?:mij|me|ons) met|(?:ergens anders|elders) (?:werken|aan de slag|werkzaam)|(?:heeft|hebben) (?:\S{1,14} ){0,3}overgenomen|uitbesteed aan|(?:niets|niks) (?:mee )?te maken|ik heb geen (?:zaak|bedrijf|account|contract|klantrelatie|factuur) bij)`,
		false,
	),
	p(
		'contact.it-more',
		'wrong_contact',
		2,
		String.raw`\b(?:non (?:mi|ce ne|me ne|ci) (?:occupo|occupiamo) (?:piu|io|di pagament|dei pagament|di fattur|delle fattur|di amministrazione|della contabilita)|non (?:me|ce) ne occupo|mi occupo (?:di|del|della|delle|dei) \S{3,20},? non (?:di|dei|della|delle|del)|(?:avete|hai|ha) sbagliato (?:destinatario|persona|indirizzo|contatto|mail|email|e-mail)|non c'entr\w{1,3}|non sono io (?:il |la |l')?(?:titolare|referente|responsabile|intestatari\w)|(?:e|viene|sono) (?:gestit[oa]|seguit[oa]) (?:da|dallo|dalla)\b|(?:d'ora|da ora|da adesso) in (?:poi|avanti)\b[^\n]{0,40}@|cessato (?:l'attivita|la attivita)|(?:ditta|societa|azienda) (?:e stata |e )?(?:chiusa|cessata)|(?:gestisco|gestiamo) piu)`,
		false,
	),
	p(
		'contact.pt-more',
		'wrong_contact',
		2,
		String.raw`\b(?:(?:ja )?nao estou (?:mais )?na empresa|sai da empresa|nao (?:sou eu|e comigo) (?:quem|que) (?:trata|cuida|faz|resolve)|nao (?:cuido|trato|respondo) mais|(?:sou|trabalho) d[oa] (?:comercial|marketing|vendas|rh|recursos humanos|logistica|producao|ti|suporte)\b|(?:falem|fale|procure|procurem|contatem|contactem|liguem) (?:com )?(?:o |a )?(?:contabilidade|financeiro|setor financeiro|departamento financeiro|sra|sr|senhora|senhor|responsavel)\b|errar\w{0,3} (?:o |de |a )?(?:e-?mail|endereco|destinatario|pessoa|contato)|(?:mandaram|enviaram) para (?:o|a) \S{2,20} errad[oa]|nao tenho (?:nenhum |nenhuma |qualquer )?(?:contrato|relacao|vinculo|conta|cadastro|negocio)|(?:e-?mail|endereco|caixa) (?:foi |esta )?desativad[oa]|(?:a partir de agora|daqui (?:em|para) diante|doravante|de agora em diante)\b[^\n]{0,40}@|terceirizad[oa]|(?:e|fica) (?:feita|tratad[oa]) (?:pel[oa]|por)\b)`,
		false,
	),
	p(
		'contact.redirect.nl',
		'wrong_contact',
		0.6,
		String.raw`\b(?:stuur|sturen|stuurt|mail|mailen|mailt|richt|richten|wend|neem contact op met|contact opnemen met|doorsturen naar)\b[^\n]{0,60}@`,
	),
	p(
		'contact.redirect.it',
		'wrong_contact',
		0.6,
		String.raw`\b(?:inviare|inviate|mandate|mandare|indirizzare|indirizzate|girate|girare|scrivere|scrivete|scriva|contattare|contattate|rivolgersi|rivolgetevi)\b[^\n]{0,60}@`,
	),
	p(
		'contact.redirect.pt',
		'wrong_contact',
		0.6,
		String.raw`\b(?:enviem|envie|enviar|mandem|mande|mandar|encaminhem|encaminhe|encaminhar|reencaminhem|reencaminhar|direcionem|direcionar|contatar|contactar|contate|contacte)\b[^\n]{0,60}@`,
	),
	p(
		'optout.nl-more',
		'opt_out',
		2,
		String.raw`\b(?:(?:verwijder\w{0,3}|haal|halen|schrap\w{0,3}|uit te schrijven|uitschrijven|afmelden)[^.!?\n]{0,30}(?:verzendlijst|mailinglijst|mailinglist|mailings?\b|nieuwsbrief|deze mails)|(?:verzendlijst|mailinglijst|mailinglist)[^.!?\n]{0,30}(?:verwijder\w{0,3}|halen|schrappen|uitschrijven|afmelden))`,
	),
	p(
		'optout.it-more',
		'opt_out',
		2,
		String.raw`\b(?:(?:rimuov|cancell|togli|elimin|esclud)\w{0,6}[^.!?\n]{0,40}(?:dai (?:vostri )?invii|dalla (?:vostra )?(?:lista|mailing|rubrica)|dalle (?:vostre )?(?:liste|comunicazioni|mailing)|da (?:questi|questa|queste) (?:promemoria|solleciti|invii|mail|email|comunicazioni|lista))|non (?:inviare|mandare|inviarmi|inviarci|mandarmi|mandarci|scrivere|scrivermi|scriverci|inviate|mandate) piu)`,
	),
	p(
		'optout.pt-more',
		'opt_out',
		2,
		String.raw`\b(?:cancel\w{1,4} (?:a |o )?(?:subscricao|inscricao|assinatura|envio|cadastro) (?:d[eo]stes|d[eo]sses|d[ao]s?) (?:e-?mails|emails|mensagens|avisos|lembretes)|(?:me|nos) (?:tirem|tire|retirem|removam|excluam|descadastrem)\b|(?:parem|pare) (?:com|de) (?:os |esses |estes )?(?:e-?mails|emails|mensagens|lembretes|avisos))`,
	),

	// already_paid
	p(
		'paid.nl',
		'already_paid',
		2,
		String.raw`\b(?:(?:al|reeds|inmiddels|gisteren|eergisteren|vorige week|vanochtend|vandaag|zojuist|net) (?:is |zijn |werd |hebben we |heb ik |hebben wij )?(?:betaald|overgemaakt|voldaan|gestort|overgeboekt|afgeschreven)|(?:is|zijn|werd|werden) (?:al |reeds |inmiddels |gisteren |vandaag |op \S{1,12} )?(?:betaald|overgemaakt|voldaan|gestort|overgeboekt|afgeschreven)\b|(?:hebben|heb|heeft) (?:(?!niet |geen |nog niet )[a-z0-9.-]{1,14} ){0,4}(?:betaald|overgemaakt|voldaan|gestort|overgeboekt)\b|betaling (?:is|werd) (?:al |reeds |inmiddels )?(?:gedaan|verricht|uitgevoerd|verstuurd|verwerkt|voldaan)|betalingsbewijs|betaalbewijs|bewijs van betaling)`,
		true,
		true,
	),
	p(
		'paid.it',
		'already_paid',
		2,
		String.raw`\b(?:(?:abbiamo|ho|avevamo) (?:gia |regolarmente |gia regolarmente )?(?:pagat|saldat|bonificat|versat|liquidat)\w|(?:abbiamo|ho) (?:gia )?(?:effettuato|eseguito|disposto|inviato|fatto) (?:il |regolarmente il )?(?:bonifico|pagamento|saldo|versamento)|(?:e stat[oa]|sono stat[ie]|risulta|risultano) (?:gia |regolarmente )?(?:pagat|saldat|bonificat|versat|liquidat|effettuat|dispost|eseguit)\w|gia (?:pagat|saldat|bonificat|versat|effettuat|dispost|liquidat)\w|(?:bonifico|pagamento|versamento|saldo) (?:e stato |gia |risulta )?(?:effettuato|eseguito|disposto|inviato|partito|accreditato)|(?:in allegato|allego|alleghiamo|si allega|vi invio) (?:la )?(?:contabile|ricevuta|distinta|copia del bonifico)|contabile (?:del bonifico|bancaria))`,
		true,
		true,
	),
	p(
		'paid.pt',
		'already_paid',
		2,
		String.raw`\b(?:ja (?:pagamos|quitamos|transferimos|depositamos|liquidamos|efetuamos|realizamos|fizemos)|(?:paguei|quitei|transferi|depositei|liquidei)\b(?! (?:duas|em dobro|em duplicidade|a mais))|(?:pagamos|quitamos|transferimos|depositamos|liquidamos) (?:(?:a|o) (?:fatura|boleto|valor|nota|montante) )?(?:ontem|anteontem|hoje de manha|(?:na )?semana passada|no (?:ultimo|passado)|na (?:ultima|passada)|no dia \d{1,2}|em \d{1,2}[./]|dia \d{1,2}[./])|(?:efetuamos|realizamos|fizemos|efetuei|realizei|fiz|efectuamos|efectuei) (?:o |a )?(?:pagamento|transferencia|deposito|pix|ted)|(?:foi|foram|ja foi|ja foram|esta|ja esta|estao) (?:devidamente )?(?:pag[oa]s?|quitad[oa]s?|transferid[oa]|depositad[oa]|efetuad[oa]|efectuad[oa]|realizad[oa]|liquidad[oa])\b|(?:pagamento|transferencia|deposito|pix|ted|boleto) (?:ja )?(?:foi )?(?:efetuad|efectuad|realizad|feit|enviad|compensad|quitad|pag)[oa]\b|comprovante (?:de pagamento|em anexo|anexo|segue)|segue (?:em anexo )?(?:o )?comprovante|(?:em anexo|anexo|segue) (?:o )?comprovativo|comprovativo (?:de pagamento|de transferencia|em anexo))`,
		true,
		true,
	),

	// promise_to_pay
	p(
		'promise.nl',
		'promise_to_pay',
		2,
		String.raw`\b(?:(?:wij|we|ik) (?:zullen|gaan|ga|zal) (?:(?!niet |geen |pas )[a-z0-9.-]{1,14} ){0,5}(?:betalen|overmaken|voldoen|overboeken|storten|betaald|overgemaakt)|(?:wordt|worden|zal|zullen) (?:(?!niet |geen )[a-z0-9.-]{1,14} ){0,5}(?:betaald|overgemaakt|voldaan|overgeboekt|gestort|ingepland|ingeboekt)|(?:wij|we|ik) (?:betalen|betaal|maken) (?:de factuur |het bedrag |deze |het |dit |de rest )?(?:over )?(?:op|voor (?:het einde|eind|vrijdag|maandag|dinsdag|woensdag|donderdag|de \d|\d)|uiterlijk|binnen|morgen|vandaag|volgende|deze|vrijdag|maandag|dinsdag|woensdag|donderdag|eind|begin|in|komende)\b|betaal (?:ik|wij|we) (?:de factuur |het )?(?:op|voor|uiterlijk|morgen|volgende|deze|vrijdag|maandag|dinsdag|woensdag|donderdag|eind|komende)|(?:betalen|betaal|overmaken|voldoen) (?:(?!niet |geen |pas )\S{1,14} ){0,2}(?:morgen|overmorgen|vandaag|volgende week|deze week|(?:aanstaande |komende |volgende )?(?:maandag|dinsdag|woensdag|donderdag|vrijdag)|uiterlijk|binnen \d|eind (?:deze|volgende) (?:week|maand))\b|(?:maken|maak) (?:wij |we |ik )?(?:het|het bedrag|de betaling) (?:\S{1,12} )?over|betaling (?:volgt|gaat|staat|komt)|(?:staat|is) (?:ingepland|gepland|klaargezet) (?:voor|in|op)|(?:volgende|eerstvolgende|komende) betaal(?:run|ronde|batch)|betaalrun|uiterlijk \S{1,12} (?:betaald|voldaan|overgemaakt|binnen))`,
	),
	p(
		'promise.it',
		'promise_to_pay',
		2,
		String.raw`\b(?:pagheremo|salderemo|verseremo|effettueremo (?:il )?(?:bonifico|pagamento|saldo|versamento)|disporremo|bonificheremo|liquideremo|(?:provvederemo|procederemo|procedero|provvedero) (?:al|a|con il|col) (?:pagamento|saldo|bonifico|saldare|pagare|versamento)|(?:sara|verra|saranno|verranno) (?:[a-z0-9']{1,14} ){0,2}(?:pagat|saldat|bonificat|effettuat|dispost|liquidat|messo in pagamento|messa in pagamento|regolat)\w|(?:il )?(?:pagamento|bonifico|saldo) (?:partira|avverra|sara effettuato|e previsto|e programmato|e in programma|e pianificato|e schedulato)|(?:programmat|pianificat|schedulat)[oa] (?:per|il|entro|a)|mess[oa] in pagamento|mettiamo in pagamento|(?:vi )?paghiamo (?:entro|il|lunedi|martedi|mercoledi|giovedi|venerdi|domani|oggi|la prossima|questa|a fine|fine|subito)|(?:pago|saldo) (?:entro|domani|venerdi|lunedi|la prossima))`,
	),
	p(
		'promise.pt',
		'promise_to_pay',
		2,
		String.raw`\b(?:(?:vamos|iremos|vou|irei|vai|ira) (?!a )(?:[a-z0-9]{1,14} ){0,2}(?:pagar|quitar|transferir|depositar|efetuar o pagamento|efectuar o pagamento|realizar o pagamento|fazer o pagamento|acertar|liquidar|regularizar)|(?:pagaremos|quitaremos|efetuaremos|efectuaremos|realizaremos o pagamento|faremos o pagamento|transferiremos|depositaremos|acertaremos|liquidaremos|regularizaremos)|(?:sera|serao) (?:[a-z0-9]{1,14} ){0,2}(?:pag[oa]s?|quitad|efetuad|efectuad|realizad|transferid|depositad|liquidad|regularizad)|(?:pagamento|transferencia|deposito|pix|boleto|ted) (?:esta |ja esta |foi |fica |ficou )?(?:programad|agendad)|(?:programamos|agendamos|agendei|programei) o pagamento|(?:esta|fica|ficou) (?:programad|agendad)[oa] (?:para|pra)|(?:pago|pagamos|pagarei) (?:amanha|hoje|ate|na proxima|na sexta|na segunda|semana que vem))`,
	),

	// missing_documents
	p(
		'docs.nl',
		'missing_documents',
		2,
		String.raw`\b(?:(?:stuur|stuurt|sturen|zend|zendt|mail|mailt|kunt u|kunnen jullie|kun je|graag|gelieve|wilt u|zou u)[^.!?\n]{0,30}(?:kopie|factuur opnieuw|pdf|inkooporder|ordernummer|bestelnummer|po-nummer|referentienummer|pakbon|afleverbon|leveringsbon|specificatie|urenstaat|urenoverzicht|creditnota|rekeningoverzicht|bankgegevens|gecorrigeerde factuur|nieuwe factuur)|(?:factuur|bijlage|pdf)[^.!?\n]{0,20}(?:niet|nooit|nog niet) (?:ontvangen|gekregen|gezien|gevonden)|geen (?:factuur|bijlage|pdf) (?:ontvangen|gekregen|gezien|gevonden|bijgevoegd)|(?:zonder|ontbreekt|mist|ontbrekend\w?|ontbreken) (?:het |de |een |ons )?(?:ordernummer|inkoopordernummer|po-nummer|bestelnummer|referentienummer|inkooporder)|(?:ordernummer|inkoopordernummer|po-nummer|bestelnummer|referentie) (?:ontbreekt|staat er niet|moet op)|bijlage (?:ontbreekt|is leeg|opent niet|zit er niet bij)|(?:kan|kunnen) (?:de|uw) (?:factuur|bijlage|pdf) niet (?:vinden|openen))`,
	),
	p(
		'docs.it',
		'missing_documents',
		2,
		String.raw`\b(?:(?:inviare|inviarci|inviarmi|inviatemi|inviateci|mandare|mandarci|mandatemi|mandateci|rimandare|reinviare|trasmettere|trasmetterci|girare|girarci|potete|potreste|ci serve|ci servono|serve|necessitiamo|abbiamo bisogno)[^.!?\n]{0,30}(?:copia|pdf|duplicato|ordine d'acquisto|numero (?:d'ordine|ordine|di ordine)|ddt|documento di trasporto|bolla|estratto conto|nota di credito|coordinate bancarie|cig|cup|codice univoco|fattura corretta|nuova fattura|fattura elettronica)|(?:fattura|allegato|pdf)[^.!?\n]{0,20}(?:non|mai) (?:ci )?(?:e |e' )?(?:stat[oa] )?(?:ricevut|arrivat|pervenut|allegat)|non (?:abbiamo|ho) (?:mai )?ricevuto (?:la |nessuna |alcuna |la vostra |la sua )?fattura|non (?:ci )?(?:e|risulta) (?:mai )?(?:arrivata|pervenuta) (?:la |nessuna |alcuna )?fattura|non ci risulta (?:pervenut|arrivat)|(?:manca|mancano|senza|privo di|priva di) (?:il |l'|la |i )?(?:numero (?:d'ordine|ordine|di ordine)|riferimento (?:ordine|all'ordine)|ordine d'acquisto|cig|codice (?:univoco|destinatario))|allegato (?:mancante|vuoto|non (?:si apre|leggibile|presente)))`,
	),
	p(
		'docs.pt',
		'missing_documents',
		2,
		String.raw`\b(?:(?:enviar|enviem|envie|mandar|mandem|mande|reenviar|reenviem|encaminhar|encaminhem|poderiam|podem|pode|precisamos d[ao]s?|necessitamos|solicitamos|solicito|gostaria de receber)[^.!?\n]{0,30}(?:copia|2a via|segunda via|nota fiscal|nf-?e|danfe|xml|pedido de compra|numero do pedido|ordem de compra|numero da encomenda|nota de credito|extrato|dados bancarios|iban|fatura corrigida|nova fatura|boleto atualizado|novo boleto|fatura-recibo)|(?:nao|nunca) (?:recebemos|recebi|chegou|chegaram|encontramos|encontrei) (?:ainda )?(?:a |o |nenhuma |nenhum )?(?:sua |vossa )?(?:fatura|boleto|nota fiscal|nf|nota|anexo)|(?:fatura|boleto|nota fiscal|anexo)[^.!?\n]{0,20}(?:nao|nunca) (?:chegou|foi recebid|foi enviad|veio|abre|consta)|(?:sem|falta|faltando|falta o|falta a) (?:o |a )?(?:numero do pedido|numero da encomenda|pedido de compra|ordem de compra|nota fiscal)|anexo (?:vazio|corrompido|em branco))`,
	),

	// question
	p(
		'question.nl',
		'question',
		1.2,
		String.raw`\b(?:(?:kunt|kan|zou) u (?:mij |ons )?(?:laten weten|bevestigen|uitleggen|aangeven|vertellen|toelichten|nagaan)|(?:kunnen|zouden) jullie (?:mij |ons )?(?:laten weten|bevestigen|uitleggen|aangeven|vertellen|toelichten|nagaan)|welke factuur|om welke factuur|hoe (?:kunnen|kan|moeten) (?:wij|we|ik) (?:betalen|het best|overmaken)|ik heb een vraag|korte vraag|vraagje|graag (?:uitleg|toelichting|een toelichting)|waar (?:gaat|heeft) (?:deze|dit|het) (?:factuur |herinnering )?(?:over|betrekking op))`,
	),
	p(
		'question.it',
		'question',
		1.2,
		String.raw`\b(?:(?:potete|potreste|puoi|potrebbe|potresti) (?:confermar|indicar|spiegar|dir|chiarir|precisar|verificar)\w{0,6}|(?:farci|farmi) sapere|(?:quale|a quale|di quale) fattura|come (?:possiamo|posso|dobbiamo|devo) (?:pagare|effettuare|procedere)|(?:ho|avrei|abbiamo|avremmo) (?:una|un) (?:domanda|dubbio|chiarimento)|vorre(?:i|mmo) (?:solo |soltanto |semplicemente |gentilmente )?(?:sapere|capire|chiedere|chiarire)|a cosa si riferisce|(?:chiediamo|chiedo) (?:gentilmente )?(?:chiarimenti|conferma|spiegazioni))`,
	),
	p(
		'question.pt',
		'question',
		1.2,
		String.raw`\b(?:(?:podem|poderiam|pode|poderia|consegue|conseguem|podiam) (?:me |nos )?(?:confirmar|informar|explicar|esclarecer|dizer|detalhar|verificar)|(?:qual|a qual|de qual|a que) (?:fatura|nota|boleto)|como (?:podemos|posso|devemos|faco para|fazemos para|faco o) (?:pagar|efetuar|efectuar|realizar|pagamento)|(?:tenho|temos) uma (?:duvida|pergunta)|(?:gostaria|gostariamos) de (?:saber|entender|esclarecer|perceber)|a que se refere)`,
	),

	// acknowledged
	p(
		'ack.nl',
		'acknowledged',
		1.2,
		String.raw`\b(?:(?:bedankt|dank|dank je|dank u) voor (?:de|uw|je|jullie) (?:herinnering|bericht|mail|reminder|e-?mail)|in goede orde ontvangen|ontvangen, (?:dank|bedankt)|(?:wij|we|ik) (?:kijken|kijk|gaan|ga) (?:er )?(?:naar|even naar|ernaar)|(?:zoeken|zoek|zoeken we|zoek ik) (?:het|dit) (?:even |intern )?uit|(?:doorgestuurd|doorgezet) naar|(?:neem|nemen) (?:het|dit) mee|(?:staat )?genoteerd|wordt opgepakt|pakken (?:het|dit) op|in behandeling)`,
	),
	p(
		'ack.it',
		'acknowledged',
		1.2,
		String.raw`\b(?:(?:grazie|ringrazio|ringraziamo) (?:per|del|della) (?:il |l'|la )?(?:promemoria|sollecito|messaggio|avviso|reminder|segnalazione|comunicazione)|(?:ricevuto|ricevuta),? grazie|preso nota|prendiamo nota|(?:verifichiamo|verifico|controllo|controlliamo) e vi|(?:ho|abbiamo) (?:girato|inoltrato)|(?:giro|giriamo|inoltro|inoltriamo) (?:la mail|il messaggio|la richiesta|il sollecito|all'ufficio|all'amministrazione|alla contabilita)|in lavorazione|vi (?:aggiorno|aggiorniamo|faremo sapere|faro sapere))`,
	),
	p(
		'ack.pt',
		'acknowledged',
		1.2,
		String.raw`\b(?:(?:obrigad[oa]|agradeco|agradecemos) (?:pelo|pela) (?:lembrete|aviso|mensagem|contato|contacto|email|e-mail)|(?:recebid[oa]|ciente),? obrigad[oa]|(?:estamos|vou|vamos|irei) (?:verificar|analisar|checar|ver isso|averiguar)|(?:encaminhei|encaminhamos|repassei|repassamos)|(?:ja )?(?:esta|estao) em (?:analise|andamento)|anotado|tomamos nota|tomei nota|ficamos cientes)`,
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
	/(?:^|\s)(?:not|no|never|without|nothing|nor|hardly|nicht|kein|keine|keinen|keiner|nie|niemals|ohne|pas|ne|n'|jamais|sans|aucun|aucune|nunca|sin|ningun|ninguna|tampoco|niet|geen|nooit|zonder|non|nessun|nessuna|nessuno|senza|nao|nem|nenhum|nenhuma|sem|\w{1,12}n't|\w{1,6}nt)$/;
