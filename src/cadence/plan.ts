/**
 * `planCadenceStep(invoice, policy, { asOf, history?, timezone? })`: which approved touch is due now, rendered and
 * linted, or why nothing is sent (wait, stop, escalate). Pure: the ledger is read through `history` and written by
 * the caller. Per invoice it does integer day arithmetic only; luxon runs once per zone and run (see CadenceClock).
 */
import { dayNumber } from '../dates';
import type { CustomerTier, Invoice } from '../invoice/schema';
import { formatMoney } from '../money';
import {
	checkPaymentState,
	isCsuiteContact,
	type PaymentStateName,
	type PaymentStateOptions,
} from '../state';
import { type MessageLibrary } from '../messages/library';
import {
	chooseTemplate,
	localisedLibraries,
	WORDINGS,
	type LocalisedLibraries,
} from '../messages/locales';
import { checkRequiredContent, lintRendered, type LintFinding } from '../messages/lint';
import {
	formatDate,
	localeOf,
	renderMessage,
	type RenderContext,
	type Sender,
} from '../messages/render';
import {
	addBusinessDays,
	CadenceClock,
	windowSpec,
	type WindowSpec,
	type ZoneNow,
} from './calendar';
import { computeLateFees, type LateFees } from '../fees/lateFee';
import { holidayPlaceFor } from './holidays';
import { statementEmail } from '../statement/build';
import {
	addressedInvoice,
	noThankYouReason,
	receiptCheckDay,
	RECEIPT_CHECK_STEP,
	THANK_YOU_STEP,
} from './courtesy';
import { ledgerMessage } from './batch';
import { idempotencyKey } from './ledger';
import type { LedgerEventInput, ReplyEvent, TouchEvent } from '../contract/ledger';
import {
	APPROVAL_REQUEST,
	OUTCOME_UNKNOWN,
	clearedSince,
	escalatedSince,
	markSent,
	millis,
	readHistory,
	type HistoryInput,
	type LedgerView,
} from './history';
import {
	CUSTOMER_CHANNELS,
	resolvePolicy,
	type CadencePolicy,
	type CadenceStepDef,
	type Channel,
	type PolicyRef,
	type Tone,
} from './policy';

export const CADENCE_ACTIONS = ['send', 'wait', 'stop', 'escalate'] as const;
export type CadenceAction = (typeof CADENCE_ACTIONS)[number];

/** Machine-readable reason codes (the `rule` of the audit entry). */
export type CadenceRule =
	| 'send'
	| 'below_minimum'
	| 'draft'
	| 'closed'
	| 'disputed'
	| 'opted_out'
	| 'paused'
	| 'stop_condition'
	| 'promise_pending'
	| 'broken_promises'
	| 'missing_po'
	| 'no_due_date'
	| 'handed_off'
	| 'cadence_complete'
	| 'out_of_office'
	| 'reply_awaiting_triage'
	| 'not_yet_due'
	| 'send_failed'
	| 'invalid_contact'
	| 'csuite_contact'
	| 'max_touches'
	| 'spacing'
	| 'send_window'
	| 'handoff'
	| 'guardrail'
	| 'requires_approval'
	| 'pilot'
	| 'reservation_live'
	| 'send_outcome_unknown'
	| 'outcome_with_person'
	| 'awaiting_approval'
	| 'approval_overdue'
	| 'reply_needs_person'
	| 'reply_with_person'
	| 'already_paid_claimed'
	/** A statement step held back for the whole customer (src/cadence/statementStep.ts). */
	| 'statement_held';

export interface CadenceMessage {
	channel: Channel;
	/** E-mail address (email) or phone number (sms) of the contact; for tasks and handoffs the owner's e-mail, when known. */
	to: string;
	cc: string[];
	subject?: string;
	text: string;
	html?: string;
	idempotencyKey: string;
	/** In-Reply-To / References of the original invoice e-mail, so the reminder lands in the same thread. */
	threadHeaders: Record<string, string>;
	/**
	 * The whole e-mail as MIME, base64url-encoded (the Gmail API's `raw`): text + HTML parts and threading, built
	 * by Cadence Step with `mimeForMessage` (src/messages/mime.ts). Only on planned e-mail sends.
	 */
	mimeBase64Url?: string;
	template: string;
	tone: Tone;
	requiresApproval: boolean;
	/** Locale the message is written and formatted in (the customer's language, or the policy's fallback). */
	locale?: string;
}

export interface CadencePlan {
	action: CadenceAction;
	/** The policy step the action concerns. */
	step?: CadenceStepDef;
	/** ISO timestamp (customer's zone) of the earliest moment the next step may go out. */
	nextEligibleAt?: string;
	/** Earlier due steps that latest_only skipped in favour of `step`. */
	skippedSteps: string[];
	reason: string;
	message?: CadenceMessage;
	rule: CadenceRule;
	/** Payment state from checkPaymentState. */
	state: PaymentStateName;
	policy: string;
	/** The calendar date `step` became due (customer's zone). */
	stepDueOn?: string;
	/** Set when the caller should reserve the step in the ledger (send, handoff, approval). */
	idempotencyKey?: string;
	requiresApproval?: boolean;
	/** Guardrail findings that blocked the message. */
	findings?: LintFinding[];
	/** The rendered message a finding blocked (for the person who reviews it; never sent). */
	blockedMessage?: CadenceMessage;
	/** Customer touches so far (sent e-mails and SMS). */
	touches: number;
	/** Failed sends of `step` so far. */
	failures?: number;
	/** The record cannot be acted on as it stands (no contact address). */
	invalid?: boolean;
	zone: string;
	/**
	 * Ledger events to append when the caller acts on this plan: the reservation of a send (before the send node),
	 * the handoff touch, or the escalation the plan must remember (approval request, unknown outcome, a reply for a
	 * person). Empty or absent: nothing to record.
	 */
	ledger?: LedgerEventInput[];
	/** The step was approved by a person: `message` is the approved message; never personalise or re-ask. */
	approved?: boolean;
	/** Late fees and interest under the policy's `lateFees` (for people; never posted to the accounting system). */
	lateFees?: LateFees;
}

export const UNCONFIRMED_SENDS = ['escalate', 'retry'] as const;
export const APPROVAL_TIMEOUTS = ['ask_again', 'escalate'] as const;

