import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import {
	CATCH_UP,
	CHANNELS,
	DEFAULT_LIBRARY,
	PRESETS,
	PRESET_NAMES,
	TONES,
	WEEKDAYS,
	consolidateSends,
	historyFromFields,
	ledgerHistory,
	lintStep,
	mapWithConcurrency,
	mergeLibrary,
	parseIdempotencyKey,
	parseLibrary,
	personaliseMessage,
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
} from '../../src';
import {
	asOfParameter,
	auditEntry,
	describeErrors,
	forEachItem,
	namedOutputs,
	Outputs,
	readInvoice,
	valueAt,
	withAudit,
} from '../shared/items';
import { STATIC_DATA_NOTICE, staticNamespace } from '../shared/staticData';
import { asOfOption, invoiceFieldOption, timezoneOption } from '../shared/options';

const NODE = 'Cadence Step';
const OUTPUTS = ['Send', 'Wait', 'Stop', 'Escalate'] as const;
type OutputName = (typeof OUTPUTS)[number];
const OUTPUT_OF = { send: 'Send', wait: 'Wait', stop: 'Stop', escalate: 'Escalate' } as const;

const planOutputs = JSON.stringify(namedOutputs(OUTPUTS));
const recordOutputs = JSON.stringify(namedOutputs(['Recorded']));

const label = (value: string) =>
	value.replace(/_/g, ' ').replace(/^./, (first) => first.toUpperCase());

/** Default rows of the custom-step list: the standard-5 preset, so "Custom" starts from something sensible. */
const defaultSteps = PRESETS['standard-5'].steps.map((step) => ({ ...step }));

const plan = { show: { operation: ['plan'] } };
const record = { show: { operation: ['record'] } };

const stepFields: INodeProperties[] = [
	{
		displayName: 'Step ID',
		name: 'id',
		type: 'string',
		default: 'step',
		description: 'Unique per policy; part of the idempotency key invoiceId:stepId',
	},
	{
		displayName: 'Offset Days',
		name: 'offsetDays',
		type: 'number',
		default: 0,
		description: 'Days relative to the due date (negative: before it)',
	},
	{
		displayName: 'Count',
		name: 'dayCount',
		type: 'options',
		options: [
			{ name: 'Calendar Days', value: 'calendar' },
			{ name: 'Business Days', value: 'business' },
		],
		default: 'calendar',
	},
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		options: CHANNELS.map((value) => ({ name: label(value), value })),
		default: 'email',
	},
	{
		displayName: 'Tone',
		name: 'tone',
		type: 'options',
		options: TONES.map((value) => ({ name: label(value), value })),
		default: 'neutral',
	},
	{
		displayName: 'Template Key',
		name: 'template',
		type: 'string',
		default: 'overdue-polite',
		description: `Key in the message library: ${Object.keys(DEFAULT_LIBRARY).join(', ')}, or one of your own`,
	},
	{
		displayName: 'Requires Approval',
		name: 'requiresApproval',
		type: 'boolean',
		default: false,
		description:
			'Whether the rendered message goes to Escalate for a person to approve instead of Send',
	},
];

