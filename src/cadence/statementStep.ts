/**
 * The statement step over a batch: the invoices whose statement step is due go out as one statement per customer,
 * listing every open invoice of that customer in the run (src/statement renders it; the CSV rides along as an
 * attachment). Guardrails as for reminders: a customer with a disputed, paused or opted-out invoice gets none; and
 * a customer gets each statement step once, whichever of their invoices brought it due.
 */
import { toLedgerEvents } from '../contract/ledger';
import { calendarDateIn } from '../dates';
import type { Invoice } from '../invoice/schema';
import type { LintFinding } from '../messages/lint';
import type { MimeAttachment } from '../messages/mime';
import type { Sender } from '../messages/render';
import type { LocalisedLibraries } from '../messages/locales';
import { isOnStatement, statementCustomerKey, statementEmail } from '../statement/build';
import { heldBack } from './batch';
import { lintEveryInvoice, type ConsolidationEntry } from './consolidate';
import type { HistoryInput } from './history';
import { librariesFor, type CadenceMessage, type CadencePlan } from './plan';
import { toneRank, type Tone } from './policy';

export interface StatementStepOptions {
	/** The run's moment, or the statement's calendar date: ages count to that date in the customer's zone. */
	asOf: Date | string | number;
	libraries?: LocalisedLibraries;
	fallbackLocale?: string;
	locale?: string;
	sender?: Sender;
	cc?: readonly string[];
	/** The ledger each plan read, per invoice: a customer's statement step found on any of their invoices is done. */
	historyOf?: (invoiceId: string) => readonly HistoryInput[];
}

export interface StatementGroup {
	customerKey: string;
	stepId: string;
	/** The statement sends of this customer (the plans whose statement step is due), in input order. */
	entries: ConsolidationEntry[];
	/** Every open invoice on the statement. */
	listed: Invoice[];
	message?: CadenceMessage;
	/** The statement as CSV, for the MIME message. */
	attachment?: MimeAttachment;
	/** Guardrail findings that block the message. */
	findings: LintFinding[];
	/** No statement goes out, and why (each entry's plan is held back with it). */
	held?: string;
}

/** Whether a plan sends a statement (its step is a statement step, due now, on e-mail). */
export function isStatementSend(plan: CadencePlan | undefined): boolean {
	return (
		plan?.action === 'send' &&
		plan.step?.type === 'statement' &&
		plan.message?.channel === 'email' &&
		!plan.approved
	);
}

/** The plan of an entry held back because its customer's statement does not go out. */
export function heldStatement(plan: CadencePlan, reason: string): CadencePlan {
	return { ...heldBack(plan, reason), rule: 'statement_held' };
}

const STOPPED = new Set(['disputed', 'opted_out', 'paused']);

/** Why this invoice keeps its customer from any statement, or undefined. */
function blocking(entry: ConsolidationEntry): string | undefined {
	const { flags } = entry.invoice;
	if (flags.disputed || entry.plan.state === 'disputed') return 'is disputed';
	if (flags.optedOut || entry.plan.state === 'opted_out') return 'is opted out';
	if (flags.paused || flags.automationPaused || STOPPED.has(entry.plan.state)) return 'is paused';
	return undefined;
}

/** The first non-failed touch of `stepId` in an invoice's history (legacy rows and ledger events alike). */
function touched(
	history: readonly HistoryInput[],
	invoiceId: string,
	stepId: string,
): { at: string } | undefined {
	if (history.length === 0) return undefined;
	return toLedgerEvents(history, invoiceId).find(
		(event) => event.kind === 'touch' && event.stepId === stepId && event.status !== 'failed',
	);
}

/**
 * One statement per customer and statement step among `entries` (every item the run planned, so the statement
 * lists the customer's other open invoices too). Entries whose plan is not a statement send are only listed.
 */
export function planStatements(
	entries: readonly ConsolidationEntry[],
	options: StatementStepOptions,
): StatementGroup[] {
	const byCustomer = new Map<string, ConsolidationEntry[]>();
	for (const entry of entries) {
		const key = statementCustomerKey(entry.invoice);
		const list = byCustomer.get(key);
		if (list) list.push(entry);
		else byCustomer.set(key, [entry]);
	}
	const groups = new Map<string, StatementGroup>();
	for (const entry of entries) {
		if (!isStatementSend(entry.plan)) continue;
		const customerKey = statementCustomerKey(entry.invoice);
		const stepId = entry.plan.step!.id;
		const key = `${customerKey}\u0000${stepId}`;
		const group = groups.get(key);
		if (group) group.entries.push(entry);
		else groups.set(key, { customerKey, stepId, entries: [entry], listed: [], findings: [] });
	}
	for (const group of groups.values()) {
		const customer = byCustomer.get(group.customerKey)!;
		const blocker = customer
			.map((entry) => ({ entry, why: blocking(entry) }))
			.find((found) => found.why);
		if (blocker) {
			group.held = `invoice ${blocker.entry.invoice.number} of this customer ${blocker.why}: no statement of account while a person handles it`;
			continue;
		}
		const earlier = options.historyOf
			? customer
					.map((entry) => ({
						entry,
						touch: touched(options.historyOf!(entry.invoice.id), entry.invoice.id, group.stepId),
					}))
					.find((found) => found.touch)
			: undefined;
		if (earlier) {
			group.held = `the customer already received the "${group.stepId}" statement (with invoice ${earlier.entry.invoice.number}, ${earlier.touch!.at}): once per customer per step`;
			continue;
		}
		const first = group.entries[0];
		const seen = new Set<string>();
		// The invoice that brought the statement due first: it names the customer, the contact and the language.
		group.listed = [first, ...customer]
			.map((entry) => entry.invoice)
			.filter(
				(invoice) => isOnStatement(invoice) && !seen.has(invoice.id) && !!seen.add(invoice.id),
			);
		const tone = group.entries.reduce<Tone>(
			(worst, entry) =>
				toneRank(entry.plan.step!.tone) > toneRank(worst) ? entry.plan.step!.tone : worst,
			'friendly',
		);
		const built = statementEmail(group.listed, {
			asOf: calendarDateIn(options.asOf, first.plan.zone),
			libraries: librariesFor(options),
			fallbackLocale: options.fallbackLocale ?? options.locale,
			sender: options.sender,
			to: first.plan.message!.to,
			cc: options.cc,
			idempotencyKey: group.entries
				.map((entry) => entry.plan.idempotencyKey!)
				.sort()
				.join('+'),
			tone,
		});
		group.message = built.message;
		group.attachment = built.attachment;
		// Every invoice on the statement must be stated in full; the guardrails apply as to any reminder.
		group.findings = lintEveryInvoice(group.listed, built.message, options);
	}
	return [...groups.values()];
}