export interface PlanOptions {
	/** The moment of planning: Date, ISO timestamp, or `YYYY-MM-DD` (counts as the window's opening time). */
	asOf: Date | string | number;
	/**
	 * What the ledger knows about this invoice: ledger events of every kind (src/contract/ledger.ts), or today's
	 * `[{ stepId, at, status: 'sent' | 'failed', confirmed? }]` rows (read as touches).
	 */
	history?: readonly HistoryInput[];
	/** This execution, written on reservations so a concurrent run can tell them apart. */
	executionId?: string;
	/**
	 * Minutes an unconfirmed reservation stays live (another execution is sending it: the invoice waits). Past that
	 * its outcome is unknown (see unconfirmedSends). Unset: an unconfirmed reservation counts as sent (the
	 * static-data ledger, where Record may not be wired). Set, the plan also carries the `ledger` events to append
	 * (the ledger is kept as events, as in a Data Table).
	 */
	reservationTimeoutMinutes?: number;
	/** An expired reservation: escalate "send outcome unknown" with the message (default), or send the step again. */
	unconfirmedSends?: (typeof UNCONFIRMED_SENDS)[number];
	/** Business days an approval request waits for an answer (default 2). */
	approvalTimeoutDays?: number;
	/** No answer in time: ask again (a new approval request, default) or escalate to a person. */
	approvalTimeout?: (typeof APPROVAL_TIMEOUTS)[number];
	/** An out-of-office reply without a return date holds this many days (default 7). */
	outOfOfficeDays?: number;
	/** "Already paid" holds this many business days while the source confirms, then a person checks (default 3). */
	paidConfirmDays?: number;
	/** Zone when the customer has none (before the policy's send-window zone). */
	timezone?: string;
	/** The English template library (defaults plus overrides); default DEFAULT_LIBRARY. */
	templates?: MessageLibrary;
	/**
	 * Libraries by language (`localisedLibraries(custom, templates)`); default the shipped languages with `templates`
	 * as English. The customer's locale picks one, the policy's `messages.fallbackLocale` (else `locale`) answers
	 * when it has no such template.
	 */
	libraries?: LocalisedLibraries;
	/** Render and lint the message (default true). */
	render?: boolean;
	locale?: string;
	sender?: Sender;
	cc?: readonly string[];
	extra?: Record<string, unknown>;
	/** Out-of-office return date (YYYY-MM-DD), for example from Reply Triage: the cadence holds until then. */
	outOfOfficeUntil?: string;
	/** A reply is waiting for triage. Default: the invoice's lastReplyAt is newer than the last touch. */
	replyAwaitingTriage?: boolean;
	/** Policy per customer tier when the policy is 'by-tier'. */
	tierPolicies?: Partial<Record<CustomerTier, PolicyRef>>;
	/** Names of other customers in the batch, for the other-client-data lint. */
	otherCustomers?: readonly string[];
}

const MS_PER_HOUR = 3_600_000;

interface RunCache {
	clock: CadenceClock;
	stateOptions: Map<string, PaymentStateOptions>;
}

/**
 * One clock and one set of payment-state options per as-of instant: a batch plans every invoice at the same
 * moment (even though each call gets its own options object with its own history), so they share the luxon work.
 */
const runs = new Map<string | number, RunCache>();
function runFor(options: PlanOptions): RunCache {
	const asOf = options.asOf;
	const key = asOf instanceof Date ? asOf.getTime() : asOf;
	let run = runs.get(key);
	if (!run) {
		if (runs.size >= 16) runs.delete(runs.keys().next().value!);
		run = { clock: new CadenceClock(asOf), stateOptions: new Map() };
		runs.set(key, run);
	}
	return run;
}

function stateOptionsFor(
	run: RunCache,
	options: PlanOptions,
	policy: CadencePolicy,
	zone: string,
): PaymentStateOptions {
	const key = `${zone}|${policy.promiseGraceDays}`;
	let stateOptions = run.stateOptions.get(key);
	if (!stateOptions) {
		stateOptions = {
			asOf: options.asOf,
			timezone: zone,
			promiseGraceDays: policy.promiseGraceDays,
		};
		run.stateOptions.set(key, stateOptions);
	}
	return stateOptions;
}

const stepIndexes = new WeakMap<CadencePolicy, Map<string, number>>();
function stepIndex(policy: CadencePolicy): Map<string, number> {
	let index = stepIndexes.get(policy);
	if (!index) {
		index = new Map(policy.steps.map((step, position) => [step.id, position]));
		stepIndexes.set(policy, index);
	}
	return index;
}

function parseMillis(value: string | undefined): number | null {
	if (!value) return null;
	const millis = Date.parse(value);
	return Number.isFinite(millis) ? millis : null;
}

function threadHeaders(messageId: string | undefined): Record<string, string> {
	if (!messageId) return {};
	const id = messageId.trim().startsWith('<') ? messageId.trim() : `<${messageId.trim()}>`;
	return { 'In-Reply-To': id, References: id };
}

/** Due day (day number) of a step for an anchor day, in calendar or business days. */
export function stepDueDay(step: CadenceStepDef, anchor: number, spec: WindowSpec): number {
	return step.dayCount === 'business'
		? addBusinessDays(anchor, step.offsetDays, spec)
		: anchor + step.offsetDays;
}

