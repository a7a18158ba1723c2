/**
 * Consolidation: one message per customer that lists all of their due invoices, in the tone of the most severe
 * step among them, instead of one e-mail per invoice on the same morning.
 */
import type { Invoice } from '../invoice/schema';
import type { MessageLibrary } from '../messages/library';
import { chooseTemplate, type LocalisedLibraries } from '../messages/locales';
import { renderMessage, type Sender } from '../messages/render';
import { librariesFor, lintStep, type CadenceMessage, type CadencePlan } from './plan';
import { toneRank, type Tone } from './policy';
import type { LintFinding } from '../messages/lint';

export interface ConsolidationEntry {
	invoice: Invoice;
	plan: CadencePlan;
	/** Position of the input item, for pairedItem. */
	index: number;
}

export interface ConsolidatedGroup {
	/** Customer id, or the contact address when the customer has none. */
	customerKey: string;
	entries: ConsolidationEntry[];
	tone: Tone;
	message?: CadenceMessage;
	findings: LintFinding[];
}

export interface ConsolidateOptions {
	templates?: MessageLibrary;
	/** Libraries by language (as planCadenceStep takes them); the first invoice's customer locale picks one. */
	libraries?: LocalisedLibraries;
	/** Locale whose library answers when the customer's language has none (the policy's messages.fallbackLocale). */
	fallbackLocale?: string;
	/** Template key of the summary message (default "consolidated"). */
	template?: string;
	locale?: string;
	sender?: Sender;
	cc?: readonly string[];
	asOfDate?: string;
}

/** Customer and recipient: the plan's address (the billing contact when preferred), else the invoice's contact. */
function customerKeyOf(entry: ConsolidationEntry): string {
	const { invoice } = entry;
	const to = entry.plan.message?.to || invoice.contact.email || '';
	return `${invoice.customer.id ?? invoice.customer.name}|${to.toLowerCase()}`;
}

/**
 * Groups e-mail sends by customer and contact. A group of one keeps its own step message; larger groups get one
 * summary message whose idempotency key joins every invoice's key (each invoice is still reserved on its own).
 */
export function consolidateSends(
	entries: readonly ConsolidationEntry[],
	options: ConsolidateOptions = {},
): ConsolidatedGroup[] {
	const groups = new Map<string, ConsolidationEntry[]>();
	for (const entry of entries) {
		const key =
			entry.plan.message?.channel === 'email' ? customerKeyOf(entry) : `single|${entry.index}`;
		const group = groups.get(key);
		if (group) group.push(entry);
		else groups.set(key, [entry]);
	}
	const result: ConsolidatedGroup[] = [];
	for (const [customerKey, group] of groups) {
		const tone = group.reduce<Tone>((worst, entry) => {
			const stepTone = entry.plan.step?.tone ?? 'friendly';
			return toneRank(stepTone) > toneRank(worst) ? stepTone : worst;
		}, 'friendly');
		if (group.length === 1) {
			result.push({
				customerKey,
				entries: group,
				tone,
				message: group[0].plan.message,
				findings: [],
			});
			continue;
		}
		const first = group[0];
		const templateKey = options.template ?? 'consolidated';
		const choice = chooseTemplate(first.invoice.customer.locale, templateKey, 'email', {
			libraries: librariesFor(options),
			fallbackLocale: options.fallbackLocale ?? options.locale,
		});
		const rendered = renderMessage(choice.template, first.invoice, {
			locale: options.locale,
			messageLocale: choice.locale,
			sender: options.sender,
			asOfDate: options.asOfDate,
			invoices: group.map((entry) => entry.invoice),
			step: { id: 'consolidated', tone, channel: 'email' },
			templateName: templateKey,
		});
		const keys = group
			.map((entry) => entry.plan.idempotencyKey ?? `${entry.invoice.id}:${entry.plan.step?.id}`)
			.sort();
		const message: CadenceMessage = {
			channel: 'email',
			to: first.plan.message?.to || first.invoice.contact.email || '',
			cc: [...(options.cc ?? [])],
			...(rendered.subject !== undefined ? { subject: rendered.subject } : {}),
			text: rendered.text,
			...(rendered.html !== undefined ? { html: rendered.html } : {}),
			idempotencyKey: keys.join('+'),
			threadHeaders: first.plan.message?.threadHeaders ?? {},
			template: templateKey,
			tone,
			requiresApproval: false,
			locale: choice.locale,
		};
		// Every invoice in the summary must be stated in full; the guardrails apply as to any reminder.
		const findings = lintEveryInvoice(
			group.map((entry) => entry.invoice),
			message,
			options,
		);
		result.push({ customerKey, entries: group, tone, message, findings });
	}
	return result;
}

/**
 * The guardrail lint of a message that lists several invoices (a summary, a statement): the whole message once,
 * and each invoice's required content (number, amount due, due date, payment link); each finding once.
 */
export function lintEveryInvoice(
	invoices: readonly Invoice[],
	message: CadenceMessage,
	options: Pick<ConsolidateOptions, 'locale' | 'sender'>,
): LintFinding[] {
	const findings = invoices.flatMap((invoice, position) =>
		lintStep(
			invoice,
			{ channel: 'email' },
			position === 0 ? message : { text: message.text, cc: message.cc, locale: message.locale },
			{ locale: options.locale, sender: options.sender },
		),
	);
	return findings.filter(
		(finding, position) =>
			findings.findIndex(
				(other) => other.rule === finding.rule && other.phrase === finding.phrase,
			) === position,
	);
}
