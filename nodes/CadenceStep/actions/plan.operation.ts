/**
 * Plan: decide the step due now per invoice, render it, and say what the ledger must learn. With the Ledger input
 * (Data Table rows on the second input), items that create a row carry it at `ledgerRow` (see src/contract/ledger.ts):
 * Send items their reservation (insert it before the send node), Escalate items the escalation Plan must remember.
 * With static data, Plan reserves in the workflow's static data as before.
 */
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import {
	PilotCohort,
	RunKeys,
	asApprovalDraft,
	consolidateSends,
	consolidatedReservation,
	eventToRow,
	groupLedgerByInvoice,
	heldBack,
	historyFromFields,
	ledgerHistory,
	lintStep,
	mapWithConcurrency,
	outsidePilotPlan,
	personaliseMessage,
	planCadenceStep,
	pruneLedger,
	pruneStale,
	replyFromTriage,
	reserveStep,
	toInstant,
	type AiConfig,
	type CadenceMessage,
	type CadencePlan,
	type LintFinding,
	type ConsolidationEntry,
	type HistoryInput,
	type Invoice,
	type LedgerData,
	type LedgerEvent,
	type MessageLibrary,
	type PilotMode,
	type PlanOptions,
	isEmailAddress,
	isStatementSend,
	heldStatement,
	mimeForMessage,
	planStatements,
	type MimeAttachment,
} from '../../../src';
import {
	asOfParameter,
	auditEntry,
	describeErrors,
	forEachItem,
	Outputs,
	readInvoice,
	withAudit,
} from '../../shared/items';
import { readAiConfig } from '../../shared/ai';
import { addHints } from '../../shared/hints';
import { readLedgerInput } from '../../shared/ledger';
import { staticNamespace } from '../../shared/staticData';
import {
	NODE,
	OUTPUTS,
	ledgerMode,
	ledgerRuleOptions,
	readLibraries,
	replyHoldOptions,
	readLibrary,
	readPolicy,
	splitList,
	type OutputName,
} from './parameters';

const PLAN_FIX =
	'Put Payment State Check before this node (or set Invoice Field), fix the template variable named in the error, or check the custom policy';

const OUTPUT_OF = { send: 'Send', wait: 'Wait', stop: 'Stop', escalate: 'Escalate' } as const;

interface Planned {
	itemIndex: number;
	json: IDataObject;
	invoice?: Invoice;
	plan?: CadencePlan;
	ai?: IDataObject;
	/** Without Continue On Fail: a record this node could not plan, escalated with its reason (never a crash). */
	invalid?: IDataObject;
}

