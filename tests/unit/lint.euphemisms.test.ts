/**
 * The guardrail lint against two disguises: letters spelt out with separators ("c-o-u-r-t", "I.N.K.A.S.S.O") and
 * euphemisms (the debt handed to a third party, the account closed, deliveries withheld, a list of late payers,
 * measures against assets), in the seven languages. Benign look-alikes of ordinary reminders stay clean.
 */
import { lintMessage, normalizeForLint } from '../../src/messages/lint';

const rules = (text: string) => lintMessage(text, 'reminder').map((finding) => finding.rule);

describe('spaced-out letters', () => {
	it.each([
		['l e g a l  s t e p s are next.', 'legal steps are next.'],
		['We go to c-o-u-r-t.', 'we go to court.'],
		['Das I.N.K.A.S.S.O kommt.', 'das inkasso kommt.'],
		['l_a_w_y_e_r', 'lawyer'],
	])('%s reads as %s', (text, expected) => {
		expect(normalizeForLint(text)).toBe(expected);
	});

	it.each([
		['en', 'Expect l e g a l  p r o c e e d i n g s soon.'],
		['en', 'A b-a-i-l-i-f-f will visit.'],
		['de', 'Dann folgt die P.F.A.E.N.D.U.N.G.'],
		['fr', 'Un h u i s s i e r passera.'],
		['es', 'Iniciaremos el e-m-b-a-r-g-o.'],
		['nl', 'De d.e.u.r.w.a.a.r.d.e.r komt langs.'],
		['it', 'Seguirà il p i g n o r a m e n t o.'],
		['pt', 'Haverá c o b r a n c a  j u d i c i a l.'],
	])('%s: %s is caught', (_lang, text) => {
		expect(rules(text).length).toBeGreaterThan(0);
	});

	it.each([
		'Plan A, B or C is available.',
		'U.S.A. customers pay in USD.',
		'See section a b c of the terms.',
		'Reference A B 1 2, thank you.',
	])('%s stays clean', (text) => {
		expect(rules(text)).toEqual([]);
	});
});

describe('euphemisms', () => {
	it.each([
		// Hand-over to a third party.
		['en', 'collection_agency', 'We will have to assign the open balance to an outside agency.'],
		['en', 'collection_agency', 'After that, an independent firm will take over the recovery.'],
		['en', 'collection_agency', 'The following stage involves a third party.'],
		['de', 'collection_agency', 'Danach geben wir die Forderung an Dritte weiter.'],
		['de', 'collection_agency', 'Ein externer Partner übernimmt dann den Einzug.'],
		['fr', 'collection_agency', 'Votre créance sera transmise à un prestataire externe.'],
		['es', 'collection_agency', 'Traspasaremos el importe a una entidad especializada.'],
		['nl', 'collection_agency', 'De vordering wordt uitbesteed aan een externe partij.'],
		['nl', 'collection_agency', 'Daarna gaat de zaak naar een externe partij.'],
		['fr', 'collection_agency', 'Le dossier passera à une phase impliquant un tiers.'],
		['it', 'collection_agency', 'Il debito sarà affidato a una società esterna.'],
		['pt', 'collection_agency', 'O valor será repassado a terceiros.'],
		// The account closed for good.
		['en', 'service_suspension', 'Your client account may be closed permanently.'],
		['de', 'service_suspension', 'Wir werden Ihr Kundenkonto schließen.'],
		['fr', 'service_suspension', 'Cela entraînera la fermeture de votre compte.'],
		['es', 'service_suspension', 'Su cuenta podría ser cancelada.'],
		['nl', 'service_suspension', 'Uw account wordt dan gesloten.'],
		['it', 'service_suspension', 'Il suo account verrà chiuso.'],
		['pt', 'service_suspension', 'Vamos encerrar a sua conta.'],
		// Deliveries withheld until payment.
		['en', 'service_suspension', 'We will hold back your shipments.'],
		['de', 'service_suspension', 'Bestellungen werden bis zur Zahlung zurückgehalten.'],
		['fr', 'service_suspension', 'Nous retiendrons vos commandes.'],
		['es', 'service_suspension', 'No habrá nuevas entregas hasta que se pague la factura.'],
		['nl', 'service_suspension', 'Zendingen worden achtergehouden.'],
		['it', 'service_suspension', 'Le spedizioni verranno trattenute.'],
		['pt', 'service_suspension', 'Vamos reter as encomendas.'],
		// A list of late payers.
		['en', 'credit_report', 'You may be placed on a list of slow payers.'],
		['de', 'credit_report', 'Wir tragen Sie in das Schuldnerverzeichnis der Branche ein.'],
		['fr', 'credit_report', 'Vous serez inscrit au fichier des mauvais payeurs.'],
		['es', 'credit_report', 'Figurará en un registro de impagados.'],
		['nl', 'credit_report', 'U komt op een brancheregister.'],
		['it', 'credit_report', 'Sarete inseriti in un elenco di morosi.'],
		['pt', 'credit_report', 'Seu nome será negativado.'],
		// Measures against assets.
		['en', 'enforcement', 'We will pursue steps against your property.'],
		['de', 'enforcement', 'Es folgen Zwangsmaßnahmen.'],
		['fr', 'enforcement', 'Des mesures conservatoires suivront.'],
		['es', 'enforcement', 'Tomaremos medidas contra su patrimonio.'],
		['nl', 'enforcement', 'Wij nemen maatregelen tegen uw bezittingen.'],
		['it', 'enforcement', 'Adotteremo misure cautelari.'],
		['pt', 'enforcement', 'Tomaremos providências contra seus bens.'],
	])('%s: %s in %s', (_lang, rule, text) => {
		expect(rules(text)).toContain(rule);
	});

	it.each([
		['en', 'This is a final reminder for invoice 2210.'],
		['en', 'Your overdue balance is 310 EUR; a payment plan is possible.'],
		['en', 'The collection date of your direct debit is the 3rd.'],
		['en', 'A credit note was issued for the returned goods.'],
		['en', 'Your account manager will call you.'],
		['en', 'Your account balance is below.'],
		['en', 'Deliveries are scheduled for Tuesday.'],
		['en', 'The next step is to contact us.'],
		['en', 'We never pass your personal data to third parties.'],
		['en', 'Card payments are handled by a third-party provider.'],
		['en', 'Please retain this order confirmation.'],
		['en', 'Acme Holdings S.A. thanks you for your business.'],
		['de', 'Ihr Kontostand beträgt 90 EUR.'],
		['de', 'Ihre Daten werden nicht an Dritte weitergegeben.'],
		['de', 'Die Lieferungen erfolgen wie geplant.'],
		['fr', 'Nous ne transmettons pas vos données à des tiers.'],
		['fr', 'Le solde de votre compte client est joint.'],
		['es', 'No compartimos sus datos con terceros.'],
		['es', 'Su gestor de cuenta está a su disposición.'],
		['nl', 'Wij geven uw gegevens niet door aan derden.'],
		['nl', 'De volgende stap is contact met ons opnemen.'],
		['it', 'Le consegne sono programmate per lunedì.'],
		['pt', 'O saldo da sua conta está em anexo.'],
	])('%s: %s stays clean', (_lang, text) => {
		expect(rules(text)).toEqual([]);
	});
});