export function planCadenceStep(
	sourceInvoice: Invoice,
	policyRef: PolicyRef,
	options: PlanOptions,
): CadencePlan {
	const policy = resolvePolicy(policyRef, sourceInvoice, options.tierPolicies);
	// Everything below concerns the person the message would go to (the billing contact, when preferred).
	const invoice = addressedInvoice(sourceInvoice, policy);
	const run = runFor(options);
	const { clock } = run;
	const zone = clock.pickZone(
		invoice.customer.timezone,
		options.timezone,
		policy.sendWindow.timezone,
	);
	const fallbackZone = clock.pickZone(options.timezone, policy.sendWindow.timezone);
	const payment = checkPaymentState(invoice, stateOptionsFor(run, options, policy, fallbackZone));
	// Shown to the person who reads the plan; in the customer's text only when the policy says so.
	const lateFees =
		policy.lateFees && payment.asOfDate
			? computeLateFees(invoice, policy.lateFees, payment.asOfDate)
			: undefined;
	const now = clock.now(zone);
	const spec = windowSpec(policy, holidayPlaceFor(invoice.customer, policy.publicHolidays));
	const history = options.history ?? [];

	const result = (
		action: CadenceAction,
		rule: CadenceRule,
		reason: string,
		extra: Partial<CadencePlan> = {},
	): CadencePlan => ({
		action,
		rule,
		reason,
		skippedSteps: [],
		state: payment.state,
		policy: policy.name,
		touches,
		zone,
		...(lateFees && lateFees.totalMinor > 0 ? { lateFees } : {}),
		...extra,
	});
	const openFrom = (day: number, minutes = -1): string | undefined => {
		const at = clock.nextOpen(zone, day, minutes, spec);
		return at === null ? undefined : clock.isoIn(zone, at);
	};

	// What the ledger says: sent steps, failures, touches, the last touch, and the conversation around them.
	const indexOf = stepIndex(policy);
	const expires = options.reservationTimeoutMinutes !== undefined;
	const view = readHistory(history, invoice.id, policy, indexOf, expires);
	const sourceTouchMs = parseMillis(invoice.lastTouchAt);
	if (sourceTouchMs !== null && (view.lastTouchMs === null || sourceTouchMs > view.lastTouchMs))
		view.lastTouchMs = sourceTouchMs;
	const { failures } = view;
	let touches = view.touches;
	// The ledger rules' scope, only for invoices whose ledger has something for them (most have not).
	const scope: LedgerScope | undefined =
		view.unconfirmed.length > 0 || view.replies.length > 0 || view.approvalRequests.size > 0
			? {
					invoice,
					options,
					asOfIso: new Date(clock.asOfMs).toISOString(),
					policy,
					view,
					indexOf,
					clock,
					zone,
					now,
					spec,
					result,
					openFrom,
					brokenReplyPromises: 0,
				}
			: undefined;

	// Stops and holds that come from the payment state, never re-derived here.
	switch (payment.state) {
		case 'draft':
			return result('wait', 'draft', payment.reasons[0]);
		case 'paid': {
			const asOfDate = payment.asOfDate ?? clock.dateOf(now.today);
			const noThanks = noThankYouReason(invoice, policy, view, asOfDate);
			if (noThanks === null)
				return thankYouPlan(
					{ invoice, options, policy, clock, zone, now, spec, result, openFrom },
					asOfDate,
				);
			return result(
				'stop',
				'closed',
				policy.messages.thankYou.enabled
					? `${payment.reasons[0]}; ${noThanks}`
					: payment.reasons[0],
			);
		}
		case 'void':
			return result('stop', 'closed', payment.reasons[0]);
		case 'disputed':
		case 'opted_out':
		case 'paused':
			return result('stop', payment.state, payment.reasons[0]);
		default:
	}
	const stopSignal = policy.stopOn.find(
		(condition) => condition === payment.state || (payment.signals as string[]).includes(condition),
	);
	if (stopSignal) return result('stop', 'stop_condition', `the policy stops on "${stopSignal}"`);
	// Xero's "minimum balance": a small remainder is nobody's chase (a person can still take it up).
	if (invoice.amountDueMinor < policy.messages.minimumBalanceMinor)
		return result(
			'stop',
			'below_minimum',
			`the amount due is below the policy's minimum balance of ${formatMoney(policy.messages.minimumBalanceMinor, invoice.currency)}`,
		);
	if (payment.state === 'promised') {
		const promiseDay = dayNumber(invoice.promise!.date!)!;
		return result(
			'wait',
			'promise_pending',
			`${payment.reasons[0]}; reminders resume after ${policy.promiseGraceDays} grace day(s)`,
			{
				nextEligibleAt: openFrom(promiseDay + policy.promiseGraceDays + 1),
			},
		);
	}
	if (payment.state === 'missing_po')
		return result(
			'escalate',
			'missing_po',
			`${payment.reasons[0]}: a person adds the PO before any reminder`,
		);
	const anchorDate = invoice.dueOn ?? invoice.issuedOn;
	if (anchorDate === null)
		return result(
			'escalate',
			'no_due_date',
			'the invoice has no due date and no issue date, so no reminder can be scheduled',
		);
	const anchor = dayNumber(anchorDate)!;

	// Never silently lost, never twice: a reservation no Record answered.
	for (const reservation of view.unconfirmed) {
		const outcome = unconfirmedOutcome(scope!, reservation);
		if (outcome) return outcome;
	}
	touches = view.touches;
	const lastIndex = view.lastIndex;
	const lastTouchMs = view.lastTouchMs;

	if (view.handedOff)
		return result('stop', 'handed_off', 'handed off to a person: the automation stops here');
	if (lastIndex === policy.steps.length - 1)
		return result('stop', 'cadence_complete', `every step of ${policy.name} has been sent`);

	// An owner's pause from the ledger, until a resume or its end date.
	const paused = activePause(view, now.today, clock.asOfMs);
	if (paused)
		return result('wait', 'paused', paused.reason, {
			...(paused.until !== null ? { nextEligibleAt: openFrom(paused.until) } : {}),
		});

	// Holds that come from the conversation.
	const conversation = scope && view.replies.length > 0 ? conversationHold(scope) : undefined;
	if (conversation) return conversation;
	if (options.outOfOfficeUntil) {
		const back = dayNumber(options.outOfOfficeUntil);
		if (back !== null && back > now.today) {
			return result(
				'wait',
				'out_of_office',
				`the contact is out of office until ${options.outOfOfficeUntil}`,
				{ nextEligibleAt: openFrom(back) },
			);
		}
	}
	const repliedMs = parseMillis(invoice.lastReplyAt);
	const awaiting =
		options.replyAwaitingTriage ??
		(repliedMs !== null &&
			(lastTouchMs === null || repliedMs > lastTouchMs) &&
			!view.replies.some((reply) => (millis(reply.at) ?? -Infinity) >= repliedMs) &&
			!clearedSince(view, repliedMs));
	if (awaiting)
		return result(
			'wait',
			'reply_awaiting_triage',
			'the customer replied and the reply has not been triaged yet (run Reply Triage first)',
		);

	const broken =
		(invoice.promise?.brokenCount ?? 0) +
		(payment.state === 'broken_promise' ? 1 : 0) +
		(scope?.brokenReplyPromises ?? 0);
	if (broken >= policy.escalateAfterBrokenPromises) {
		return result(
			'escalate',
			'broken_promises',
			`${broken} broken promise(s) to pay: a person takes over (limit ${policy.escalateAfterBrokenPromises})`,
		);
	}

	// A step waiting for a person's approval comes first, whatever became due since.
	const approval = scope && view.approvalRequests.size > 0 ? approvalState(scope) : undefined;
	if (approval && 'plan' in approval) return approval.plan;
	const approvedStep = approval?.approvedIndex;

	// The receipt check (seed 004) goes first, while the invoice is not yet due and no reminder went out.
	const receiptDay = approvedStep === undefined ? receiptCheckDay(invoice, policy, view) : null;
	const receiptDue =
		receiptDay !== null && receiptDay <= now.today && now.today < dayNumber(invoice.dueOn!)!;

	// Which steps are due now.
	let chosen = approvedStep ?? -1;
	let firstDue = -1;
	const dueDays: number[] = [];
	for (
		let index = lastIndex + 1;
		approvedStep === undefined && !receiptDue && index < policy.steps.length;
		index++
	) {
		const day = stepDueDay(policy.steps[index], anchor, spec);
		dueDays[index] = day;
		if (day > now.today) break;
		if (firstDue < 0) firstDue = index;
		if (policy.catchUp === 'one_per_run') {
			chosen = index;
			break;
		}
		// latest_only: the latest due day wins; steps sharing that day go out in order, one per run.
		if (chosen < 0 || day > dueDays[chosen]) chosen = index;
	}
	if (chosen < 0 && !receiptDue) {
		if (receiptDay !== null && receiptDay > now.today && receiptDay < dueDays[lastIndex + 1]) {
			const receiptDate = clock.dateOf(receiptDay);
			return result('wait', 'not_yet_due', `the receipt check is due on ${receiptDate}`, {
				step: RECEIPT_CHECK_STEP,
				stepDueOn: receiptDate,
				nextEligibleAt: nextOpening(clock, zone, spec, receiptDay, spacingEnd(RECEIPT_CHECK_STEP)),
			});
		}
		const next = policy.steps[lastIndex + 1];
		const nextDate = clock.dateOf(dueDays[lastIndex + 1]);
		const nextDay = dueDays[lastIndex + 1];
		return result('wait', 'not_yet_due', `next step "${next.id}" is due on ${nextDate}`, {
			step: next,
			stepDueOn: nextDate,
			nextEligibleAt: nextOpening(clock, zone, spec, nextDay, spacingEnd(next)),
		});
	}
	const step = receiptDue ? RECEIPT_CHECK_STEP : policy.steps[chosen];
	const skippedSteps =
		approvedStep === undefined && !receiptDue
			? policy.steps.slice(firstDue, chosen).map((skipped) => skipped.id)
			: [];
	const stepDueOn = clock.dateOf(
		receiptDue ? receiptDay : (dueDays[chosen] ?? stepDueDay(step, anchor, spec)),
	);
	const stepFailures = failures.get(step.id) ?? 0;
	const base = {
		step,
		skippedSteps,
		stepDueOn,
		...(stepFailures > 0 ? { failures: stepFailures } : {}),
	};
	if (stepFailures >= policy.maxFailedSends) {
		return result(
			'escalate',
			'send_failed',
			`step "${step.id}" failed to send ${stepFailures} time(s): a person checks the address or the send node`,
			base,
		);
	}

	const customerFacing = CUSTOMER_CHANNELS.has(step.channel);
	const to = step.channel === 'sms' ? invoice.contact.phone : invoice.contact.email;
	if (customerFacing) {
		if (!to) {
			return result(
				'escalate',
				'invalid_contact',
				`no contact ${step.channel === 'sms' ? 'phone number' : 'e-mail address'} for a ${step.channel} step: add one to the invoice`,
				{
					...base,
					invalid: true,
				},
			);
		}
		if (isCsuiteContact(invoice)) {
			return result(
				'escalate',
				'csuite_contact',
				`the contact (${invoice.contact.title}) is an executive who is not the billing contact: a person decides who to write to`,
				base,
			);
		}
		if (touches >= policy.maxTouches) {
			return result(
				'escalate',
				'max_touches',
				`${touches} touches sent, the policy's limit is ${policy.maxTouches}: a person takes over`,
				base,
			);
		}
		const earliest = spacingEnd(step);
		if (earliest !== null && earliest > clock.asOfMs) {
			return result(
				'wait',
				'spacing',
				`the last touch was less than ${policy.spacingHours} h ago`,
				{
					...base,
					nextEligibleAt: nextOpening(clock, zone, spec, now.today, earliest),
				},
			);
		}
		if (!clock.inWindow(now, spec)) {
			return result(
				'wait',
				'send_window',
				`outside the send window (${policy.sendWindow.days.join(', ')} ${policy.sendWindow.from}-${policy.sendWindow.to} ${zone})`,
				{
					...base,
					nextEligibleAt: openFrom(now.today, now.minutes < 0 ? -1 : now.minutes),
				},
			);
		}
	}

	const key = idempotencyKey(invoice.id, step.id);
	// Approved by a request's answer, or beforehand (an approval row for the step before it came due).
	const requiresApproval =
		step.requiresApproval &&
		approvedStep === undefined &&
		view.decisions.get(step.id)?.decision !== 'approved';
	const approvedMessage = approval?.message;
	if (approvedMessage) return decide(approvedMessage);
	if (options.render === false) {
		return decide(undefined);
	}
	const customerFees =
		policy.lateFees?.inCustomerText && lateFees && lateFees.totalMinor > 0 ? lateFees : undefined;
	// Tasks and handoffs are addressed to the account owner (a person on our side), never to the customer.
	// A statement step renders this invoice's statement; a batch (planStatements) lists all of the customer's.
	const message =
		step.type === 'statement' && step.channel === 'email'
			? statementEmail([invoice], {
					asOf: payment.asOfDate,
					libraries: librariesFor(options),
					fallbackLocale: policy.messages.fallbackLocale ?? options.locale,
					sender: options.sender,
					to: to!,
					cc: options.cc,
					idempotencyKey: key,
					tone: step.tone,
				}).message
			: renderStep(
					invoice,
					step,
					options,
					policy,
					key,
					customerFacing ? to : invoice.owner?.email,
					payment.asOfDate,
					policy.messages.referToPreviousReminder && view.lastTouchMs !== null
						? clock.dateOf(clock.localOf(zone, view.lastTouchMs).day)
						: undefined,
					customerFees,
				);
	const findings = lintStep(invoice, step, message, options, customerFees);
	if (findings.length > 0) {
		return result(
			'escalate',
			'guardrail',
			`the ${step.template} message failed the guardrail lint: ${findings.map((finding) => `${finding.rule} ("${finding.phrase}")`).join(', ')}; it was not sent`,
			{
				...base,
				findings,
				blockedMessage: message,
			},
		);
	}
	return decide(message);

	function decide(rendered: CadenceMessage | undefined): CadencePlan {
		const events = options.reservationTimeoutMinutes !== undefined;
		const extra = { ...base, idempotencyKey: key, ...(rendered ? { message: rendered } : {}) };
		const touch = (status: 'reserved' | 'sent'): LedgerEventInput =>
			touchEvent(invoice, clock.asOfMs, step, status, options, skippedSteps, rendered);
		if (step.channel === 'human_handoff') {
			// The handoff happens by leaving on Escalate: it is recorded as done, never as a pending send.
			return result(
				'escalate',
				'handoff',
				`step "${step.id}" hands the invoice to a person (${payment.daysPastDue} day(s) past due)`,
				events ? { ...extra, ledger: [touch('sent')] } : extra,
			);
		}
		if (requiresApproval) {
			return result(
				'escalate',
				'requires_approval',
				`step "${step.id}" needs a person's approval before it is sent`,
				{
					...extra,
					requiresApproval: true,
					...(events
						? {
								ledger: [
									approvalRequest(
										{ invoice, options, asOfIso: new Date(clock.asOfMs).toISOString() },
										step.id,
										key,
										rendered,
									),
								],
							}
						: {}),
				},
			);
		}
		const skippedNote =
			skippedSteps.length > 0 ? ` (catch-up skipped ${skippedSteps.join(', ')})` : '';
		const approvedNote =
			approvedStep !== undefined
				? ` (approved by ${view.decisions.get(step.id)?.by ?? 'a person'})`
				: '';
		return result(
			'send',
			'send',
			`step "${step.id}" (${step.tone} ${step.channel}) is due since ${stepDueOn}${skippedNote}${approvedNote}`,
			{
				...extra,
				...(events ? { ledger: [touch('reserved')] } : {}),
				...(approvedStep !== undefined ? { approved: true } : {}),
			},
		);
	}

	function spacingEnd(forStep: CadenceStepDef): number | null {
		if (!CUSTOMER_CHANNELS.has(forStep.channel) || lastTouchMs === null) return null;
		return lastTouchMs + policy.spacingHours * MS_PER_HOUR;
	}
}

