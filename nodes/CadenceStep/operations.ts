/** The two operations of Cadence Step: Plan (decide, render, reserve) and Record (confirm a send). */
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import {
	DEFAULT_LIBRARY,
	PRESETS,
	consolidateSends,
	historyFromFields,
	ledgerHistory,
	lintStep,
	mapWithConcurrency,
	mergeLibrary,
	parseIdempotencyKey,
	parseLibrary,
	personaliseMessage,
	outsidePilotPlan,
	planCadenceStep,
	pruneLedger,
	pruneStale,
	recordSend,
	reserveStep,
	resolvePolicy,
	toInstant,
	type AiConfig,
	type CadencePlan,
	type CadencePolicy,
	type CadencePolicyInput,
	type ConsolidationEntry,
	type HistoryEntry,
	type Invoice,
	type LedgerData,
	type MessageLibrary,
	type PlanOptions,
	type PolicyRef,
	isEmailAddress,
	mimeForMessage,
} from '../../src';
import {
	asOfParameter,
	auditEntry,
	describeErrors,
	forEachItem,
	Outputs,
	readInvoice,
	valueAt,
	withAudit,
} from '../shared/items';
import { staticNamespace } from '../shared/staticData';

export const NODE = 'Cadence Step';
export const OUTPUTS = ['Send', 'Wait', 'Stop', 'Escalate'] as const;
type OutputName = (typeof OUTPUTS)[number];
const OUTPUT_OF = { send: 'Send', wait: 'Wait', stop: 'Stop', escalate: 'Escalate' } as const;

interface Planned {
	itemIndex: number;
	json: IDataObject;
	invoice?: Invoice;
	plan?: CadencePlan;
	ai?: IDataObject;
}

