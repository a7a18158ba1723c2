import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import {
	compileEscalationRules,
	CUSTOMER_TIERS,
	describeEscalationRulesError,
	ESCALATION_RULES,
	EscalationRulesSchema,
	escalationLedgerEvent,
	invalidRecordPacket,
	escalationLedgerFromEvents,
	evaluateEscalation,
	evaluateEscalations,
	builtEventToRow,
	pruneEscalationLedger,
	type EscalationContext,
	type EscalationInput,
	type EscalationResult,
} from '../../src';
import { addHints } from '../shared/hints';
import { inputsWithLedger, readLedgerInput } from '../shared/ledger';
import {
	asOfParameter,
	auditEntry,
	forEachItem,
	namedOutputs,
	Outputs,
	withAudit,
} from '../shared/items';
import { STATIC_DATA_NOTICE, staticNamespace } from '../shared/staticData';
import { highValueFields } from '../shared/highValue';
import { asOfOption, holidayPlaceOptions, invoiceFieldOption } from '../shared/options';
import {
	auditReason,
	continueSummary,
	plainLedger,
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
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map(
	(name, index) => ({ name, value: index + 1 }),
);
/** Every default of the form, from the one rule book in src (written once, there). */
const DEFAULTS = EscalationRulesSchema.parse({});
const RULE_SETTINGS = DEFAULTS as unknown as Record<string, Record<string, unknown>>;

const HIGH_VALUE_FIELDS = highValueFields(
	'an invoice is high value, in currencies without their own threshold below',
	DEFAULTS.highValue.thresholds,
);

/** The rule list as the form shows it: every rule of the registry on, with its default priority and threshold. */
const RULE_ROWS = ESCALATION_RULES.map((rule) => ({
	rule: rule.code,
	enabled: true,
	priority: rule.priority,
	...(rule.threshold ? { threshold: rule.threshold.default } : {}),
}));

/** One Threshold field per rule that has one, shown only on that rule's row. */
const THRESHOLD_FIELDS: INodeProperties[] = ESCALATION_RULES.flatMap((rule) =>
	rule.threshold
		? [
				{
					displayName: rule.threshold.label,
					name: 'threshold',
					type: 'number' as const,
					typeOptions: { minValue: 1 },
					default: rule.threshold.default,
					description: rule.threshold.description,
					displayOptions: { show: { rule: [rule.code] } },
				},
			]
		: [],
);

/** The rules' own settings as options (Bounce Counts as Wrong Contact, Final Notice Step Pattern, ...). */
const RULE_OPTION_FIELDS: INodeProperties[] = ESCALATION_RULES.flatMap((rule) =>
	(rule.fields ?? []).map((field) => {
		const fallback = RULE_SETTINGS[rule.key][field.setting];
		return {
			displayName: field.displayName,
			name: field.name,
			type: field.type,
			description: field.description,
			default: fallback ?? (field.type === 'number' ? 0 : ''),
			...(field.placeholder ? { placeholder: field.placeholder } : {}),
			...(field.options ? { options: [...field.options] } : {}),
			...(field.type === 'number' ? { typeOptions: { minValue: 0 } } : {}),
		} as INodeProperties;
	}),
);

export class EscalationGate implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Escalation Gate',
		name: 'escalationGate',
		icon: { light: 'file:escalationGate.svg', dark: 'file:escalationGate.dark.svg' },
		group: ['transform'],
		version: [1, 1.1, 1.2],
		defaultVersion: 1.2,
		subtitle:
			'={{ "Escalate / Continue" + ($parameter["options"]["redactContact"] ? " · redacted" : "") }}',
		description:
			'Hand disputes, legal threats, high balances and other judgement calls to a person, with owner, priority, SLA and a context packet',
		defaults: { name: 'Escalation Gate' },
		usableAsTool: true,
		inputs: inputsWithLedger(),
		outputs: namedOutputs(OUTPUTS),
		outputNames: [...OUTPUTS],
		properties: [
			{
				displayName:
					"Reads invoice, paymentState, triage and cadence from each item. Escalated items get an escalation packet (Slack blocks, HTML, text) and invoice.flags.automationPaused, so Cadence Step holds them. Wire the collections ledger (a Data Table node reading collections_ledger) into the Ledger input, and append each item's $json.ledgerRow to it: open cases then hold across runs, in queue mode too.",
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
								options: ESCALATION_RULES.map((rule) => ({
									name: rule.label,
									value: rule.code,
									description: rule.description,
								})),
								default: 'dispute',
							},
							...THRESHOLD_FIELDS,
						],
					},
				],
			},
			// The high-value form every node shares. Version 1 saved the table as High-Value Thresholds (and the amount
			// for other currencies as an option, below): same fields, its own names, so saved workflows still read.
			...HIGH_VALUE_FIELDS.map((field) => ({
				...field,
				displayOptions: { hide: { '@version': [1] } },
			})),
			{
				...HIGH_VALUE_FIELDS[1],
				displayName: 'High-Value Thresholds',
				name: 'highValueThresholds',
				description:
					'Amount due (major units) from which an invoice in that currency is high value. Compared exactly in minor units.',
				displayOptions: { show: { '@version': [1] } },
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
					...RULE_OPTION_FIELDS,
					// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- the default is the src rule book's
					{
						displayName: 'Business Day Ends',
						name: 'businessEnd',
						type: 'string',
						default: DEFAULTS.sla.end,
						placeholder: '17:00',
					},
					// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- the default is the src rule book's
					{
						displayName: 'Business Day Starts',
						name: 'businessStart',
						type: 'string',
						default: DEFAULTS.sla.start,
						placeholder: '09:00',
					},
					{
						displayName: 'De-Duplicate',
						name: 'dedup',
						type: 'boolean',
						default: true,
						description:
							"Whether an invoice already in an open case for the same reason is added to that case (on Continue) instead of escalating again within the window. Open cases are read from the Ledger input (the collections ledger: holds in queue mode); without it, from the workflow's static data, which n8n saves for production runs only (not manual test runs).",
					},
					// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- the default is the src rule book's
					{
						displayName: 'De-Duplication Window (Days)',
						name: 'dedupDays',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: DEFAULTS.dedup.withinDays,
					},
					{
						displayName: 'Group by Customer',
						name: 'groupByCustomer',
						type: 'boolean',
						default: true,
						description:
							'Whether new escalations of one customer with the same main reason become one case: the first item carries the packet listing every invoice, the others go to Continue with escalation.case',
					},
					{
						displayName: 'High-Value Threshold for Other Currencies',
						name: 'otherCurrencies',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 0,
						description:
							'Major units, for currencies missing from the High-Value Thresholds table. 0: those currencies never count as high value.',
						displayOptions: { show: { '@version': [1] } },
					},
					...holidayPlaceOptions(
						"Public holidays of this country stop the SLA clock (the customer's own country wins when Holidays From Customer is on): ISO code or name",
					),
					{
						displayName: 'Holidays',
						name: 'holidays',
						type: 'string',
						default: '',
						placeholder: '2026-12-25, 2026-12-26',
						description: 'Dates (YYYY-MM-DD, comma-separated) that do not count as business days',
					},
					{
						displayName: 'Holidays From Customer',
						name: 'holidaysFromCustomer',
						type: 'boolean',
						default: false,
						description:
							"Whether the public holidays of the customer's country and region (as Cadence Step's send window uses them) stop the SLA clock",
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
						displayName: 'Packet Formats',
						name: 'formats',
						type: 'multiOptions',
						options: [
							{ name: 'Email HTML', value: 'html' },
							{ name: 'Plain Text', value: 'text' },
							{ name: 'Slack Approval Message (Send and Wait)', value: 'slackApproval' },
							{ name: 'Slack Blocks', value: 'slack' },
						],
						default: [...DEFAULTS.packet.formats],
						description:
							'Which renders each escalated item carries in escalation.packet. Fewer formats, smaller items.',
					},
					// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- the default is the src rule book's
					{
						displayName: 'Packet Title',
						name: 'title',
						type: 'string',
						default: DEFAULTS.packet.title,
					},
					{
						displayName: 'Redact Contact in Slack Packet',
						name: 'redactContact',
						type: 'boolean',
						default: false,
						description:
							"Whether to mask the contact's email and phone (and any email address and the payment link) in the Slack packet",
					},
					// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- the default is the src rule book's
					{
						displayName: 'SLA Hours P1',
						name: 'slaP1',
						type: 'number',
						typeOptions: { minValue: 0.25 },
						default: DEFAULTS.sla.hours.P1,
						description: 'Business hours to first response for P1',
					},
					// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- the default is the src rule book's
					{
						displayName: 'SLA Hours P2',
						name: 'slaP2',
						type: 'number',
						typeOptions: { minValue: 0.25 },
						default: DEFAULTS.sla.hours.P2,
					},
					// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- the default is the src rule book's
					{
						displayName: 'SLA Hours P3',
						name: 'slaP3',
						type: 'number',
						typeOptions: { minValue: 0.25 },
						default: DEFAULTS.sla.hours.P3,
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
						default: [...DEFAULTS.sla.workdays],
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

		// Open cases come from the collections ledger on the Ledger input (it holds in queue mode); without it, from
		// static data (single workflow, production runs only). Worked on as a plain object, written back once.
		const dedup = rules.rules.dedup.enabled;
		const ledgerInput = dedup ? readLedgerInput(this) : null;
		const store = dedup && !ledgerInput ? staticNamespace(this, 'escalation') : null;
		const ledger = ledgerInput
			? escalationLedgerFromEvents(ledgerInput.events)
			: store
				? plainLedger(store.ledger)
				: {};
		const context: EscalationContext = {
			asOf: asOf instanceof Date ? asOf.getTime() : asOf,
			ledger: dedup ? ledger : undefined,
			groupByCustomer: options.groupByCustomer !== false,
		};
		const asOfMillis =
			typeof context.asOf === 'number' ? context.asOf : Date.parse(String(context.asOf));
		const pruned = store
			? pruneEscalationLedger(ledger, asOfMillis, Math.max(rules.rules.dedup.withinDays, 1))
			: 0;

		const outputs = new Outputs<OutputName>(OUTPUTS);
		const node = this.getNode(); // n8n deep-copies the node on every getNode(): once per execution.
		const failed = (error: Error, item: INodeExecutionData, itemIndex: number) =>
			outputs.failed(
				this,
				'Continue',
				{ ...item.json, escalation: { escalate: false, error: error.message } },
				error,
				itemIndex,
			);
		const fixHint = `Put Payment State Check (for invoices) or Reply Triage (for replies) before this node, or set "Invoice Field" to where the invoice is`;
		// Without Continue On Fail an item this node cannot read goes to Escalate, marked invalid with its reason and a
		// packet a person can read: a person looks at it, and the other items go on (never a crash of the run).
		const invalid = (error: Error, item: INodeExecutionData, itemIndex: number) => {
			const { ledgerRow: _stale, ...json } = item.json;
			void _stale;
			outputs.push(
				'Escalate',
				withAudit(json, auditEntry(NODE, 'invalid_input', 'escalate', error.message, at), {
					error: error.message,
					escalation: {
						escalate: true,
						invalid: true,
						reasons: [],
						reason: error.message,
						fix: fixHint,
						packet: invalidRecordPacket(error.message, itemIndex) as unknown as IDataObject,
					},
				}),
				itemIndex,
			);
		};

		// Pass 1: read every item with the producers' schemas (a bad item fails alone).
		const read: Array<{ itemIndex: number; input: EscalationInput }> = [];
		forEachItem(
			this,
			items,
			(item, itemIndex) =>
				read.push({ itemIndex, input: readInput(node, item.json, invoiceField, itemIndex) }),
			failed,
			fixHint,
			invalid,
		);
		// Pass 2: evaluate the batch (one case per customer and reason); should one item break the batch, evaluate
		// item by item so only that one fails.
		let results: Array<EscalationResult | Error>;
		try {
			results = evaluateEscalations(
				read.map((entry) => entry.input),
				rules,
				context,
			);
		} catch {
			results = read.map(({ input }) => {
				try {
					return evaluateEscalation(input, rules, context);
				} catch (caught) {
					return caught instanceof Error ? caught : new Error(String(caught));
				}
			});
		}

		let duplicates = 0;
		let grouped = 0;
		read.forEach(({ itemIndex, input }, position) => {
			const result = results[position];
			const item = items[itemIndex];
			if (result instanceof Error) {
				if (this.continueOnFail()) failed(result, item, itemIndex);
				else invalid(result, item, itemIndex);
				return;
			}
			const event = dedup ? escalationLedgerEvent(input.invoice, result) : null;
			const ledgerRow = event
				? { ledgerRow: builtEventToRow(event) as unknown as IDataObject }
				: {};
			if (result.escalate) {
				let json = withAudit(
					item.json,
					auditEntry(NODE, result.reasons[0], 'escalate', auditReason(result), at),
					{ escalation: result as unknown as IDataObject, ...ledgerRow },
				);
				if (pauseAutomation && input.invoice) json = withPausedInvoice(json, invoiceField);
				outputs.push('Escalate', json, itemIndex);
				return;
			}
			if (result.alreadyEscalated) duplicates += 1;
			else if (result.case?.joined) grouped += 1;
			const rule = result.alreadyEscalated
				? 'already_escalated'
				: result.case?.joined
					? 'grouped'
					: 'no_reason';
			let json = withAudit(item.json, auditEntry(NODE, rule, 'continue', auditReason(result), at), {
				escalation: continueSummary(result),
				...ledgerRow,
			});
			// With a person (an open case, or grouped into one): Cadence Step must hold it too, or its own steps
			// would re-escalate it.
			if (result.case?.joined && pauseAutomation && input.invoice)
				json = withPausedInvoice(json, invoiceField);
			outputs.push('Continue', json, itemIndex);
		});

		if (store && (pruned > 0 || outputs.count('Escalate') > 0))
			store.ledger = ledger as unknown as IDataObject;

		const hints: string[] = [];
		const escalated = outputs.count('Escalate');
		if (escalated > 0)
			hints.push(
				`${escalated} item(s) escalated: send escalation.packet.slack with a Slack node (Message Type: Blocks) or escalation.packet.html by email${dedup ? ', and append $json.ledgerRow to the collections ledger' : ''}`,
			);
		if (grouped > 0)
			hints.push(
				`${grouped} item(s) joined the case of another invoice of the same customer with the same reason and went to Continue (escalation.case); turn off "Group by Customer" for one escalation per invoice`,
			);
		if (duplicates > 0)
			hints.push(
				`${duplicates} item(s) were already escalated: they joined the open case for the same reason (within ${rules.rules.dedup.withinDays} day(s)) and went to Continue (escalation.case)`,
			);
		if (ledgerInput && ledgerInput.invalid.length > 0)
			hints.push(
				`${ledgerInput.invalid.length} row(s) on the Ledger input are not ledger events and were ignored (first: row ${ledgerInput.invalid[0].index}: ${ledgerInput.invalid[0].errors.join('; ')})`,
			);
		if (store && this.getMode() === 'manual') hints.push(STATIC_DATA_NOTICE);
		if (rules.active.length === 0)
			hints.push(
				'Every escalation rule is off or removed from the Rules list: nothing can escalate',
			);
		addHints(this, hints);
		return outputs.result();
	}
}