/** A touch row for a step of this plan: the reservation before a send, or a handoff done. */
function touchEvent(
	invoice: Invoice,
	atMs: number,
	step: CadenceStepDef,
	status: 'reserved' | 'sent',
	options: PlanOptions,
	skippedSteps: readonly string[],
	rendered: CadenceMessage | undefined,
): LedgerEventInput {
	const event: Extract<LedgerEventInput, { kind: 'touch' }> = {
		kind: 'touch',
		invoiceId: invoice.id,
		at: new Date(atMs).toISOString(),
		stepId: step.id,
		status,
		key: idempotencyKey(invoice.id, step.id),
		channel: step.channel,
	};
	if (options.executionId) event.executionId = options.executionId;
	if (skippedSteps.length > 0) event.skipped = [...skippedSteps];
	if (rendered) event.message = ledgerMessage(rendered);
	return event;
}

/** What the thank-you needs from the plan it replaces (a paid invoice's stop). */
interface CourtesyScope {
	invoice: Invoice;
	options: PlanOptions;
	policy: CadencePolicy;
	clock: CadenceClock;
	zone: string;
	now: ZoneNow;
	spec: WindowSpec;
	result: LedgerScope['result'];
	openFrom: LedgerScope['openFrom'];
}

/**
 * The thank-you for a paid invoice that was chased (noThankYouReason said yes): once, in the send window, to a
 * contact who may be written to, in the approved wording. Anything in the way closes the invoice without one: a
 * courtesy is never worth an escalation, except a message the lint blocked.
 */