export async function planOperation(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	let setup: ReturnType<typeof readPolicy> & { library: MessageLibrary };
	try {
		setup = { ...readPolicy(ctx, options), library: readLibrary(options) };
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), error as Error, {
			description:
				'Fix the custom policy or the message library: the message names the field that is wrong',
		});
	}
	const { policy: policyRef, tierPolicies, library } = setup;
	const invoiceField = (options.invoiceField as string) || 'invoice';
	const dryRun = options.dryRun === true;
	const ledgerMode = ctx.getNodeParameter('ledger', 0, 'staticData') as 'staticData' | 'fields';
	const ledger: LedgerData | undefined =
		ledgerMode === 'staticData' ? (staticNamespace(ctx, 'cadence') as LedgerData) : undefined;
	const pilot = (options.pilot as string) || 'off';
	const holdOnReplies = options.holdOnReplies !== false;
	const pilotSize = (options.pilotSize as number) ?? 10;
	const sender = {
		name: (options.senderName as string) || 'Accounts Receivable',
		company: (options.senderCompany as string) || undefined,
		email: (options.senderEmail as string) || undefined,
	};
	const base: PlanOptions = {
		asOf: asOfParameter(options.asOf),
		timezone: (options.timezone as string) || ctx.getTimezone(),
		templates: library,
		locale: (options.locale as string) || undefined,
		sender,
		cc: splitList(options.cc),
		tierPolicies,
	};
	const at = new Date().toISOString();
	// Reservations carry the plan's moment (now, unless As-Of is set), so spacing counts from the planned touch.
	const planAt = new Date(toInstant(base.asOf) ?? Date.now()).toISOString();
	const outputs = new Outputs<OutputName>(OUTPUTS);
	const planned: Planned[] = [];
	const closed: string[] = [];
	const plannedKeys = new Set<string>();
	let cohort = 0;

	forEachItem(
		ctx,
		items,
		(item, itemIndex) => {
			const read = readInvoice(item.json, invoiceField);
			if (!read.ok) {
				throw new NodeOperationError(
					ctx.getNode(),
					`the invoice on this item is not valid: ${describeErrors(read.errors)}`,
					{
						itemIndex,
						description:
							'Put Payment State Check before this node, or set Invoice Field to where the invoice is',
					},
				);
			}
			const invoice = read.invoice;
			const inCohort =
				pilot === 'off' ||
				(pilot === 'firstN'
					? cohort++ < pilotSize
					: ctx.getNodeParameter('options.pilotFilter', itemIndex, true) === true);
			if (!inCohort) {
				planned.push({ itemIndex, json: item.json, invoice, plan: outsidePilotPlan(invoice) });
				return;
			}
			const history: HistoryEntry[] = ledger
				? ledgerHistory(ledger, invoice.id)
				: historyFromFields(
						ctx.getNodeParameter('lastStepId', itemIndex, ''),
						ctx.getNodeParameter('lastTouchAt', itemIndex, ''),
					);
			const triage = item.json.triage as IDataObject | undefined;
			const result = planCadenceStep(invoice, policyRef, {
				...base,
				history,
				outOfOfficeUntil:
					outOfOfficeUntil(triage) ??
					(typeof item.json.outOfOfficeUntil === 'string' ? item.json.outOfOfficeUntil : undefined),
				// A triage result on the item means the latest reply has been read.
				...(triage || !holdOnReplies ? { replyAwaitingTriage: false } : {}),
			});
			if (result.rule === 'closed') closed.push(invoice.id);
			if (result.idempotencyKey) {
				// The same invoice twice in one input: the step goes out once.
				if (plannedKeys.has(result.idempotencyKey)) {
					planned.push({
						itemIndex,
						json: item.json,
						invoice,
						plan: {
							...result,
							action: 'wait',
							rule: 'send',
							reason: `step "${result.step?.id}" is already planned for this invoice in this run`,
							message: undefined,
							idempotencyKey: undefined,
						},
					});
					return;
				}
				plannedKeys.add(result.idempotencyKey);
			}
			planned.push({ itemIndex, json: item.json, invoice, plan: result });
		},
		(error, item, itemIndex) =>
			planned.push({ itemIndex, json: { ...item.json, error: error.message } }),
		'Put Payment State Check before this node (or set Invoice Field), fix the template variable named in the error, or check the custom policy',
	);

	if (ctx.getNodeParameter('personalise', 0, false) === true)
		await personaliseAll(ctx, planned, options);
	await attachMime(planned, sender);

	if (ledger && !dryRun) {
		pruneLedger(ledger, closed);
		const forget = (options.forgetAfterDays as number | undefined) ?? 365;
		if (forget > 0) pruneStale(ledger, planAt, forget);
	}

	const notReserved = new Set<Planned>();
	const consolidated =
		options.consolidate === true ? await consolidate(planned, base, dryRun) : new Set<Planned>();
	// Reserve only now that every item planned without error: a run that fails half-way reserves nothing.
	if (ledger && !dryRun) {
		for (const entry of planned) {
			const step = entry.plan?.step;
			if (!entry.plan?.idempotencyKey || !step || notReserved.has(entry)) continue;
			const reserved = reserveStep(
				ledger,
				entry.invoice!.id,
				step.id,
				planAt,
				entry.plan.skippedSteps,
			);
			if (!reserved.ok) {
				entry.plan = {
					...entry.plan,
					action: 'wait',
					rule: 'send',
					reason: reserved.reason,
					message: undefined,
					idempotencyKey: undefined,
				};
			}
		}
	}
	for (const entry of planned) {
		if (consolidated.has(entry)) continue;
		if (!entry.plan) {
			outputs.push('Escalate', entry.json, entry.itemIndex);
			continue;
		}
		const output: OutputName = dryRun ? 'Wait' : OUTPUT_OF[entry.plan.action];
		outputs.push(output, itemJson(entry.json, entry.plan, at, dryRun, entry.ai), entry.itemIndex);
	}

	addHints(ctx, outputs, planned, ledger !== undefined, dryRun);
	return outputs.result();

	async function consolidate(
		entries: Planned[],
		planOptions: PlanOptions,
		dry: boolean,
	): Promise<Set<Planned>> {
		const sends = entries.filter(
			(entry) =>
				entry.plan?.action === 'send' && entry.plan.message?.channel === 'email' && !entry.ai,
		);
		const groups = consolidateSends(
			sends.map(
				(entry) =>
					({
						invoice: entry.invoice!,
						plan: entry.plan!,
						index: entry.itemIndex,
					}) as ConsolidationEntry,
			),
			{
				templates: library,
				locale: planOptions.locale,
				sender: planOptions.sender,
				cc: planOptions.cc,
			},
		);
		const handled = new Set<Planned>();
		for (const group of groups) {
			if (group.entries.length < 2) continue;
			const members = group.entries.map(
				(member) =>
					sends.find((entry) => entry.itemIndex === member.index && entry.plan === member.plan)!,
			);
			members.forEach((member) => handled.add(member));
			const first = members[0];
			const pairedItem = members.map((member) => ({ item: member.itemIndex }));
			let blocked = group.findings.length > 0;
			if (!blocked && group.message) {
				try {
					group.message.mimeBase64Url = await mimeForMessage(group.message, {
						from: sender.email && isEmailAddress(sender.email) ? sender.email : undefined,
						fromName: sender.name,
					});
				} catch (error) {
					blocked = true;
					group.findings.push({
						rule: 'unsafe_header',
						phrase: '',
						message: (error as Error).message,
					});
				}
			}
			if (blocked) members.forEach((member) => notReserved.add(member));
			const cadence: IDataObject = {
				action: blocked ? 'escalate' : 'send',
				rule: blocked ? 'guardrail' : 'send',
				reason: blocked
					? `the consolidated message failed the guardrail lint: ${group.findings.map((finding) => finding.rule).join(', ')}`
					: `${members.length} invoices of one customer in one message`,
				consolidated: true,
				tone: group.tone,
				invoices: group.entries.map((member) => ({
					id: member.invoice.id,
					number: member.invoice.number,
					step: member.plan.step?.id,
					idempotencyKey: member.plan.idempotencyKey,
				})) as unknown as IDataObject[],
				idempotencyKey: group.message?.idempotencyKey,
				...(blocked
					? {
							findings: group.findings as unknown as IDataObject[],
							blockedMessage: group.message as unknown as IDataObject,
						}
					: { message: group.message as unknown as IDataObject }),
				...(dry ? { dryRun: true } : {}),
			};
			const output: OutputName = dry ? 'Wait' : blocked ? 'Escalate' : 'Send';
			outputs.push(
				output,
				withAudit(
					first.json,
					auditEntry(
						NODE,
						String(cadence.rule),
						String(cadence.action),
						String(cadence.reason),
						at,
					),
					{ cadence },
				),
				first.itemIndex,
				{ pairedItem },
			);
		}
		return handled;
	}
}