export class CadenceStep implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cadence Step',
		name: 'cadenceStep',
		icon: { light: 'file:cadenceStep.svg', dark: 'file:cadenceStep.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ $parameter["operation"] === "record" ? "Record send" : "Plan: " + $parameter["policy"] }}',
		description:
			'Decide which approved reminder is due now, render it safely, and record what was sent so no step goes out twice',
		defaults: { name: 'Cadence Step' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{ $parameter.operation === "record" ? ${recordOutputs} : ${planOutputs} }}`,
		credentials: [
			{
				name: 'openAiCompatibleApi',
				required: true,
				displayOptions: { show: { operation: ['plan'], personalise: [true] } },
			},
		],
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Plan',
						value: 'plan',
						action: 'Plan the next reminder',
						description:
							'Decide the step due now, render the approved message and reserve it in the ledger',
					},
					{
						name: 'Record',
						value: 'record',
						action: 'Record a send',
						description: 'After the send node: confirm the reserved step as sent or failed',
					},
				],
				default: 'plan',
			},
			{
				displayName:
					STATIC_DATA_NOTICE +
					' Plan reserves each step it emits; put a Record operation after your send node to confirm sent or failed.',
				name: 'ledgerNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Policy',
				name: 'policy',
				type: 'options',
				noDataExpression: true,
				displayOptions: plan,
				options: [
					{
						name: 'By Customer Tier',
						value: 'by-tier',
						description:
							'Strategic → strategic, standard → standard-5, transactional → transactional, friction → policy-4',
					},
					...PRESET_NAMES.map((name) => ({
						name: `Preset: ${name}`,
						value: name,
						description: PRESETS[name].steps
							.map((step) => `${step.offsetDays >= 0 ? '+' : ''}${step.offsetDays} ${step.channel}`)
							.join(', '),
					})),
					{ name: 'Custom Steps', value: 'custom' },
					{ name: 'Custom JSON Policy', value: 'json' },
				],
				default: 'by-tier',
			},
			{
				displayName: 'Steps',
				name: 'steps',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true, sortable: true },
				displayOptions: { show: { operation: ['plan'], policy: ['custom'] } },
				placeholder: 'Add Step',
				default: { step: defaultSteps },
				options: [{ displayName: 'Step', name: 'step', values: stepFields }],
			},
			{
				displayName: 'Policy JSON',
				name: 'policyJson',
				type: 'json',
				displayOptions: { show: { operation: ['plan'], policy: ['json'] } },
				default: JSON.stringify(PRESETS['standard-5'], null, 2),
				description:
					'A full policy: steps, spacingHours, sendWindow { days, from, to, timezone }, holidays, catchUp, maxTouches, maxFailedSends, stopOn',
			},
			{
				displayName: 'History From',
				name: 'ledger',
				type: 'options',
				noDataExpression: true,
				displayOptions: plan,
				options: [
					{
						name: 'Workflow Static Data (Ledger)',
						value: 'staticData',
						description: 'Reserve and record steps in the workflow; production executions only',
					},
					{
						name: 'Input Fields',
						value: 'fields',
						description:
							'Read the last step and last touch from columns of a sheet or CRM (you update them yourself)',
					},
				],
				default: 'staticData',
			},
			{
				displayName: 'Last Step ID',
				name: 'lastStepId',
				type: 'string',
				default: '={{ $json.lastStepId }}',
				displayOptions: { show: { operation: ['plan'], ledger: ['fields'] } },
			},
			{
				displayName: 'Last Touch At',
				name: 'lastTouchAt',
				type: 'string',
				default: '={{ $json.lastTouchAt }}',
				displayOptions: { show: { operation: ['plan'], ledger: ['fields'] } },
			},
			{
				displayName: 'AI Personalisation',
				name: 'personalise',
				type: 'boolean',
				default: false,
				displayOptions: plan,
				description:
					'Whether a model rewrites each approved e-mail for the client. Drafts are linted and always go to Escalate for approval; on any failure the approved template is sent.',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				displayOptions: record,
				options: [
					{ name: 'Auto (Failed When the Item Has an Error)', value: 'auto' },
					{ name: 'Sent', value: 'sent' },
					{ name: 'Failed', value: 'failed' },
				],
				default: 'auto',
			},
			{
				displayName: 'Idempotency Key',
				name: 'idempotencyKey',
				type: 'string',
				displayOptions: record,
				default: '',
				placeholder: "{{ $('Cadence Step').item.json.cadence.idempotencyKey }}",
				description:
					"Empty: the item's cadence.idempotencyKey. After a send node, whose output replaces the item, point at the Plan node's item.",
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				displayOptions: plan,
				options: [
					{
						displayName: 'AI Context',
						name: 'aiContext',
						type: 'string',
						typeOptions: { rows: 3 },
						default: '',
						description:
							'What the model may know about your relationship with clients (shared with the model)',
					},
					{
						displayName: 'AI Timeout (Ms)',
						name: 'aiTimeoutMs',
						type: 'number',
						typeOptions: { minValue: 1000 },
						default: 20000,
						description: 'Per request; on timeout the approved template is used',
					},
					asOfOption('The moment to plan at. Empty: now.'),
					{
						displayName: 'Catch-Up',
						name: 'catchUp',
						type: 'options',
						options: CATCH_UP.map((value) => ({ name: label(value), value })),
						default: 'latest_only',
						description:
							'When several steps are due: send only the latest (skipping the rest), or one per run in order',
					},
					{
						displayName: 'CC',
						name: 'cc',
						type: 'string',
						default: '',
						description: 'Comma-separated addresses copied on every e-mail',
					},
					{
						displayName: 'Consolidate per Customer',
						name: 'consolidate',
						type: 'boolean',
						default: false,
						description:
							'Whether to send one e-mail per customer listing all their due invoices, in the tone of the most severe step',
					},
					{
						displayName: 'Default Locale',
						name: 'locale',
						type: 'string',
						default: 'en-US',
						description: 'For money and dates when the customer has no locale',
					},
					timezoneOption(
						'Default Time Zone',
						'Europe/Berlin',
						"Customer zone when the invoice has none. Empty: the workflow's time zone.",
					),
					{
						displayName: 'Dry Run',
						name: 'dryRun',
						type: 'boolean',
						default: false,
						description:
							'Whether to plan and render without touching the ledger. Every item leaves on Wait with cadence.dryRun, so nothing downstream of Send fires.',
					},
					{
						displayName: 'Escalate After Broken Promises',
						name: 'escalateAfterBrokenPromises',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 2,
					},
					{
						displayName: 'Forget Untouched Invoices After (Days)',
						name: 'forgetAfterDays',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 365,
						description:
							'Ledger entries of invoices not planned for this long are dropped. 0: keep forever. Paid and void invoices are always pruned.',
					},
					{
						displayName: 'Hold on Untriaged Replies',
						name: 'holdOnReplies',
						type: 'boolean',
						default: true,
						description:
							'Whether an invoice whose lastReplyAt is newer than the last touch waits until the reply is triaged (a triage field on the item, from Reply Triage, releases it)',
					},
					{
						displayName: 'Holidays',
						name: 'holidays',
						type: 'string',
						default: '',
						placeholder: '2026-12-25, 2026-12-26',
						description: 'Comma-separated dates with no sends (not business days)',
					},
					invoiceFieldOption('Where the normalised invoice is on the item'),
					{
						displayName: 'Max Failed Sends',
						name: 'maxFailedSends',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 3,
						description: 'Failures of one step before it escalates instead of retrying',
					},
					{
						displayName: 'Max Touches',
						name: 'maxTouches',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 8,
					},
					{
						displayName: 'Message Library (JSON)',
						name: 'library',
						type: 'json',
						default: '',
						description:
							'Overrides as JSON: { "&lt;template key&gt;": { "email": { "subject", "text", "html" }, "sms": { "text" } } }',
					},
					{
						displayName: 'Message Overrides',
						name: 'overrides',
						type: 'fixedCollection',
						typeOptions: { multipleValues: true, sortable: true },
						placeholder: 'Add Override',
						default: {},
						options: [
							{
								displayName: 'Override',
								name: 'override',
								values: [
									{
										displayName: 'Channel',
										name: 'channel',
										type: 'options',
										default: '',
									},
									{
										displayName: 'HTML',
										name: 'html',
										type: 'string',
										default: '',
										description: 'Optional;	empty:	the text as simple HTML',
									},
									{
										displayName: 'Subject',
										name: 'subject',
										type: 'string',
										default: '',
									},
									{
										displayName: 'Template Key',
										name: 'template',
										type: 'string',
										default: 'overdue-polite',
									},
									{
										displayName: 'Text',
										name: 'text',
										type: 'string',
										default: '',
										description:
											'Handlebars:	{{invoice.number}},	{{invoice.amountDue}},	{{invoice.dueDate}},	{{invoice.paymentUrl}},	{{contact.greetingName}},	{{customer.name}},	{{sender.name}}',
									},
								],
							},
						],
					},
					{
						displayName: 'Pilot Cohort',
						name: 'pilot',
						type: 'options',
						options: [
							{ name: 'Off', value: 'off' },
							{ name: 'First N Invoices', value: 'firstN' },
							{ name: 'Invoices Matching a Filter', value: 'filter' },
						],
						default: 'off',
						description: 'Only a cohort is planned; the rest leave on Wait with reason "pilot"',
					},
					{
						displayName: 'Pilot Filter',
						name: 'pilotFilter',
						type: 'boolean',
						default: true,
						description:
							"Whether the item belongs to the pilot cohort; use an expression on the invoice's tier, customer or amount",
					},
					{
						displayName: 'Pilot Size',
						name: 'pilotSize',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 10,
					},
					{
						displayName: 'Promise Grace Days',
						name: 'promiseGraceDays',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 1,
					},
					{
						displayName: 'Send Days',
						name: 'sendDays',
						type: 'multiOptions',
						options: WEEKDAYS.map((value) => ({ name: label(value), value })),
						default: ['mon', 'tue', 'wed', 'thu', 'fri'],
					},
					{
						displayName: 'Send From',
						name: 'sendFrom',
						type: 'string',
						default: '09:00',
						description: 'Local time in the customer zone (24-hour)',
					},
					{ displayName: 'Send To', name: 'sendTo', type: 'string', default: '17:00' },
					{ displayName: 'Sender Company', name: 'senderCompany', type: 'string', default: '' },
					{
						displayName: 'Sender Email',
						name: 'senderEmail',
						type: 'string',
						placeholder: 'name@email.com',
						default: '',
					},
					{
						displayName: 'Sender Name',
						name: 'senderName',
						type: 'string',
						default: 'Accounts Receivable',
					},
					{
						displayName: 'Spacing (Hours)',
						name: 'spacingHours',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 48,
						description: 'Minimum hours between two touches of the same invoice',
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as 'plan' | 'record';
		return operation === 'record' ? recordOperation(this) : planOperation(this);
	}
}

interface Planned {
	itemIndex: number;
	json: IDataObject;
	invoice?: Invoice;
	plan?: CadencePlan;
	ai?: IDataObject;
}

async function planOperation(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
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
				planned.push({ itemIndex, json: item.json, invoice, plan: pilotPlan(invoice) });
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

	if (ledger && !dryRun) {
		pruneLedger(ledger, closed);
		const forget = (options.forgetAfterDays as number | undefined) ?? 365;
		if (forget > 0) pruneStale(ledger, planAt, forget);
	}

	const notReserved = new Set<Planned>();
	const consolidated =
		options.consolidate === true ? consolidate(planned, base, dryRun) : new Set<Planned>();
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

	function consolidate(entries: Planned[], planOptions: PlanOptions, dry: boolean): Set<Planned> {
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
			const blocked = group.findings.length > 0;
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

async function recordOperation(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
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

function pilotPlan(invoice: Invoice): CadencePlan {
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