export async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
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
	const mode = ledgerMode(ctx);
	const ledger: LedgerData | undefined =
		mode === 'staticData' ? (staticNamespace(ctx, 'cadence') as LedgerData) : undefined;
	const rowsMode = mode === 'ledgerInput';
	const executionId = String(ctx.getExecutionId?.() ?? '') || undefined;
	const ledgerRead = rowsMode ? readLedger(ctx) : undefined;
	const holdOnReplies = options.holdOnReplies !== false;
	const pilot = new PilotCohort(
		((options.pilot as string) || 'off') as PilotMode,
		(options.pilotSize as number) ?? 10,
	);
	const sender = {
		// Unset, each language's library signs with its own words (Accounts Receivable, Ihre Buchhaltung, …).
		name: (options.senderName as string) || undefined,
		company: (options.senderCompany as string) || undefined,
		email: (options.senderEmail as string) || undefined,
	};
	const base: PlanOptions = {
		asOf: asOfParameter(options.asOf),
		timezone: (options.timezone as string) || ctx.getTimezone(),
		templates: library,
		libraries: readLibraries(options, library),
		locale: (options.locale as string) || undefined,
		sender,
		cc: splitList(options.cc),
		tierPolicies,
		...replyHoldOptions(options),
		...(rowsMode ? { executionId, ...ledgerRuleOptions(options) } : {}),
	};
	const at = new Date().toISOString();
	// Reservations carry the plan's moment (now, unless As-Of is set), so spacing counts from the planned touch.
	const planAt = new Date(toInstant(base.asOf) ?? Date.now()).toISOString();
	const outputs = new Outputs<OutputName>(OUTPUTS);
	const planned: Planned[] = [];
	// What each invoice's plan read, so a statement step is sent once per customer (any invoice's ledger counts).
	const histories = new Map<string, HistoryInput[]>();
	const closed: string[] = [];
	const runKeys = new RunKeys();

	forEachItem(
		ctx,
		items,
		(item, itemIndex) => {
			const read = readInvoice(item.json, invoiceField);
			if (!read.ok) {
				throw Object.assign(
					new NodeOperationError(
						ctx.getNode(),
						`the invoice on this item is not valid: ${describeErrors(read.errors)}`,
						{
							itemIndex,
							description:
								'Put Payment State Check before this node, or set Invoice Field to where the invoice is',
						},
					),
					{ fieldErrors: read.errors },
				);
			}
			const invoice = read.invoice;
			const inCohort = pilot.includes(
				() => ctx.getNodeParameter('options.pilotFilter', itemIndex, true) === true,
			);
			if (!inCohort) {
				planned.push({ itemIndex, json: item.json, invoice, plan: outsidePilotPlan(invoice) });
				return;
			}
			const history: HistoryInput[] = ledger
				? ledgerHistory(ledger, invoice.id)
				: rowsMode
					? [...(ledgerRead!.byInvoice.get(invoice.id) ?? [])]
					: historyFromFields(
							ctx.getNodeParameter('lastStepId', itemIndex, ''),
							ctx.getNodeParameter('lastTouchAt', itemIndex, ''),
						);
			// A triage on the item (Reply Triage upstream) is a reply like any other: it holds, never releases.
			const reply = replyFromTriage(item.json.triage as IDataObject | undefined, invoice, planAt);
			if (reply) history.push(reply);
			// Read back only by a statement step; most invoices have no history, and [] is what a miss reads.
			if (history.length > 0 || histories.has(invoice.id)) histories.set(invoice.id, history);
			// One copy of the shared options per item, then only what differs (no spreads of empty objects).
			const planOptions: PlanOptions = { ...base, history };
			if (typeof item.json.outOfOfficeUntil === 'string')
				planOptions.outOfOfficeUntil = item.json.outOfOfficeUntil;
			if (!holdOnReplies) planOptions.replyAwaitingTriage = false;
			const result = planCadenceStep(invoice, policyRef, planOptions);
			if (result.rule === 'closed') closed.push(invoice.id);
			planned.push({ itemIndex, json: item.json, invoice, plan: runKeys.claim(result) });
		},
		(error, item, itemIndex) =>
			planned.push({ itemIndex, json: { ...item.json, error: error.message } }),
		PLAN_FIX,
		// Without Continue On Fail the record goes to Escalate, marked invalid with its reason, as a missing contact
		// address does: one unreadable invoice never stops the other reminders.
		(error, item, itemIndex) =>
			planned.push({ itemIndex, json: item.json, invalid: invalidCadence(error, PLAN_FIX) }),
	);

	if (ctx.getNodeParameter('personalise', 0, false) === true)
		await personaliseAll(ctx, planned, options, planAt, executionId);
	await attachMime(planned, sender, invoiceAttachment(ctx, items, options));

	if (ledger && !dryRun) {
		pruneLedger(ledger, closed);
		const forget = (options.forgetAfterDays as number | undefined) ?? 365;
		if (forget > 0) pruneStale(ledger, planAt, forget);
	}

	const notReserved = new Set<Planned>();
	const statementSent = await statements(planned, base, dryRun);
	const consolidated =
		options.consolidate === true
			? await consolidate(
					planned.filter((entry) => !statementSent.has(entry)),
					base,
					dryRun,
				)
			: new Set<Planned>();
	for (const entry of statementSent) consolidated.add(entry);
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
			if (!reserved.ok) entry.plan = heldBack(entry.plan, reserved.reason);
		}
	}
	for (const entry of planned) {
		if (consolidated.has(entry)) continue;
		if (entry.invalid) {
			const { ledgerRow: _stale, ...json } = entry.json;
			void _stale;
			outputs.push(
				'Escalate',
				withAudit(
					json,
					auditEntry(NODE, 'invalid_input', 'escalate', String(entry.invalid.reason), at),
					{ error: entry.invalid.reason, cadence: entry.invalid },
				),
				entry.itemIndex,
			);
			continue;
		}
		if (!entry.plan) {
			outputs.failed(ctx, 'Escalate', entry.json, String(entry.json.error), entry.itemIndex);
			continue;
		}
		const output: OutputName = dryRun ? 'Wait' : OUTPUT_OF[entry.plan.action];
		const json = itemJson(entry.json, entry.plan, at, dryRun, entry.ai);
		const row = rowsMode && !dryRun ? entry.plan.ledger?.[0] : undefined;
		if (row) json.ledgerRow = eventToRow(row) as unknown as IDataObject;
		outputs.push(output, json, entry.itemIndex);
	}

	addHints(ctx, hintsOf(ctx, outputs, planned, mode, dryRun, ledgerRead));
	return outputs.result();

	/**
	 * One e-mail for several invoices (a consolidated summary, a statement): its MIME message, then one item on Send,
	 * paired with every member, carrying the one reservation; blocked by a finding, on Escalate and never reserved.
	 */
	async function emitGroup(
		members: Planned[],
		groupEntries: ConsolidationEntry[],
		message: CadenceMessage,
		findings: LintFinding[],
		dry: boolean,
		about: {
			what: string;
			reason: string;
			cadence: IDataObject;
			attachment?: MimeAttachment;
			binary?: INodeExecutionData['binary'];
		},
	): Promise<void> {
		let blocked = findings.length > 0;
		if (!blocked) {
			try {
				message.mimeBase64Url = await mimeForMessage(message, {
					from: sender.email && isEmailAddress(sender.email) ? sender.email : undefined,
					fromName: sender.name,
					...(about.attachment ? { attachments: [about.attachment] } : {}),
				});
			} catch (error) {
				blocked = true;
				findings.push({ rule: 'unsafe_header', phrase: '', message: (error as Error).message });
			}
		}
		if (blocked) members.forEach((member) => notReserved.add(member));
		const cadence: IDataObject = {
			action: blocked ? 'escalate' : 'send',
			rule: blocked ? 'guardrail' : 'send',
			reason: blocked
				? `${about.what} failed the guardrail lint: ${findings.map((finding) => finding.rule).join(', ')}`
				: about.reason,
			...about.cadence,
			invoices: groupEntries.map((member) => ({
				id: member.invoice.id,
				number: member.invoice.number,
				step: member.plan.step?.id,
				idempotencyKey: member.plan.idempotencyKey,
			})) as unknown as IDataObject[],
			idempotencyKey: message.idempotencyKey,
			...(blocked
				? {
						findings: findings as unknown as IDataObject[],
						blockedMessage: message as unknown as IDataObject,
					}
				: { message: message as unknown as IDataObject }),
			...(dry ? { dryRun: true } : {}),
		};
		const reservation =
			rowsMode && !dry && !blocked
				? consolidatedReservation(message, planAt, executionId)
				: undefined;
		const first = members[0];
		outputs.push(
			dry ? 'Wait' : blocked ? 'Escalate' : 'Send',
			withAudit(
				first.json,
				auditEntry(NODE, String(cadence.rule), String(cadence.action), String(cadence.reason), at),
				{
					cadence,
					...(reservation ? { ledgerRow: eventToRow(reservation) as unknown as IDataObject } : {}),
				},
			),
			first.itemIndex,
			{
				pairedItem: members.map((member) => ({ item: member.itemIndex })),
				...(about.binary ? { binary: about.binary } : {}),
			},
		);
	}

	/**
	 * Statement steps: one e-mail per customer listing all their open invoices in this run, the CSV attached to
	 * the MIME message and as a binary (`statement`). A held customer's entries leave on Wait, saying why.
	 */
	async function statements(
		entries: Planned[],
		planOptions: PlanOptions,
		dry: boolean,
	): Promise<Set<Planned>> {
		const handled = new Set<Planned>();
		if (!entries.some((entry) => isStatementSend(entry.plan))) return handled;
		const readable = entries.filter((entry) => entry.plan && entry.invoice);
		const groups = planStatements(
			readable.map((entry) => ({
				invoice: entry.invoice!,
				plan: entry.plan!,
				index: entry.itemIndex,
			})),
			{
				asOf: planOptions.asOf,
				libraries: planOptions.libraries,
				locale: planOptions.locale,
				sender: planOptions.sender,
				cc: planOptions.cc,
				historyOf: (invoiceId) => histories.get(invoiceId) ?? [],
			},
		);
		for (const group of groups) {
			const members = group.entries.map(
				(member) =>
					readable.find((entry) => entry.itemIndex === member.index && entry.plan === member.plan)!,
			);
			if (group.held) {
				for (const member of members) member.plan = heldStatement(member.plan!, group.held);
				continue;
			}
			members.forEach((member) => handled.add(member));
			const csv = group.attachment!;
			await emitGroup(members, group.entries, group.message!, group.findings, dry, {
				what: 'the statement of account',
				reason: `statement of account (step "${group.stepId}"): ${group.listed.length} open invoice(s) of one customer`,
				cadence: {
					statement: {
						step: group.stepId,
						customer: group.customerKey,
						invoices: group.listed.map((invoice) => invoice.number),
						csvFileName: csv.filename,
					},
				},
				attachment: csv,
				binary: {
					statement: await ctx.helpers.prepareBinaryData(
						csv.content as Buffer,
						csv.filename,
						'text/csv',
					),
				},
			});
		}
		return handled;
	}

	async function consolidate(
		entries: Planned[],
		planOptions: PlanOptions,
		dry: boolean,
	): Promise<Set<Planned>> {
		const sends = entries.filter(
			(entry) =>
				entry.plan?.action === 'send' &&
				entry.plan.message?.channel === 'email' &&
				!entry.ai &&
				!entry.plan.approved,
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
				libraries: planOptions.libraries,
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
			await emitGroup(members, group.entries, group.message!, group.findings, dry, {
				what: 'the consolidated message',
				reason: `${members.length} invoices of one customer in one message`,
				cadence: { consolidated: true, tone: group.tone },
			});
		}
		return handled;
	}
}

