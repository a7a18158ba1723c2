/** Reading Cadence Step's parameters into src options: the policy and its tuning, the library, the ledger mode. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	DEFAULT_LIBRARY,
	localisedLibraries,
	mergeLibrary,
	parseLibrary,
	parseLocalisedLibraries,
	type LocalisedLibraries,
	tunePolicy,
	type CadencePolicyInput,
	type MessageLibrary,
	type PlanOptions,
	type PolicyRef,
} from '../../../src';
import { holidayPlaceOf } from '../../shared/options';

export const NODE = 'Cadence Step';
export const OUTPUTS = ['Send', 'Wait', 'Stop', 'Escalate'] as const;
export type OutputName = (typeof OUTPUTS)[number];

/** Where history comes from (Plan) and where Record writes: Data Table rows, static data, or input fields. */
export const LEDGER_MODES = ['ledgerInput', 'staticData', 'fields'] as const;
export type LedgerMode = (typeof LEDGER_MODES)[number];

/** The ledger mode, with each version's default (1: static data; 1.1: the Ledger input). */
export function ledgerMode(ctx: IExecuteFunctions): LedgerMode {
	const fallback = ctx.getNode().typeVersion >= 1.1 ? 'ledgerInput' : 'staticData';
	return ctx.getNodeParameter('ledger', 0, fallback) as LedgerMode;
}

/** The policy once per execution: a preset, 'by-tier', or a validated custom policy, with the user's tuning. */
export function readPolicy(
	ctx: IExecuteFunctions,
	options: IDataObject,
): { policy: PolicyRef; tierPolicies?: PlanOptions['tierPolicies'] } {
	const choice = ctx.getNodeParameter('policy', 0, 'by-tier') as string;
	let policy: PolicyRef;
	if (choice === 'custom') {
		const steps = ((ctx.getNodeParameter('steps', 0, {}) as IDataObject).step ??
			[]) as IDataObject[];
		policy = { name: 'custom', steps } as unknown as CadencePolicyInput;
	} else if (choice === 'json') {
		const raw = ctx.getNodeParameter('policyJson', 0, '{}');
		policy = (typeof raw === 'string' ? JSON.parse(raw) : raw) as CadencePolicyInput;
	} else {
		policy = choice as PolicyRef;
	}
	return tunePolicy(policy, policyTuning(options));
}

/** Options that adjust the chosen policy; only those the user added. */
function policyTuning(options: IDataObject): Partial<CadencePolicyInput> {
	const tuning: Record<string, unknown> = {};
	for (const key of [
		'spacingHours',
		'catchUp',
		'maxTouches',
		'maxFailedSends',
		'escalateAfterBrokenPromises',
		'promiseGraceDays',
	] as const) {
		if (options[key] !== undefined && options[key] !== '') tuning[key] = options[key];
	}
	if (typeof options.holidays === 'string' && options.holidays.trim() !== '')
		tuning.holidays = splitList(options.holidays);
	const window: Record<string, unknown> = {};
	if (Array.isArray(options.sendDays)) window.days = options.sendDays;
	if (options.sendFrom) window.from = options.sendFrom;
	if (options.sendTo) window.to = options.sendTo;
	if (Object.keys(window).length > 0) tuning.sendWindow = window;
	const holidayPlace = holidayPlaceOf(options);
	if (holidayPlace) tuning.publicHolidays = holidayPlace;
	const messages: Record<string, unknown> = {};
	if (typeof options.fallbackLocale === 'string' && options.fallbackLocale.trim() !== '')
		messages.fallbackLocale = options.fallbackLocale.trim();
	if (typeof options.preferBillingContact === 'boolean')
		messages.preferBillingContact = options.preferBillingContact;
	if (options.receiptCheck === true)
		messages.receiptCheck = {
			enabled: true,
			...(typeof options.receiptCheckDays === 'number'
				? { afterDays: options.receiptCheckDays }
				: {}),
		};
	if (options.thankYou === true)
		messages.thankYou = { enabled: true, evenIfNotChased: options.thankYouUnchased === true };
	if (Object.keys(messages).length > 0) tuning.messages = messages;
	return tuning as Partial<CadencePolicyInput>;
}

export function readLibrary(options: IDataObject): MessageLibrary {
	let overrides: MessageLibrary = {};
	if (options.library !== undefined && options.library !== '')
		overrides = parseLibrary(options.library);
	const rows = ((options.overrides as IDataObject | undefined)?.override ?? []) as Array<{
		template: string;
		channel: string;
		subject?: string;
		text: string;
		html?: string;
	}>;
	for (const row of rows) {
		if (!row.template || !row.text) continue;
		overrides[row.template] = {
			...(overrides[row.template] ?? {}),
			[row.channel]: {
				text: row.text,
				...(row.subject ? { subject: row.subject } : {}),
				...(row.html ? { html: row.html } : {}),
			},
		};
	}
	return Object.keys(overrides).length > 0
		? mergeLibrary(parseLibrary(overrides))
		: DEFAULT_LIBRARY;
}

/** The shipped languages around the (possibly customised) English library, plus the user's libraries by language. */
export function readLibraries(options: IDataObject, english: MessageLibrary): LocalisedLibraries {
	const custom =
		options.libraries !== undefined && options.libraries !== ''
			? parseLocalisedLibraries(options.libraries)
			: {};
	return localisedLibraries(custom, english);
}

const numberOption = (options: IDataObject, key: string) =>
	typeof options[key] === 'number' && Number.isFinite(options[key])
		? (options[key] as number)
		: undefined;

/** The ledger rules' options (Ledger input mode): reservations and approvals. */
export function ledgerRuleOptions(options: IDataObject): Partial<PlanOptions> {
	return {
		reservationTimeoutMinutes: numberOption(options, 'reservationTimeoutMinutes') ?? 30,
		unconfirmedSends: options.unconfirmedSends === 'retry' ? 'retry' : 'escalate',
		approvalTimeoutDays: numberOption(options, 'approvalTimeoutDays'),
		approvalTimeout: options.approvalTimeout === 'escalate' ? 'escalate' : 'ask_again',
	};
}

/** How long replies without a date hold (ledger reply rows, or a triage on the item). */
export function replyHoldOptions(options: IDataObject): Partial<PlanOptions> {
	return {
		outOfOfficeDays: numberOption(options, 'outOfOfficeDays'),
		paidConfirmDays: numberOption(options, 'paidConfirmDays'),
	};
}

export function splitList(value: unknown): string[] {
	if (typeof value !== 'string') return [];
	return value
		.split(/[,;\n]/)
		.map((part) => part.trim())
		.filter(Boolean);
}