function thankYouPlan(s: CourtesyScope, asOfDate: string): CadencePlan {
	const step = THANK_YOU_STEP;
	const to = s.invoice.contact.email;
	const closed = (why: string) =>
		s.result('stop', 'closed', `the invoice is paid; no thank-you: ${why}`);
	if (!to) return closed('no contact e-mail address');
	if (isCsuiteContact(s.invoice))
		return closed(
			`the contact (${s.invoice.contact.title}) is an executive who is not the billing contact`,
		);
	const base = { step, stepDueOn: asOfDate };
	if (!s.clock.inWindow(s.now, s.spec))
		return s.result('wait', 'send_window', 'the thank-you waits for the send window', {
			...base,
			nextEligibleAt: s.openFrom(s.now.today, s.now.minutes < 0 ? -1 : s.now.minutes),
		});
	const key = idempotencyKey(s.invoice.id, step.id);
	const message =
		s.options.render === false
			? undefined
			: renderStep(s.invoice, step, s.options, s.policy, key, to, asOfDate, undefined, undefined);
	const findings = message ? lintStep(s.invoice, step, message, s.options) : [];
	if (findings.length > 0)
		return s.result(
			'escalate',
			'guardrail',
			`the thank-you message failed the guardrail lint: ${findings.map((finding) => `${finding.rule} ("${finding.phrase}")`).join(', ')}; it was not sent`,
			{ ...base, findings, blockedMessage: message },
		);
	return s.result('send', 'send', 'the invoice was chased and is now paid: one thank-you', {
		...base,
		idempotencyKey: key,
		...(message ? { message } : {}),
		...(s.options.reservationTimeoutMinutes !== undefined
			? {
					ledger: [touchEvent(s.invoice, s.clock.asOfMs, step, 'reserved', s.options, [], message)],
				}
			: {}),
	});
}