async function personaliseAll(
	ctx: IExecuteFunctions,
	planned: Planned[],
	options: IDataObject,
): Promise<void> {
	const targets = planned.filter(
		(entry) => entry.plan?.action === 'send' && entry.plan.message?.channel === 'email',
	);
	if (targets.length === 0) return;
	const credentials = await ctx.getCredentials<{ apiKey: string; baseUrl: string; model: string }>(
		'openAiCompatibleApi',
	);
	const config: AiConfig = {
		apiKey: credentials.apiKey,
		baseUrl: credentials.baseUrl,
		model: credentials.model,
		timeoutMs: (options.aiTimeoutMs as number) || 20_000,
		maxRetries: 1,
	};
	await mapWithConcurrency(targets, 4, async (entry) => {
		const plan = entry.plan!;
		const invoice = entry.invoice!;
		const message = plan.message!;
		const result = await personaliseMessage(config, message, invoice, {
			context: (options.aiContext as string) || undefined,
			tone: plan.step?.tone,
			lint: {
				stage: 'reminder',
				allowedEmails: [invoice.contact.email ?? '', ...(message.cc ?? [])],
			},
			required: (text) =>
				lintStep(
					invoice,
					{ channel: 'email' },
					{ text, cc: [] },
					{ locale: (options.locale as string) || undefined },
				).filter((finding) => finding.rule === 'missing_required'),
		});
		if (result.ok) {
			entry.plan = {
				...plan,
				action: 'escalate',
				rule: 'requires_approval',
				reason: 'AI-personalised draft: a person approves it before it is sent',
				requiresApproval: true,
				message: {
					...message,
					subject: result.message.subject,
					text: result.message.text,
					html: result.message.html,
					requiresApproval: true,
				},
			};
			entry.ai = { used: true, model: config.model };
		} else {
			entry.ai = {
				used: false,
				error: result.error,
				...(result.findings ? { findings: result.findings as unknown as IDataObject[] } : {}),
			};
		}
	});
}

