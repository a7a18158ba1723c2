import {
	NodeConnectionTypes,
	NodeOperationError,
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
	evaluateEscalation,
	pruneEscalationLedger,
	type EscalationContext,
	type EscalationPriority,
	type EscalationReasonCode,
} from '../../src';
import {
	asOfParameter,
	auditEntry,
	forEachItem,
	namedOutputs,
	Outputs,
	withAudit,
} from '../shared/items';
import { STATIC_DATA_NOTICE, staticNamespace } from '../shared/staticData';
import { asOfOption, invoiceFieldOption } from '../shared/options';
import {
	auditReason,
	continueSummary,
	plainLedger,
	RULE_KEY,
	readInput,
	rulesFromParameters,
	withPausedInvoice,
} from './parameters';

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