/** What the ledger rules need from one plan (built only when the ledger has something for them). */
interface LedgerScope extends EventBase {
	policy: CadencePolicy;
	view: LedgerView;
	indexOf: ReadonlyMap<string, number>;
	clock: CadenceClock;
	zone: string;
	now: ZoneNow;
	spec: WindowSpec;
	result: (
		action: CadenceAction,
		rule: CadenceRule,
		reason: string,
		extra?: Partial<CadencePlan>,
	) => CadencePlan;
	openFrom: (day: number, minutes?: number) => string | undefined;
	brokenReplyPromises: number;
}

/** What an event the plan writes needs: the invoice, the execution, the plan's instant. */
interface EventBase {
	invoice: Invoice;
	options: PlanOptions;
	asOfIso: string;
}

/** The escalation that asks a person to approve a step, with the message they approve. */
function approvalRequest(
	s: EventBase,
	stepId: string,
	requestKey: string,
	rendered: CadenceMessage | undefined,
): LedgerEventInput {
	return {
		kind: 'escalation',
		invoiceId: s.invoice.id,
		at: s.asOfIso,
		reason: APPROVAL_REQUEST,
		priority: 'P2',
		key: requestKey,
		stepId,
		...(s.options.executionId ? { executionId: s.options.executionId } : {}),
		...(rendered ? { message: ledgerMessage(rendered) } : {}),
	};
}

/** An escalation the plan must remember (so the next run does not ask again). */
function escalation(
	s: EventBase,
	reason: string,
	escalationKey: string,
	extra: Partial<LedgerEventInput> = {},
) {
	return {
		kind: 'escalation',
		invoiceId: s.invoice.id,
		at: s.asOfIso,
		reason,
		priority: 'P2',
		key: escalationKey,
		...(s.options.executionId ? { executionId: s.options.executionId } : {}),
		...extra,
	} as LedgerEventInput;
}

/** An unconfirmed reservation: live (wait), handled by a person (counts as sent), or an unknown outcome. */
function unconfirmedOutcome(s: LedgerScope, reservation: TouchEvent): CadencePlan | undefined {
	const reservedMs = millis(reservation.at) ?? 0;
	const timeoutMs = (s.options.reservationTimeoutMinutes ?? 0) * 60_000;
	const stepLabel = `step "${reservation.stepId}"`;
	if (s.clock.asOfMs - reservedMs < timeoutMs) {
		return s.result(
			'wait',
			'reservation_live',
			`${stepLabel} was reserved at ${reservation.at}${reservation.executionId ? ` by execution ${reservation.executionId}` : ''} and is being sent: this run leaves it alone`,
			{ nextEligibleAt: new Date(reservedMs + timeoutMs).toISOString() },
		);
	}
	const surfaced = escalatedSince(s.view, reservedMs, {
		reason: OUTCOME_UNKNOWN,
		key: reservation.key,
	});
	if (surfaced) {
		if (clearedSince(s.view, millis(surfaced.at) ?? reservedMs)) {
			// A person handled it: the step counts as out; to send it again, they add a failed touch.
			markSent(s.view, s.policy, s.indexOf, reservation.stepId, reservedMs);
			return undefined;
		}
		return s.result(
			'wait',
			'outcome_with_person',
			`${stepLabel}: whether it was sent is unknown, and a person has the case since ${surfaced.at}`,
		);
	}
	if (s.options.unconfirmedSends === 'retry') {
		s.view.failures.set(reservation.stepId, (s.view.failures.get(reservation.stepId) ?? 0) + 1);
		return undefined;
	}
	const message = reservation.message as CadenceMessage | undefined;
	return s.result(
		'escalate',
		'send_outcome_unknown',
		`${stepLabel} was reserved at ${reservation.at} but no Record confirmed it (the send failed or the run stopped): a person checks whether it went out`,
		{
			idempotencyKey: reservation.key,
			...(message ? { message } : {}),
			ledger: [
				escalation(s, OUTCOME_UNKNOWN, reservation.key, {
					stepId: reservation.stepId,
					...(message ? { message: reservation.message } : {}),
				}),
			],
		},
	);
}