export async function recordOperation(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const ledger = staticNamespace(ctx, 'cadence') as LedgerData;
	const at = new Date().toISOString();
	const outputs = new Outputs<'Recorded'>(['Recorded']);
	forEachItem(
		ctx,
		items,
		(item, itemIndex) => {
			const given = ctx.getNodeParameter('idempotencyKey', itemIndex, '') as string;
			const key =
				given || (valueAt(item.json, 'cadence.idempotencyKey') as string | undefined) || '';
			const targets = parseIdempotencyKey(key);
			if (targets.length === 0) {
				throw new NodeOperationError(ctx.getNode(), `no idempotency key on this item ("${key}")`, {
					itemIndex,
					description:
						"Set Idempotency Key to {{ $('Cadence Step').item.json.cadence.idempotencyKey }} (the Plan node's item), since the send node's output replaces the item",
				});
			}
			const chosen = ctx.getNodeParameter('status', itemIndex, 'auto') as
				| 'auto'
				| 'sent'
				| 'failed';
			const error = item.json.error;
			const status = chosen === 'auto' ? (error ? 'failed' : 'sent') : chosen;
			const errorText =
				typeof error === 'string'
					? error
					: error && typeof error === 'object'
						? String((error as IDataObject).message ?? JSON.stringify(error))
						: undefined;
			const results = targets.map((target) => ({
				...target,
				...recordSend(ledger, target.invoiceId, target.stepId, status, at, errorText),
			}));
			const reason = results
				.map((result) =>
					result.ok
						? `${result.key} recorded as ${status}${status === 'failed' ? ` (${result.failures} failure(s))` : ''}`
						: result.reason,
				)
				.join('; ');
			outputs.push(
				'Recorded',
				withAudit(item.json, auditEntry(NODE, 'record', status, reason, at), {
					cadence: {
						...((item.json.cadence as IDataObject) ?? {}),
						recorded: { status, key, results: results as unknown as IDataObject[] },
					},
				}),
				itemIndex,
			);
		},
		(error, item, itemIndex) =>
			outputs.push('Recorded', { ...item.json, error: error.message }, itemIndex),
		'Record goes after the send node and needs the idempotency key the Plan operation put on cadence.idempotencyKey',
	);
	return outputs.result();
}

/** The policy once per execution: a preset, 'by-tier' (with tuned presets per tier), or a validated custom policy. */
function readPolicy(
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
	const tuning = policyTuning(options);
	if (Object.keys(tuning).length === 0)
		return { policy: choice === 'custom' || choice === 'json' ? resolvePolicy(policy) : policy };
	const apply = (resolved: CadencePolicy): CadencePolicy =>
		resolvePolicy({
			...resolved,
			...tuning,
			sendWindow: { ...resolved.sendWindow, ...((tuning.sendWindow as object) ?? {}) },
		} as CadencePolicyInput);
	if (choice === 'by-tier') {
		// Tuning applies to whichever preset the tier picks.
		return {
			policy: 'by-tier',
			tierPolicies: {
				strategic: apply(PRESETS.strategic),
				standard: apply(PRESETS['standard-5']),
				transactional: apply(PRESETS.transactional),
				friction: apply(PRESETS['policy-4']),
			},
		};
	}
	return { policy: apply(resolvePolicy(policy)) };
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
	return tuning as Partial<CadencePolicyInput>;
}

