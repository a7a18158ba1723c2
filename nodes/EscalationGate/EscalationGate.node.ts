import {
	NodeConnectionTypes,
	NodeOperationError,
	type INode,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import {
	compileEscalationRules,
	CUSTOMER_TIERS,
	DEFAULT_ESCALATION_HIGH_VALUE,
	describeEscalationRulesError,
	ESCALATION_REASONS,
	EscalationCadenceSchema,
	escalationReplyFromItem,
	EscalationTriageSchema,
	evaluateEscalation,
	pruneEscalationLedger,
	type EscalationContext,
	type EscalationInput,
	type EscalationLedger,
	type EscalationPriority,
	type EscalationReasonCode,
	type EscalationResult,
	type EscalationRulesInput,
} from '../../src';
import {
	asOfParameter,
	auditEntry,
	forEachItem,
	namedOutputs,
	Outputs,
	readInvoice,
	valueAt,
	withAudit,
} from '../shared/items';
import { STATIC_DATA_NOTICE, staticNamespace } from '../shared/staticData';
import { asOfOption, invoiceFieldOption } from '../shared/options';

const NODE = 'Escalation Gate';
const OUTPUTS = ['Escalate', 'Continue'] as const;
type OutputName = (typeof OUTPUTS)[number];

const PRIORITY_OPTIONS = [
	{ name: 'P1 (Urgent)', value: 'P1' },
	{ name: 'P2 (High)', value: 'P2' },
	{ name: 'P3 (Normal)', value: 'P3' },
];
const TIER_OPTIONS = CUSTOMER_TIERS.map((tier) => ({
	name: tier.charAt(0).toUpperCase() + tier.slice(1),
	value: tier,
}));
const RULE_NAMES: Record<EscalationReasonCode, string> = {
	legal_threat: 'Legal Threat',
	high_value: 'High Value',
	dispute: 'Dispute (Flag or Reply)',
	complaint: 'Complaint or Angry Reply',
	refund_request: 'Refund Request',
	failed_payment: 'Failed Payment or Payment Link',
	broken_promises: 'Broken Promises',
	guardrail: 'Guardrail Finding',
	csuite_contact: 'C-Suite Contact',
	strategic_final_notice: 'Strategic Account Before Final Notice',
	payment_plan: 'Payment Plan or Custom Terms',
	wrong_contact: 'Wrong Contact or Bounce',
	days_past_due: 'Days Past Due Handoff',
	upstream_request: 'Upstream Request',
};
const RULE_DESCRIPTIONS: Record<EscalationReasonCode, string> = {
	legal_threat: 'A reply mentions legal action',
	high_value: 'The amount due is at or above the threshold for its currency',
	dispute: 'The invoice is flagged disputed, or a reply disputes it',
	complaint: 'A reply complains or is angry',
	refund_request: 'A reply asks for a refund',
	failed_payment: 'Failed payment attempts, or a reply about a broken payment link',
	broken_promises: 'Promises to pay broken (history plus the current one)',
	guardrail: 'Cadence Step refused a message at the guardrail check',
	csuite_contact: 'The contact is an executive who is not the billing contact',
	strategic_final_notice: 'A strategic account is about to get the final notice',
	payment_plan: 'A reply asks for installments, an extension or custom terms',
	wrong_contact: 'A wrong-contact reply, a bounce, or no contact email',
	days_past_due: 'The invoice is past the handoff age',
	upstream_request: 'Reply Triage or Cadence Step asked for a person for another reason',
};
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map(
	(name, index) => ({ name, value: index + 1 }),
);

/** The rule list as the form shows it: every rule on, with its default priority and threshold (same values as src). */
const RULE_ROWS: Array<{
	rule: EscalationReasonCode;
	enabled: boolean;
	priority: EscalationPriority;
	threshold: number;
}> = [
	{ rule: 'legal_threat', enabled: true, priority: 'P1', threshold: 0 },
	{ rule: 'high_value', enabled: true, priority: 'P1', threshold: 0 },
	{ rule: 'dispute', enabled: true, priority: 'P2', threshold: 0 },
	{ rule: 'complaint', enabled: true, priority: 'P2', threshold: 0 },
	{ rule: 'refund_request', enabled: true, priority: 'P2', threshold: 0 },
	{ rule: 'failed_payment', enabled: true, priority: 'P2', threshold: 1 },
	{ rule: 'broken_promises', enabled: true, priority: 'P2', threshold: 2 },
	{ rule: 'guardrail', enabled: true, priority: 'P2', threshold: 0 },
	{ rule: 'csuite_contact', enabled: true, priority: 'P2', threshold: 0 },
	{ rule: 'strategic_final_notice', enabled: true, priority: 'P2', threshold: 0 },
	{ rule: 'payment_plan', enabled: true, priority: 'P3', threshold: 0 },
	{ rule: 'wrong_contact', enabled: true, priority: 'P3', threshold: 0 },
	{ rule: 'days_past_due', enabled: true, priority: 'P3', threshold: 30 },
	{ rule: 'upstream_request', enabled: true, priority: 'P3', threshold: 0 },
];

/** Reason code → key in the src rules object. */
const RULE_KEY: Record<EscalationReasonCode, keyof EscalationRulesInput> = {
	legal_threat: 'legalThreat',
	high_value: 'highValue',
	dispute: 'dispute',
	complaint: 'complaint',
	refund_request: 'refundRequest',
	failed_payment: 'failedPayment',
	broken_promises: 'brokenPromises',
	guardrail: 'guardrail',
	csuite_contact: 'csuiteContact',
	strategic_final_notice: 'strategicFinalNotice',
	payment_plan: 'paymentPlan',
	wrong_contact: 'wrongContact',
	days_past_due: 'daysPastDue',
	upstream_request: 'upstreamRequest',
};

/** Where a row's threshold goes, for the rules that have one. */
const THRESHOLD_KEY: Partial<Record<EscalationReasonCode, string>> = {
	failed_payment: 'minAttempts',
	broken_promises: 'count',
	days_past_due: 'days',
};

export class EscalationGate implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Escalation Gate',
		name: 'escalationGate',
		icon: { light: 'file:escalationGate.svg', dark: 'file:escalationGate.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ "Escalate / Continue" + ($parameter["options"]["redactContact"] ? " · redacted" : "") }}',
		description:
			'Hand disputes, legal threats, high balances and other judgement calls to a person, with owner, priority, SLA and a context packet',
		defaults: { name: 'Escalation Gate' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: namedOutputs(OUTPUTS),
		outputNames: [...OUTPUTS],
		properties: [
			{
				displayName:
					'Reads invoice, paymentState, triage and cadence from each item. Escalated items get an escalation packet (Slack blocks, HTML, text) and invoice.flags.automationPaused, so Cadence Step holds them.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Rules',
				name: 'rules',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true, sortable: true },
				placeholder: 'Add Rule',
				default: { rules: RULE_ROWS.map((row) => ({ ...row })) },
				description:
					'Which situations go to a person, with the priority each gives. A rule that is switched off or removed from the list never escalates.',
				options: [
					{
						displayName: 'Rule',
						name: 'rules',
						values: [
							{
								displayName: 'Enabled',
								name: 'enabled',
								type: 'boolean',
								default: true,
								description: 'Whether this rule escalates',
							},
							{
								displayName: 'Priority',
								name: 'priority',
								type: 'options',
								options: PRIORITY_OPTIONS,
								default: 'P2',
							},
							{
								displayName: 'Rule',
								name: 'rule',
								type: 'options',
								options: ESCALATION_REASONS.map((code) => ({
									name: RULE_NAMES[code],
									value: code,
									description: RULE_DESCRIPTIONS[code],
								})),
								default: 'dispute',
							},
							{
								displayName: 'Threshold',
								name: 'threshold',
								type: 'number',
								typeOptions: { minValue: 0 },
								default: 0,
								description:
									'Days Past Due: days (30). Broken Promises: count (2). Failed Payment: attempts (1). Other rules have no threshold (high value uses the High-Value Thresholds table).',
							},
						],
					},
				],
			},
			{
				displayName: 'High-Value Thresholds',
				name: 'highValueThresholds',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true, sortable: true },
				placeholder: 'Add Threshold',
				default: {
					thresholds: Object.entries(DEFAULT_ESCALATION_HIGH_VALUE).map(([currency, amount]) => ({
						currency,
						amount,
					})),
				},
				description:
					'Amount due (major units) from which an invoice in that currency is high value. Compared exactly in minor units.',
				options: [
					{
						displayName: 'Threshold',
						name: 'thresholds',
						values: [
							{ displayName: 'Currency', name: 'currency', type: 'string', default: 'USD' },
							{
								displayName: 'Amount',
								name: 'amount',
								type: 'number',
								typeOptions: { minValue: 0 },
								default: 10000,
							},
						],
					},
				],
			},
			{
				displayName: 'Routing Table',
				name: 'routing',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true, sortable: true },
				placeholder: 'Add Route',
				default: {},
				description:
					'Who owns an escalation when the invoice has no owner. The first route that matches wins; empty conditions match everything.',
				options: [
					{
						displayName: 'Route',
						name: 'routes',
						values: [
							{
								displayName: 'Amount Below',
								name: 'maxAmount',
								type: 'number',
								typeOptions: { minValue: 0 },
								default: 0,
								description: 'Amount due below (exclusive), major units. 0: no upper bound.',
							},
							{
								displayName: 'Amount From',
								name: 'minAmount',
								type: 'number',
								typeOptions: { minValue: 0 },
								default: 0,
								description: 'Amount due from (inclusive), major units',
							},
							{
								displayName: 'Currency',
								name: 'currency',
								type: 'string',
								default: '',
								placeholder: 'USD',
								description: 'Currency the amount range is written in. Empty: any currency.',
							},
							{
								displayName: 'Owner Email',
								name: 'ownerEmail',
								type: 'string',
								placeholder: 'name@email.com',
								default: '',
							},
							{ displayName: 'Owner Name', name: 'ownerName', type: 'string', default: '' },
							{
								displayName: 'Owner Slack ID',
								name: 'ownerSlackId',
								type: 'string',
								default: '',
								placeholder: 'U012AB3CD',
							},
							{
								displayName: 'Region',
								name: 'region',
								type: 'string',
								default: '',
								placeholder: 'EMEA',
								description: 'Customer region (case-insensitive). Empty: any.',
							},
							{
								displayName: 'Tier',
								name: 'tier',
								type: 'options',
								options: [{ name: 'Any', value: 'any' }, ...TIER_OPTIONS],
								default: 'any',
							},
						],
					},
				],
			},
			{
				displayName: 'Fallback Owner',
				name: 'fallbackOwner',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				description: 'Owner when neither the invoice nor a route names one',
				options: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{
						displayName: 'Email',
						name: 'email',
						type: 'string',
						placeholder: 'name@email.com',
						default: '',
					},
					{
						displayName: 'Slack ID',
						name: 'slackId',
						type: 'string',
						default: '',
						placeholder: 'U012AB3CD',
					},
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					asOfOption('The moment of the evaluation (SLA and de-duplication). Empty: now.'),
					{
						displayName: 'Bounce Counts as Wrong Contact',
						name: 'includeBounce',
						type: 'boolean',
						default: true,
						description: 'Whether a bounced reminder escalates under the Wrong Contact rule',
					},
					{
						displayName: 'Business Day Ends',
						name: 'businessEnd',
						type: 'string',
						default: '17:00',
						placeholder: '17:00',
					},
					{
						displayName: 'Business Day Starts',
						name: 'businessStart',
						type: 'string',
						default: '09:00',
						placeholder: '09:00',
					},
					{
						displayName: 'De-Duplicate',
						name: 'dedup',
						type: 'boolean',
						default: true,
						description:
							"Whether the same invoice with the same reason is kept from escalating again within the window. The record lives in the workflow's static data, which n8n saves for production runs only (not manual test runs).",
					},
					{
						displayName: 'De-Duplication Window (Days)',
						name: 'dedupDays',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 7,
					},
					{
						displayName: 'Detect Payment Link Problems in Replies',
						name: 'detectLinkProblems',
						type: 'boolean',
						default: true,
						description:
							'Whether "the link does not work" or "card declined" in a reply escalates under the Failed Payment rule',
					},
					{
						displayName: 'Final Notice Step Pattern',
						name: 'finalStepPattern',
						type: 'string',
						default: 'final',
						description:
							"Matched (case-insensitive) against the planned step's ID, template and tone to recognise the final notice",
					},
					{
						displayName: 'High-Value Threshold for Other Currencies',
						name: 'otherCurrencies',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 0,
						description:
							'Major units, for currencies missing from the High-Value Thresholds table. 0: those currencies never count as high value.',
					},
					{
						displayName: 'Holidays',
						name: 'holidays',
						type: 'string',
						default: '',
						placeholder: '2026-12-25, 2026-12-26',
						description: 'Dates (YYYY-MM-DD, comma-separated) that do not count as business days',
					},
					{
						displayName: "Honour Payment State Check's High-Value Signal",
						name: 'trustHighValueSignal',
						type: 'boolean',
						default: true,
						description: "Whether Payment State Check's own high_value signal also escalates",
					},
					invoiceFieldOption('Where the normalised invoice is on each item (dot path)'),
					{
						displayName: 'Invoice Link Template',
						name: 'invoiceUrlTemplate',
						type: 'string',
						default: '',
						placeholder: 'https://books.example.com/invoices/{ID}',
						description:
							'Link to the invoice in your accounting system; {ID} and {number} are replaced by the invoice ID and number',
					},
					{
						displayName: 'Mark Invoice Automation Paused',
						name: 'pauseAutomation',
						type: 'boolean',
						default: true,
						description:
							'Whether escalated invoices get flags.automationPaused = true so Cadence Step and Payment State Check hold them',
					},
					{
						displayName: 'Missing Contact Email Counts as Wrong Contact',
						name: 'includeMissingContact',
						type: 'boolean',
						default: true,
						description:
							'Whether an open invoice with no contact email escalates under the Wrong Contact rule',
					},
					{
						displayName: 'Packet Formats',
						name: 'formats',
						type: 'multiOptions',
						options: [
							{ name: 'Email HTML', value: 'html' },
							{ name: 'Plain Text', value: 'text' },
							{ name: 'Slack Approval Message (Send and Wait)', value: 'slackApproval' },
							{ name: 'Slack Blocks', value: 'slack' },
						],
						default: ['slack', 'slackApproval', 'html', 'text'],
						description:
							'Which renders each escalated item carries in escalation.packet. Fewer formats, smaller items.',
					},
					{
						displayName: 'Packet Title',
						name: 'title',
						type: 'string',
						default: 'Collections escalation',
					},
					{
						displayName: 'Redact Contact in Slack Packet',
						name: 'redactContact',
						type: 'boolean',
						default: false,
						description:
							"Whether to mask the contact's email and phone (and any email address and the payment link) in the Slack packet",
					},
					{
						displayName: 'Review Final Notice for Tiers',
						name: 'strategicTiers',
						type: 'multiOptions',
						options: TIER_OPTIONS,
						default: ['strategic'],
						description: 'Customer tiers whose final notice the account owner reviews first',
					},
					{
						displayName: 'SLA Hours P1',
						name: 'slaP1',
						type: 'number',
						typeOptions: { minValue: 0.25 },
						default: 4,
						description: 'Business hours to first response for P1',
					},
					{
						displayName: 'SLA Hours P2',
						name: 'slaP2',
						type: 'number',
						typeOptions: { minValue: 0.25 },
						default: 8,
					},
					{
						displayName: 'SLA Hours P3',
						name: 'slaP3',
						type: 'number',
						typeOptions: { minValue: 0.25 },
						default: 24,
					},
					{
						displayName: 'SLA Time Zone',
						name: 'slaTimezone',
						type: 'string',
						default: '',
						placeholder: 'Europe/Berlin',
						description: "Zone of the team's business hours. Empty: the workflow's time zone.",
					},
					{
						displayName: 'Workdays',
						name: 'workdays',
						type: 'multiOptions',
						options: WEEKDAYS,
						default: [1, 2, 3, 4, 5],
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const rulesInput = rulesFromParameters(this, options);
		const problem = describeEscalationRulesError(rulesInput);
		if (problem) {
			throw new NodeOperationError(
				this.getNode(),
				`The escalation rules are not valid: ${problem}`,
				{
					description:
						'Fix the named parameter (times as HH:MM, holidays as YYYY-MM-DD, amounts above 0)',
				},
			);
		}
		const rules = compileEscalationRules(rulesInput);
		const invoiceField = ((options.invoiceField as string) || 'invoice').trim();
		const pauseAutomation = options.pauseAutomation !== false;
		const asOf = asOfParameter(options.asOf);
		const at = new Date().toISOString();

		// The ledger is read out of static data once, worked on as a plain object, and written back once:
		// static data is an observed proxy, too slow to touch per item.
		const dedup = rules.rules.dedup.enabled;
		const store = staticNamespace(this, 'escalation');
		const ledger = dedup ? plainLedger(store.ledger) : {};
		const context: EscalationContext = {
			asOf: asOf instanceof Date ? asOf.getTime() : asOf,
			ledger: dedup ? ledger : undefined,
		};
		const asOfMillis =
			typeof context.asOf === 'number' ? context.asOf : Date.parse(String(context.asOf));
		const pruned = dedup
			? pruneEscalationLedger(ledger, asOfMillis, Math.max(rules.rules.dedup.withinDays, 1))
			: 0;

		const outputs = new Outputs<OutputName>(OUTPUTS);
		const node = this.getNode(); // n8n deep-copies the node on every getNode(): once per execution.
		let duplicates = 0;
		forEachItem(
			this,
			items,
			(item, itemIndex) => {
				const input = readInput(node, item.json, invoiceField, itemIndex);
				const result = evaluateEscalation(input, rules, context);
				if (result.escalate) {
					let json = withAudit(
						item.json,
						auditEntry(NODE, result.reasons[0], 'escalate', auditReason(result), at),
						{
							escalation: result as unknown as IDataObject,
						},
					);
					if (pauseAutomation && input.invoice) json = withPausedInvoice(json, invoiceField);
					outputs.push('Escalate', json, itemIndex);
					return;
				}
				if (result.alreadyEscalated) duplicates += 1;
				const rule = result.alreadyEscalated ? 'already_escalated' : 'no_reason';
				let json = withAudit(
					item.json,
					auditEntry(NODE, rule, 'continue', auditReason(result), at),
					{
						escalation: continueSummary(result),
					},
				);
				// Already with a person: Cadence Step must hold it too, or its own steps would re-escalate it.
				if (result.alreadyEscalated && pauseAutomation && input.invoice)
					json = withPausedInvoice(json, invoiceField);
				outputs.push('Continue', json, itemIndex);
			},
			(error, item, itemIndex) => {
				outputs.push(
					'Continue',
					{
						...item.json,
						error: error.message,
						escalation: { escalate: false, error: error.message },
					},
					itemIndex,
				);
			},
			`Put Payment State Check (for invoices) or Reply Triage (for replies) before this node, or set "Invoice Field" to where the invoice is`,
		);

		if (dedup && (pruned > 0 || outputs.count('Escalate') > 0))
			store.ledger = ledger as unknown as IDataObject;

		const hints: Array<{ message: string; location: 'outputPane' }> = [];
		const escalated = outputs.count('Escalate');
		if (escalated > 0)
			hints.push({
				message: `${escalated} item(s) escalated: send escalation.packet.slack with a Slack node (Message Type: Blocks) or escalation.packet.html by email`,
				location: 'outputPane',
			});
		if (duplicates > 0)
			hints.push({
				message: `${duplicates} item(s) were already escalated for the same reason within ${rules.rules.dedup.withinDays} day(s) and went to Continue (escalation.alreadyEscalated)`,
				location: 'outputPane',
			});
		if (rules.rules.dedup.enabled && this.getMode() === 'manual')
			hints.push({ message: STATIC_DATA_NOTICE, location: 'outputPane' });
		const ruleBook = rules.rules as unknown as Record<string, { enabled: boolean }>;
		if (ESCALATION_REASONS.every((code) => !ruleBook[RULE_KEY[code]].enabled)) {
			hints.push({
				message:
					'Every escalation rule is off or removed from the Rules list: nothing can escalate',
				location: 'outputPane',
			});
		}
		if (hints.length > 0) this.addExecutionHints(...hints);
		return outputs.result();
	}
}

/** A plain copy of the ledger kept in static data (empty when there is none or it is not an object). */
function plainLedger(stored: unknown): EscalationLedger {
	if (!stored || typeof stored !== 'object') return {};
	return JSON.parse(JSON.stringify(stored)) as EscalationLedger;
}

/** The four upstream keys of one item, validated leniently; a present but broken invoice is an item error. */
function readInput(
	node: INode,
	json: IDataObject,
	invoiceField: string,
	itemIndex: number,
): EscalationInput {
	const fail = (message: string) =>
		new NodeOperationError(node, message, {
			itemIndex,
			description:
				'Put Payment State Check (for invoices) or Reply Triage (for replies) before this node, or set "Invoice Field" to where the invoice is',
		});
	const input: EscalationInput = {};
	const rawInvoice = valueAt(json, invoiceField);
	if (rawInvoice !== undefined && rawInvoice !== null) {
		const read = readInvoice(json, invoiceField);
		if (!read.ok) throw fail(read.errors.map((error) => error.message).join('; '));
		input.invoice = read.invoice;
	}
	if (json.paymentState && typeof json.paymentState === 'object')
		input.paymentState = json.paymentState as EscalationInput['paymentState'];
	if (json.triage && typeof json.triage === 'object') {
		const triage = EscalationTriageSchema.safeParse(json.triage);
		if (!triage.success)
			throw fail(
				`triage: ${triage.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`,
			);
		input.triage = triage.data;
		input.reply = escalationReplyFromItem(json);
	}
	if (json.cadence && typeof json.cadence === 'object') {
		const cadence = EscalationCadenceSchema.safeParse(json.cadence);
		if (!cadence.success)
			throw fail(
				`cadence: ${cadence.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`,
			);
		input.cadence = cadence.data;
	}
	if (!input.invoice && !input.triage && !input.cadence && !input.paymentState) {
		throw fail(
			`no invoice at "${invoiceField}" and no triage, cadence or paymentState on the item`,
		);
	}
	return input;
}

function auditReason(result: EscalationResult): string {
	if (result.details.length === 0) return 'no escalation rule applies';
	const text = result.details.map((detail) => `${detail.priority} ${detail.message}`).join(' ');
	return result.alreadyEscalated ? `already escalated within the window: ${text}` : text;
}

function continueSummary(result: EscalationResult): IDataObject {
	return {
		escalate: false,
		alreadyEscalated: result.alreadyEscalated,
		reasons: result.reasons,
		repeatedReasons: result.repeatedReasons,
		priority: result.priority,
		key: result.key,
		evaluatedAt: result.evaluatedAt,
	};
}

/** A copy of the item with `flags.automationPaused = true` on the invoice at `path`; nothing else changes. */
function withPausedInvoice(json: IDataObject, path: string): IDataObject {
	const keys = path.split('.');
	const copy = (node: IDataObject, depth: number): IDataObject => {
		const key = keys[depth];
		const child = (node[key] as IDataObject) ?? {};
		if (depth < keys.length - 1) return { ...node, [key]: copy(child, depth + 1) };
		return {
			...node,
			[key]: {
				...child,
				flags: { ...((child.flags as IDataObject) ?? {}), automationPaused: true },
			},
		};
	};
	return copy(json, 0);
}

function rulesFromParameters(ctx: IExecuteFunctions, options: IDataObject): EscalationRulesInput {
	const rows = ((ctx.getNodeParameter('rules', 0, {}) as IDataObject).rules ?? []) as Array<{
		rule: EscalationReasonCode;
		enabled?: boolean;
		priority?: EscalationPriority;
		threshold?: number;
	}>;
	const input: Record<string, IDataObject> = {};
	// A rule missing from the list is off; a listed rule takes its row's switch, priority and threshold.
	for (const code of ESCALATION_REASONS) input[RULE_KEY[code]] = { enabled: false };
	for (const row of rows) {
		if (!RULE_KEY[row.rule]) continue;
		const entry: IDataObject = { enabled: row.enabled !== false };
		if (row.priority) entry.priority = row.priority;
		const thresholdKey = THRESHOLD_KEY[row.rule];
		if (thresholdKey && typeof row.threshold === 'number' && row.threshold > 0)
			entry[thresholdKey] = row.threshold;
		input[RULE_KEY[row.rule]] = entry;
	}
	Object.assign(input.wrongContact, {
		includeBounce: options.includeBounce !== false,
		includeMissingContact: options.includeMissingContact !== false,
	});
	Object.assign(input.failedPayment, { detectLinkProblems: options.detectLinkProblems !== false });
	Object.assign(input.strategicFinalNotice, {
		tiers: (options.strategicTiers as string[] | undefined) ?? ['strategic'],
		finalStepPattern: (options.finalStepPattern as string) || 'final',
	});

	const thresholdRows = ((ctx.getNodeParameter('highValueThresholds', 0, {}) as IDataObject)
		.thresholds ?? []) as Array<{
		currency: string;
		amount: number;
	}>;
	const thresholds: Record<string, number> = {};
	for (const { currency, amount } of thresholdRows)
		if (currency && amount > 0) thresholds[currency.trim().toUpperCase()] = amount;
	Object.assign(input.highValue, {
		thresholds,
		...(Number(options.otherCurrencies) > 0
			? { otherCurrencies: Number(options.otherCurrencies) }
			: {}),
		trustSignal: options.trustHighValueSignal !== false,
	});

	const routeRows = ((ctx.getNodeParameter('routing', 0, {}) as IDataObject).routes ??
		[]) as IDataObject[];
	const routing = routeRows.map((row) => ({
		tier: (row.tier as 'any') || undefined,
		region: (row.region as string) || undefined,
		currency: (row.currency as string) || undefined,
		minAmount: typeof row.minAmount === 'number' && row.minAmount > 0 ? row.minAmount : undefined,
		maxAmount: typeof row.maxAmount === 'number' && row.maxAmount > 0 ? row.maxAmount : undefined,
		owner: compact({ name: row.ownerName, email: row.ownerEmail, slackId: row.ownerSlackId }) ?? {},
	}));
	const fallbackOwner = compact(ctx.getNodeParameter('fallbackOwner', 0, {}) as IDataObject);

	return {
		...input,
		routing,
		...(fallbackOwner ? { fallbackOwner } : {}),
		sla: {
			timezone: ((options.slaTimezone as string) || ctx.getTimezone() || 'UTC').trim(),
			start: ((options.businessStart as string) || '09:00').trim(),
			end: ((options.businessEnd as string) || '17:00').trim(),
			workdays: ((options.workdays as number[] | undefined) ?? [1, 2, 3, 4, 5]).map(Number),
			holidays: String(options.holidays ?? '')
				.split(/[\s,;]+/)
				.filter(Boolean),
			hours: {
				P1: (options.slaP1 as number) ?? 4,
				P2: (options.slaP2 as number) ?? 8,
				P3: (options.slaP3 as number) ?? 24,
			},
		},
		dedup: { enabled: options.dedup !== false, withinDays: (options.dedupDays as number) ?? 7 },
		packet: {
			redactContact: options.redactContact === true,
			...(Array.isArray(options.formats) ? { formats: options.formats } : {}),
			title: (options.title as string) || 'Collections escalation',
			...(options.invoiceUrlTemplate
				? { invoiceUrlTemplate: String(options.invoiceUrlTemplate).replace(/\{ID\}/g, '{id}') }
				: {}),
		},
	} as EscalationRulesInput;
}

function compact(
	fields: IDataObject,
): { name?: string; email?: string; slackId?: string } | undefined {
	const out: Record<string, string> = {};
	for (const key of ['name', 'email', 'slackId']) {
		const value = typeof fields[key] === 'string' ? (fields[key] as string).trim() : '';
		if (value) out[key] = value;
	}
	return Object.keys(out).length > 0 ? out : undefined;
}