/** Replies after the last touch that no person cleared: the strongest hold among them, or none. */
function conversationHold(s: LedgerScope): CadencePlan | undefined {
	const open = s.view.replies.filter((reply) => {
		const at = millis(reply.at);
		return (
			at !== null &&
			(s.view.lastTouchMs === null || at > s.view.lastTouchMs) &&
			!clearedSince(s.view, at)
		);
	});
	if (open.length === 0) return undefined;
	let untriaged: ReplyEvent | undefined;
	let person: ReplyEvent | undefined;
	let paidClaim: ReplyEvent | undefined;
	let holdUntil: { day: number; reason: string; rule: CadenceRule } | undefined;
	for (const reply of open) {
		const atMs = millis(reply.at)!;
		const intent = reply.intent;
		if (!intent) {
			untriaged ??= reply;
			continue;
		}
		if (intent === 'promise_to_pay' && reply.promisedDate) {
			const until = dayNumber(reply.promisedDate)! + s.policy.promiseGraceDays + 1;
			if (until > s.now.today) {
				if (!holdUntil || until > holdUntil.day)
					holdUntil = {
						day: until,
						rule: 'promise_pending',
						reason: `the customer promised to pay by ${reply.promisedDate}; reminders resume after ${s.policy.promiseGraceDays} grace day(s)`,
					};
			} else if (!s.view.paymentsAt.some((at) => at > atMs)) s.brokenReplyPromises++;
			continue;
		}
		if (intent === 'out_of_office') {
			const back = reply.returnDate
				? dayNumber(reply.returnDate)!
				: s.clock.localOf(s.zone, atMs).day + (s.options.outOfOfficeDays ?? 7);
			if (back > s.now.today && (!holdUntil || back > holdUntil.day))
				holdUntil = {
					day: back,
					rule: 'out_of_office',
					reason: `the contact is out of office until ${s.clock.dateOf(back)}`,
				};
			continue;
		}
		if (intent === 'already_paid') {
			const until = addBusinessDays(
				s.clock.localOf(s.zone, atMs).day,
				s.options.paidConfirmDays ?? 3,
				s.spec,
			);
			if (until > s.now.today) {
				if (!holdUntil || until > holdUntil.day)
					holdUntil = {
						day: until,
						rule: 'already_paid_claimed',
						reason: `the customer says the invoice is paid: waiting for the source to confirm until ${s.clock.dateOf(until)}`,
					};
			} else paidClaim ??= reply;
			continue;
		}
		person ??= reply;
	}
	const forPerson = person ?? paidClaim;
	if (forPerson) {
		const atMs = millis(forPerson.at)!;
		const what =
			forPerson === paidClaim
				? `the customer said on ${forPerson.at} that it is paid, and the source still shows it open`
				: `the customer replied (${forPerson.intent}) on ${forPerson.at}`;
		const handled = escalatedSince(s.view, atMs);
		if (handled)
			return s.result(
				'wait',
				'reply_with_person',
				`${what}: a person has it since ${handled.at}; reminders resume after a resolved or resume row`,
			);
		const intent = forPerson === paidClaim ? 'already_paid' : forPerson.intent!;
		return s.result(
			'escalate',
			'reply_needs_person',
			`${what}: a person handles it before any reminder`,
			{
				ledger: [
					escalation(
						s,
						`reply_${intent}`,
						`${s.invoice.id}:reply:${new Date(atMs).toISOString()}`,
						{
							priority: PERSON_P1.has(intent) ? 'P1' : 'P2',
						},
					),
				],
			},
		);
	}
	if (untriaged)
		return s.result(
			'wait',
			'reply_awaiting_triage',
			`the customer replied on ${untriaged.at} and the reply has not been triaged yet: run Reply Triage (an untriaged reply never releases)`,
		);
	if (holdUntil)
		return s.result('wait', holdUntil.rule, holdUntil.reason, {
			nextEligibleAt: s.openFrom(holdUntil.day),
		});
	return undefined;
}

/**
 * A step waiting for approval: approved (that step goes out, with the approved message), still waiting, or
 * overdue (ask again / escalate). Undefined when no approval is open.
 */
function approvalState(
	s: LedgerScope,
): { plan: CadencePlan } | { approvedIndex: number; message?: CadenceMessage } | undefined {
	for (const [stepId, request] of s.view.approvalRequests) {
		const index = s.indexOf.get(stepId);
		if (index === undefined || s.view.sent.has(stepId)) continue;
		const decision = s.view.decisions.get(stepId);
		if (decision?.decision === 'rejected') continue;
		const requestStep = s.policy.steps[index];
		const message = request.message
			? ({
					cc: [],
					threadHeaders: {},
					...request.message,
					idempotencyKey: request.key,
					requiresApproval: false,
				} as unknown as CadenceMessage)
			: undefined;
		if (decision?.decision === 'approved')
			return {
				approvedIndex: index,
				...(message ? { message } : {}),
			};
		const requestedMs = millis(request.at) ?? s.clock.asOfMs;
		const requestedDay = s.clock.localOf(s.zone, requestedMs).day;
		const dueDay = addBusinessDays(requestedDay, s.options.approvalTimeoutDays ?? 2, s.spec);
		const common = { step: requestStep, idempotencyKey: request.key, requiresApproval: true };
		if (s.now.today < dueDay)
			return {
				plan: s.result(
					'wait',
					'awaiting_approval',
					`step "${stepId}" waits for a person's approval (asked ${request.at})`,
					{ ...common, nextEligibleAt: s.openFrom(dueDay) },
				),
			};
		if (s.options.approvalTimeout === 'escalate') {
			const overdue = escalatedSince(s.view, requestedMs, { reason: 'approval_overdue' });
			if (overdue)
				return {
					plan: s.result(
						'wait',
						'awaiting_approval',
						`step "${stepId}" is still not approved; a person was told on ${overdue.at}`,
						common,
					),
				};
			return {
				plan: s.result(
					'escalate',
					'approval_overdue',
					`nobody approved step "${stepId}" within ${s.options.approvalTimeoutDays ?? 2} business day(s): a person decides`,
					{
						...common,
						...(message ? { message } : {}),
						ledger: [escalation(s, 'approval_overdue', request.key, { stepId })],
					},
				),
			};
		}
		return {
			plan: s.result(
				'escalate',
				'requires_approval',
				`step "${stepId}" still needs a person's approval (asked ${request.at}, no answer): asking again`,
				{
					...common,
					...(message ? { message } : {}),
					ledger: [approvalRequest(s, stepId, request.key, message)],
				},
			),
		};
	}
	return undefined;
}

/** Reply intents a person sees first. */
const PERSON_P1 = new Set(['legal_threat', 'dispute', 'refund_request', 'complaint']);

/** The owner's pause in force now (the latest pause with no resume after it, before its end date). */
function activePause(
	view: LedgerView,
	today: number,
	asOfMs: number,
): { reason: string; until: number | null } | null {
	let latest: LedgerView['pauses'][number] | undefined;
	for (const pause of view.pauses)
		if (!latest || (millis(pause.at) ?? 0) >= (millis(latest.at) ?? 0)) latest = pause;
	if (!latest) return null;
	const pausedMs = millis(latest.at) ?? 0;
	if (view.resumesAt.some((at) => at >= pausedMs)) return null;
	let until: number | null = null;
	if (latest.until) {
		const day = dayNumber(latest.until.slice(0, 10));
		const instant = latest.until.length > 10 ? millis(latest.until) : null;
		if (instant !== null ? instant <= asOfMs : day !== null && day <= today) return null;
		until = day;
	}
	const who = latest.by ? ` by ${latest.by}` : '';
	const why = latest.reason ? ` (${latest.reason})` : '';
	return {
		reason: `paused${who} on ${latest.at}${why}${latest.until ? ` until ${latest.until}` : ' until a resume row'}`,
		until,
	};
}