function readLibrary(options: IDataObject): MessageLibrary {
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

function splitList(value: unknown): string[] {
	if (typeof value !== 'string') return [];
	return value
		.split(/[,;\n]/)
		.map((part) => part.trim())
		.filter(Boolean);
}

function outOfOfficeUntil(triage: IDataObject | undefined): string | undefined {
	if (!triage || triage.intent !== 'out_of_office') return undefined;
	const date = (triage.extracted as IDataObject | undefined)?.returnDate;
	return typeof date === 'string' ? date : undefined;
}

function itemJson(
	json: IDataObject,
	result: CadencePlan,
	at: string,
	dryRun: boolean,
	ai: IDataObject | undefined,
): IDataObject {
	const cadence: IDataObject = { ...(result as unknown as IDataObject) };
	if (dryRun) cadence.dryRun = true;
	if (ai) cadence.ai = ai;
	const { error: _dropped, ...rest } = json;
	void _dropped;
	return withAudit(
		rest,
		auditEntry(
			NODE,
			result.rule,
			dryRun ? `dry run: ${result.action}` : result.action,
			result.reason,
			at,
		),
		{ cadence },
	);
}

function addHints(
	ctx: IExecuteFunctions,
	outputs: Outputs<OutputName>,
	planned: Planned[],
	usesLedger: boolean,
	dryRun: boolean,
): void {
	const hints: Array<{ message: string; location: 'outputPane' }> = [];
	const count = (rule: string) => planned.filter((entry) => entry.plan?.rule === rule).length;
	const blocked = count('guardrail');
	if (blocked > 0)
		hints.push({
			message: `${blocked} message(s) failed the guardrail lint and were escalated, not sent: see cadence.findings`,
			location: 'outputPane',
		});
	const promised = count('promise_pending');
	if (promised > 0)
		hints.push({
			message: `${promised} invoice(s) were held because a promise to pay is pending`,
			location: 'outputPane',
		});
	const aiFailed = planned.filter((entry) => entry.ai && entry.ai.used === false).length;
	if (aiFailed > 0)
		hints.push({
			message: `${aiFailed} AI draft(s) failed; the approved template was used: see cadence.ai.error`,
			location: 'outputPane',
		});
	if (dryRun)
		hints.push({
			message: 'Dry run: every item left on Wait and the ledger was not touched',
			location: 'outputPane',
		});
	if (usesLedger && !dryRun && ctx.getMode() === 'manual' && outputs.count('Send') > 0) {
		hints.push({
			message:
				'Manual run: n8n does not save static data here, so these reservations are forgotten. The ledger persists only in production (scheduled, webhook, CLI) executions.',
			location: 'outputPane',
		});
	}
	if (hints.length > 0) ctx.addExecutionHints(...hints);
}

/**
 * Each planned e-mail send carries its ready MIME message (`cadence.message.mimeBase64Url`), so no workflow builds
 * MIME by hand. A message the builder refuses (an address or message id that is not valid) is escalated, not sent.
 */
async function attachMime(
	planned: Planned[],
	sender: { name?: string; email?: string },
): Promise<void> {
	for (const entry of planned) {
		const plan = entry.plan;
		const message = plan?.message;
		if (!plan || plan.action !== 'send' || !message || message.channel !== 'email') continue;
		try {
			const mimeBase64Url = await mimeForMessage(message, {
				from: sender.email && isEmailAddress(sender.email) ? sender.email : undefined,
				fromName: sender.name,
			});
			entry.plan = { ...plan, message: { ...message, mimeBase64Url } };
		} catch (error) {
			entry.plan = {
				...plan,
				action: 'escalate',
				rule: 'guardrail',
				reason: `the e-mail could not be built safely: ${(error as Error).message}`,
				message: undefined,
				blockedMessage: message,
				idempotencyKey: undefined,
			};
		}
	}
}