/** What an item this node could not plan says on Escalate: `invalid`, the reason, and the fields at fault. */
function invalidCadence(error: Error, fallbackFix: string): IDataObject {
	const fieldErrors = (error as { fieldErrors?: Array<{ path: string; message: string }> })
		.fieldErrors;
	return {
		action: 'escalate',
		rule: 'invalid_input',
		invalid: true,
		reason: error.message,
		...(fieldErrors ? { errors: fieldErrors.map(({ path, message }) => ({ path, message })) } : {}),
		fix: (error as NodeOperationError).description || fallbackFix,
	};
}

interface LedgerInputRead {
	byInvoice: Map<string, LedgerEvent[]>;
	invalid: Array<{ index: number; errors: string[] }>;
	/** Nothing arrived on the Ledger input (not connected): every invoice plans as if nothing was ever sent. */
	missing: boolean;
}

/** The Ledger input (Data Table rows), read once per execution and grouped per invoice. */
function readLedger(ctx: IExecuteFunctions): LedgerInputRead {
	const read = readLedgerInput(ctx);
	return {
		byInvoice: groupLedgerByInvoice(read?.events ?? []),
		invalid: read?.invalid ?? [],
		missing: read === null,
	};
}

async function personaliseAll(
	ctx: IExecuteFunctions,
	planned: Planned[],
	options: IDataObject,
	planAt: string,
	executionId: string | undefined,
): Promise<void> {
	const targets = planned.filter(
		(entry) =>
			entry.plan?.action === 'send' &&
			entry.plan.message?.channel === 'email' &&
			// An approved message goes out as approved: never rewritten, never re-asked.
			!entry.plan.approved &&
			// A statement is a table of figures: it goes out in the approved wording only.
			entry.plan.step?.type !== 'statement',
	);
	if (targets.length === 0) return;
	const config: AiConfig = await readAiConfig(ctx, {
		...((options.aiTimeoutMs as number) ? { timeoutMs: options.aiTimeoutMs as number } : {}),
		maxRetries: 1,
	});
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
			entry.plan = asApprovalDraft(plan, result.message, invoice.id, planAt, executionId);
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

function itemJson(
	json: IDataObject,
	result: CadencePlan,
	at: string,
	dryRun: boolean,
	ai: IDataObject | undefined,
): IDataObject {
	// One copy of the plan and none of the item: object rest (`{ a, ...rest }`) is V8's slow copy, so it is kept
	// for the few plans and items that carry a key to drop.
	const cadence = ('ledger' in result ? withoutLedger(result) : { ...result }) as IDataObject;
	if (dryRun) cadence.dryRun = true;
	if (ai) cadence.ai = ai;
	return withAudit(
		'error' in json || 'ledgerRow' in json ? withoutStale(json) : json,
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

function withoutLedger(plan: CadencePlan): Omit<CadencePlan, 'ledger'> {
	const { ledger: _rows, ...rest } = plan;
	void _rows;
	return rest;
}

function withoutStale(json: IDataObject): IDataObject {
	const { error: _dropped, ledgerRow: _previous, ...rest } = json;
	void _dropped;
	void _previous;
	return rest;
}

/** What the output pane says about this run. */
function hintsOf(
	ctx: IExecuteFunctions,
	outputs: Outputs<OutputName>,
	planned: Planned[],
	mode: string,
	dryRun: boolean,
	ledgerRead: LedgerInputRead | undefined,
): string[] {
	const invalidRows = ledgerRead?.invalid ?? [];
	const hints: string[] = [];
	const count = (rule: string) => {
		let found = 0;
		for (const entry of planned) if (entry.plan?.rule === rule) found += 1;
		return found;
	};
	const blocked = count('guardrail');
	if (blocked > 0)
		hints.push(
			`${blocked} message(s) failed the guardrail lint and were escalated, not sent: see cadence.findings`,
		);
	const promised = count('promise_pending');
	if (promised > 0)
		hints.push(`${promised} invoice(s) were held because a promise to pay is pending`);
	const unknown = count('send_outcome_unknown');
	if (unknown > 0)
		hints.push(
			`${unknown} earlier send(s) were reserved but never recorded: escalated as "send outcome unknown" with the message`,
		);
	if (ledgerRead?.missing && planned.length > 0)
		hints.push(
			'Nothing arrived on the Ledger input: connect a Data Table node (row > get, Always Output Data on) that reads collections_ledger, or every invoice is planned as if nothing had been sent',
		);
	if (invalidRows.length > 0)
		hints.push(
			`${invalidRows.length} Ledger row(s) could not be read and were ignored: ${invalidRows
				.slice(0, 3)
				.map((row) => `row ${row.index + 1}: ${row.errors.join(', ')}`)
				.join('; ')}`,
		);
	const aiFailed = planned.filter((entry) => entry.ai && entry.ai.used === false).length;
	if (aiFailed > 0)
		hints.push(
			`${aiFailed} AI draft(s) failed; the approved template was used: see cadence.ai.error`,
		);
	if (dryRun) hints.push('Dry run: every item left on Wait and the ledger was not touched');
	if (mode === 'staticData' && !dryRun && ctx.getMode() === 'manual' && outputs.count('Send') > 0) {
		hints.push(
			'Manual run: n8n does not save static data here, so these reservations are forgotten. The ledger persists only in production (scheduled, webhook, CLI) executions; the Ledger input (Data Table) keeps manual runs too.',
		);
	}
	return hints;
}

/**
 * Each planned e-mail send carries its ready MIME message (`cadence.message.mimeBase64Url`), so no workflow builds
 * MIME by hand. A message the builder refuses (an address or message id that is not valid) is escalated, not sent.
 */
/**
 * The invoice document from the item's binary property (Attach Invoice From), as a MIME attachment; undefined when
 * the option is off or the item carries no such file (the reminder still links the invoice).
 */
function invoiceAttachment(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	options: IDataObject,
): ((itemIndex: number) => Promise<MimeAttachment | undefined>) | undefined {
	const property = typeof options.attachBinary === 'string' ? options.attachBinary.trim() : '';
	if (!property) return undefined;
	return async (itemIndex) => {
		const binary = items[itemIndex]?.binary?.[property];
		if (!binary) return undefined;
		const content = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
		return {
			filename: binary.fileName || `invoice.${binary.fileExtension || 'pdf'}`,
			content,
			contentType: binary.mimeType || 'application/pdf',
		};
	};
}

async function attachMime(
	planned: Planned[],
	sender: { name?: string; email?: string },
	attachmentOf?: (itemIndex: number) => Promise<MimeAttachment | undefined>,
): Promise<void> {
	for (const entry of planned) {
		const plan = entry.plan;
		const message = plan?.message;
		if (!plan || plan.action !== 'send' || !message || message.channel !== 'email') continue;
		try {
			const attachment = await attachmentOf?.(entry.itemIndex);
			const mimeBase64Url = await mimeForMessage(message, {
				from: sender.email && isEmailAddress(sender.email) ? sender.email : undefined,
				fromName: sender.name,
				...(attachment ? { attachments: [attachment] } : {}),
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