/** The first window opening on or after `day` and after `earliest` (epoch ms), as an ISO timestamp in the zone. */
function nextOpening(
	clock: CadenceClock,
	zone: string,
	spec: WindowSpec,
	day: number,
	earliest: number | null,
): string | undefined {
	let startDay = day;
	let minutes = -1;
	if (earliest !== null) {
		const local = clock.localOf(zone, earliest);
		if (local.day > startDay || (local.day === startDay && local.minutes > minutes)) {
			startDay = local.day;
			minutes = local.minutes;
		}
	}
	const at = clock.nextOpen(zone, startDay, minutes, spec);
	return at === null ? undefined : clock.isoIn(zone, at);
}

/** The shipped languages around one English library, built once per library object. */
const librariesByEnglish = new WeakMap<MessageLibrary, LocalisedLibraries>();
const SHIPPED = localisedLibraries();

export function librariesFor(
	options: Pick<PlanOptions, 'libraries' | 'templates'>,
): LocalisedLibraries {
	if (options.libraries) return options.libraries;
	if (!options.templates) return SHIPPED;
	let libraries = librariesByEnglish.get(options.templates);
	if (!libraries) {
		libraries = localisedLibraries({}, options.templates);
		librariesByEnglish.set(options.templates, libraries);
	}
	return libraries;
}

function renderStep(
	invoice: Invoice,
	step: CadenceStepDef,
	options: PlanOptions,
	policy: CadencePolicy,
	key: string,
	to: string | undefined,
	asOfDate: string,
	previousReminderOn: string | undefined,
	lateFees: LateFees | undefined,
): CadenceMessage {
	const choice = chooseTemplate(invoice.customer.locale, step.template, step.channel, {
		libraries: librariesFor(options),
		fallbackLocale: policy.messages.fallbackLocale ?? options.locale,
	});
	const template = choice.template;
	const context: RenderContext = {
		locale: options.locale,
		messageLocale: choice.locale,
		previousReminderOn,
		...(lateFees
			? {
					lateFee: {
						totalMinor: lateFees.totalMinor,
						currency: lateFees.currency,
						asOfDate: lateFees.asOfDate,
					},
				}
			: {}),
		sender: options.sender,
		asOfDate,
		step: { id: step.id, tone: step.tone, channel: step.channel },
		extra: options.extra,
		templateName: step.template,
	};
	const rendered = renderMessage(template, invoice, context);
	return {
		channel: step.channel,
		to: to ?? '',
		cc: step.channel === 'email' ? [...(options.cc ?? [])] : [],
		...(rendered.subject !== undefined ? { subject: rendered.subject } : {}),
		text: rendered.text,
		...(rendered.html !== undefined ? { html: rendered.html } : {}),
		idempotencyKey: key,
		threadHeaders: step.channel === 'email' ? threadHeaders(invoice.messageId) : {},
		template: step.template,
		tone: step.tone,
		requiresApproval: step.requiresApproval,
		locale: choice.locale,
	};
}

/** Guardrail lint plus, for customer-facing messages, the required content. */
/** The outcome for an invoice left out of a pilot cohort: it waits, and says why. */
export function outsidePilotPlan(invoice: Invoice): CadencePlan {
	return {
		action: 'wait',
		rule: 'pilot',
		reason: 'pilot: this invoice is outside the pilot cohort',
		skippedSteps: [],
		state: 'not_due',
		policy: 'pilot',
		touches: 0,
		zone: invoice.customer.timezone ?? 'UTC',
	};
}

export function lintStep(
	invoice: Invoice,
	step: Pick<CadenceStepDef, 'channel'> & { id?: string },
	message: Pick<CadenceMessage, 'subject' | 'text' | 'html' | 'cc' | 'locale'>,
	options: Pick<PlanOptions, 'locale' | 'sender' | 'otherCustomers'>,
	/** The late fees a policy lets this message state: only in the approved sentence, never in other words. */
	lateFee?: Pick<LateFees, 'totalMinor' | 'currency' | 'asOfDate'>,
): LintFinding[] {
	const stage = step.channel === 'human_handoff' ? 'handoff' : 'reminder';
	const allowedEmails = [
		invoice.contact.email,
		options.sender?.email,
		invoice.owner?.email,
		...message.cc,
	].filter((address): address is string => !!address);
	const findings = lintRendered(message, {
		stage,
		...(lateFee
			? {
					allowLateFees: true,
					approvedWording: approvedLateFeeSentences(
						lateFee,
						message.locale ?? localeOf(invoice, options),
					),
				}
			: {}),
		allowedEmails,
		otherCustomers: options.otherCustomers?.filter((name) => name !== invoice.customer.name),
	});
	if (step.id === THANK_YOU_STEP.id) {
		// A thank-you has nothing left to pay: it names the invoice, never a balance or a due date.
		if (!message.text.includes(invoice.number))
			findings.push({
				rule: 'missing_required',
				phrase: invoice.number,
				message: 'the message does not state the invoice number',
			});
	} else if (CUSTOMER_CHANNELS.has(step.channel)) {
		const locale = message.locale ?? localeOf(invoice, options);
		findings.push(
			...checkRequiredContent(message.text, invoice, {
				amountDue: formatMoney(invoice.amountDueMinor, invoice.currency, locale),
				dueDate: invoice.dueOn ? formatDate(invoice.dueOn, locale) : undefined,
			}),
		);
	}
	return findings;
}

/**
 * The approved late-fee sentence of every shipped language, filled with this message's figures as the renderer
 * formats them (in the message's locale and the language's own), so a template may state fees only in those words.
 */
function approvedLateFeeSentences(
	lateFee: Pick<LateFees, 'totalMinor' | 'currency' | 'asOfDate'>,
	locale: string,
): string[] {
	const sentences: string[] = [];
	for (const wording of Object.values(WORDINGS)) {
		for (const format of new Set([locale, wording.locale])) {
			// Functions, not replacement strings: a "$" in "$1,234.56" would read as a group reference.
			const total = formatMoney(lateFee.totalMinor, lateFee.currency, format);
			const date = formatDate(lateFee.asOfDate, format);
			sentences.push(
				wording.lateFee
					.replace(/\{\{\s*lateFee\.total\s*\}\}/g, () => total)
					.replace(/\{\{\s*lateFee\.date\s*\}\}/g, () => date),
			);
		}
	}
	return sentences;
}

export type { ZoneNow };
