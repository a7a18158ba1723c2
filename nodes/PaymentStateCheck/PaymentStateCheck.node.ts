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
	compactInvoice,
	compileFastGenericReader,
	GENERIC_FIELDS,
	INVOICE_SOURCE_REGISTRY,
	invoiceNormalizer,
	outputDetailOf,
	paymentStateChecker,
	splitInvoiceRecords,
	toInstant,
	type AuditEntry,
	type DateOrder,
	type GenericField,
	type Invoice,
	type InvoiceSource,
	type OutputDetail,
	type PaymentStateOptions,
} from '../../src';
import {
	asOfParameter,
	auditEntry,
	describeErrors,
	forEachItem,
	usesErrorOutput,
	namedOutputs,
	Outputs,
	withAudit,
} from '../shared/items';
import { highValueFields, highValueOf } from '../shared/highValue';
import { addHints } from '../shared/hints';
import { asOfOption, timezoneOption } from '../shared/options';

const NODE = 'Payment State Check';
const OUTPUTS = ['Follow Up', 'Hold', 'Closed', 'Not Due', 'Invalid'] as const;
type OutputName = (typeof OUTPUTS)[number];
const OUTPUT_OF_ROUTE = {
	follow_up: 'Follow Up',
	hold: 'Hold',
	closed: 'Closed',
	not_due: 'Not Due',
} as const;

/** The node's subtitle: each source's short name, from the source registry. */
const SOURCE_SUBTITLES = JSON.stringify(
	Object.fromEntries(
		INVOICE_SOURCE_REGISTRY.map((source) => [source.key, source.shortName ?? source.name]),
	),
);

/** One mapping parameter per canonical invoice field; each accepts an expression such as {{ $json["Due Date"] }}. */
const mappingFields: INodeProperties[] = GENERIC_FIELDS.map((field) => ({
	displayName: field.replace(/([A-Z])/g, ' $1').replace(/^./, (first) => first.toUpperCase()),
	name: field,
	type: 'string',
	default: '',
	description: `Value of ${field} for each item, usually an expression. Empty: read the column named like the canonical field or a common alias.`,
}));

/** Version 1: the full item by default (its behaviour is kept as it was, for the workflows that use it). */
const outputDetailV1: INodeProperties = {
	displayName: 'Output Detail',
	name: 'outputDetail',
	type: 'options',
	displayOptions: { show: { '@version': [1] } },
	options: [
		{
			name: 'Standard',
			value: 'standard',
			description: 'Invoice, paymentState with its reasons, and one audit entry per item',
		},
		{
			name: 'Compact (Very Large Books)',
			value: 'compact',
			description:
				'Invoice without the derivable major amounts and formatted amount, paymentState without the reason sentences, no audit entry: less memory and a smaller saved execution. Downstream nodes read it the same way.',
		},
	],
	default: 'standard',
	description: 'How much each output item carries',
};

/** Version 1.1: lean items by default (issue 15); Full is version 1's default item. */
const outputDetail: INodeProperties = {
	displayName: 'Output Detail',
	name: 'outputDetail',
	type: 'options',
	displayOptions: { hide: { '@version': [1] } },
	options: [
		{
			name: 'Full',
			value: 'full',
			description:
				'Also the major-unit amounts (amountDue, ...), amountDueFormatted, the reason sentences, daysUntilDue and one audit entry per item: for expressions and sheets that read them',
		},
		{
			name: 'Lean',
			value: 'lean',
			description:
				'The invoice with its amounts as integer minor units (amountDueMinor, ...), paymentState without the reason sentences, no audit entry. Downstream nodes read it as the full invoice; fits very large books.',
		},
	],
	default: 'lean',
	description: 'How much each output item carries',
};

const routedOutputs = JSON.stringify(namedOutputs(OUTPUTS));
const singleOutput = JSON.stringify(namedOutputs(['Checked']));

export class PaymentStateCheck implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Payment State Check',
		name: 'paymentStateCheck',
		icon: { light: 'file:paymentStateCheck.svg', dark: 'file:paymentStateCheck.dark.svg' },
		group: ['transform'],
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: `={{ ${SOURCE_SUBTITLES}[$parameter["source"]] }}`,
		description:
			'Normalise invoices from any source and decide whether to follow up, hold, close or wait',
		defaults: { name: 'Payment State Check' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{ $parameter.singleOutput ? ${singleOutput} : ${routedOutputs} }}`,
		properties: [
			{
				displayName: 'Source',
				name: 'source',
				type: 'options',
				noDataExpression: true,
				options: INVOICE_SOURCE_REGISTRY.map((source) => ({
					name: source.name,
					value: source.key,
				})),
				default: 'stripe',
				description:
					'Where the invoices come from. Envelopes (Stripe events and lists, Xero Invoices[], QuickBooks QueryResponse, FreshBooks response.result) are unwrapped.',
			},
			{
				displayName: 'Field Mapping',
				name: 'mapping',
				type: 'collection',
				placeholder: 'Map a Field',
				default: {},
				displayOptions: { show: { source: ['generic'] } },
				description:
					'Only needed when your columns do not use the canonical names (ID, number, currency, total, amountDue, dueDate, email, ...)',
				options: mappingFields,
			},
			{
				displayName: 'One Output With Route Field',
				name: 'singleOutput',
				type: 'boolean',
				default: false,
				description:
					'Whether to send every item to one output with a paymentState.route field instead of routing to Follow Up / Hold / Closed / Not Due / Invalid',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					asOfOption('The moment to judge the invoices at. Empty: now.'),
					{
						displayName: 'Date Order in Sheets',
						name: 'dateOrder',
						type: 'options',
						options: [
							{ name: 'ISO Only (YYYY-MM-DD)', value: 'iso' },
							{ name: 'Day First (DD/MM/YYYY)', value: 'DD/MM/YYYY' },
							{ name: 'Month First (MM/DD/YYYY)', value: 'MM/DD/YYYY' },
						],
						default: 'iso',
						description:
							'How to read slash dates. ISO dates, timestamps and Xero /Date()/ values are always read.',
					},
					{
						displayName: 'Default Currency',
						name: 'defaultCurrency',
						type: 'string',
						default: '',
						placeholder: 'USD',
						description:
							'Used when a record has no currency (QuickBooks without multicurrency, most sheets)',
					},
					timezoneOption(
						'Default Time Zone',
						'America/New_York',
						"Customer time zone used when the invoice has none. Empty: the workflow's time zone.",
					),
					{
						displayName: 'Due-Soon Days',
						name: 'dueSoonDays',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 3,
						description:
							'Invoices due within this many days go to Follow Up (for a friendly pre-due reminder)',
					},
					...highValueFields('the high_value signal is set'),
					{
						displayName: 'Keep Source Fields',
						name: 'keepSourceFields',
						type: 'boolean',
						default: false,
						description:
							'Whether to keep the fields of the source record on the item next to invoice and paymentState',
					},
					outputDetailV1,
					outputDetail,
					{
						displayName: 'PO Required',
						name: 'poRequired',
						type: 'boolean',
						default: false,
						description:
							'Whether every invoice needs a PO number; those without one are held as missing_po',
					},
					{
						displayName: 'Stale-Reply Days',
						name: 'staleReplyDays',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 5,
						description:
							'Days without an answer to the last reminder before the stale_reply signal is set',
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const source = this.getNodeParameter('source', 0) as InvoiceSource;
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const single = this.getNodeParameter('singleOutput', 0, false) as boolean;
		const hasMapping =
			source === 'generic' &&
			Object.keys(this.getNodeParameter('mapping', 0, {}) as IDataObject).length > 0;

		const asOf = asOfParameter(options.asOf);
		if (toInstant(asOf) === null) {
			throw new NodeOperationError(
				this.getNode(),
				`As-Of Date "${String(options.asOf)}" is not a date`,
				{
					description:
						'Use an ISO date or timestamp such as 2026-11-22 or 2026-11-22T09:00:00Z, or leave it empty for now',
				},
			);
		}
		const checkOptions: PaymentStateOptions = {
			asOf,
			timezone: (options.timezone as string) || this.getTimezone(),
			dueSoonDays: options.dueSoonDays as number | undefined,
			staleReplyDays: options.staleReplyDays as number | undefined,
			highValue: highValueOf(options.highValue, options.highValueByCurrency),
			poRequired: options.poRequired as boolean | undefined,
		};
		const defaults = {
			currency: (options.defaultCurrency as string) || undefined,
			timezone: checkOptions.timezone,
			poRequired: options.poRequired as boolean | undefined,
			dateOrder: (options.dateOrder as DateOrder) || 'iso',
		};
		const keepSource = options.keepSourceFields === true;
		// Unset, the version decides: version 1 keeps its full items, version 1.1 on hands lean ones.
		const detail = outputDetailOf(options.outputDetail, this.getNode().typeVersion >= 1.1);
		const compact = detail === 'compact';
		const at = new Date().toISOString();
		const outputs = new Outputs<OutputName>(OUTPUTS);
		// Compiled once per execution: the Generic preset resolves its column aliases per row shape, not per row.
		const normalize = invoiceNormalizer({ source, defaults });
		// Rows of the common columns with clean values are read straight into the invoice (src/invoice/fast.ts);
		// any other row takes the general path above, which gives the same invoice or the field-level errors.
		const fast =
			source === 'generic' && !hasMapping
				? compileFastGenericReader({ defaults, share: true, compact })
				: undefined;
		// Equal customers, contacts, flag sets and payment states are one object each for the execution, shared by
		// the items that have them; so is the audit list of each decision (state and route). n8n keeps these items
		// in memory and saves them with flatted, which stores a shared object once. No node edits them in place:
		// downstream nodes copy what they change (withAudit concatenates into a new list).
		const checkState = paymentStateChecker(checkOptions, detail);
		const audits: Partial<Record<string, Partial<Record<string, IDataObject[]>>>> = {};
		const auditOf = (state: string, route: string) =>
			((audits[state] ??= {})[route] ??= [
				auditEntry(NODE, state, route, undefined, at) as unknown as IDataObject,
			]);

		const classified = (invoice: Invoice, kept: IDataObject | undefined, itemIndex: number) => {
			const checked = checkState(invoice);
			const paymentState = checked as unknown as IDataObject;
			const json: IDataObject =
				kept !== undefined
					? withAudit(kept, auditOf(checked.state, checked.route)[0] as unknown as AuditEntry, {
							invoice: invoice as unknown as IDataObject,
							paymentState,
						})
					: compact
						? { invoice: invoice as unknown as IDataObject, paymentState }
						: {
								invoice: invoice as unknown as IDataObject,
								paymentState,
								audit: auditOf(checked.state, checked.route),
							};
			outputs.pushIndexed(OUTPUT_OF_ROUTE[checked.route], json, itemIndex);
		};

		const invalidItem = (error: Error, item: INodeExecutionData, itemIndex: number) =>
			outputs.push(
				'Invalid',
				{ ...item.json, invalid: { reason: error.message, errors: [] } },
				itemIndex,
			);
		forEachItem(
			this,
			items,
			(item, itemIndex) => {
				if (fast !== undefined) {
					const invoice = fast(item.json);
					if (invoice !== undefined) {
						classified(invoice, keepSource ? item.json : undefined, itemIndex);
						return;
					}
				}
				const values = hasMapping
					? (this.getNodeParameter('mapping', itemIndex, {}) as Partial<
							Record<GenericField, unknown>
						>)
					: undefined;
				// One input item may hold many invoices (a Xero or QuickBooks list): each leaves paired to that item.
				const records = splitInvoiceRecords(item.json, source);
				if (records.length === 0) {
					const reason = 'the record is a list envelope with no invoices in it';
					outputs.push(
						'Invalid',
						withAudit({ ...item.json }, auditEntry(NODE, 'validate', 'invalid', undefined, at), {
							invalid: { reason, errors: [] },
						}),
						itemIndex,
					);
				}
				for (const found of records) {
					const kept =
						keepSource && found.record && typeof found.record === 'object'
							? (found.record as IDataObject)
							: undefined;
					const result = normalize(found, values);
					if (!result.ok) {
						const reason = describeErrors(result.errors);
						outputs.push(
							'Invalid',
							withAudit({ ...kept }, auditEntry(NODE, 'validate', 'invalid', undefined, at), {
								invalid: { reason, errors: result.errors as unknown as IDataObject[] },
								sourceRecord: found.record as unknown as IDataObject,
							}),
							itemIndex,
						);
						continue;
					}
					// Compact items leave out the major-unit amounts (src/contract restores them for every consumer).
					const invoice = compact ? (compactInvoice(result.invoice) as Invoice) : result.invoice;
					classified(invoice, keepSource ? (kept ?? {}) : undefined, itemIndex);
				}
			},
			(error, item, itemIndex) =>
				usesErrorOutput(this)
					? outputs.failed(this, 'Invalid', item.json, error, itemIndex)
					: invalidItem(error, item, itemIndex),
			'Check that each item is an invoice record from the selected source, or switch Source to Generic and map the fields',
			// Without Continue On Fail a record that cannot be read still goes to Invalid: one bad record stops nothing.
			invalidItem,
		);

		addHints(this, hintsOf(outputs, detail));
		return single ? outputs.merged() : outputs.result();
	}
}

/** What the output pane says about this run. */
function hintsOf(outputs: Outputs<OutputName>, detail: OutputDetail): string[] {
	const hints: string[] = [];
	const invalid = outputs.count('Invalid');
	if (invalid > 0)
		hints.push(`${invalid} record(s) were invalid: see invalid.reason on the Invalid output`);
	const held = outputs.count('Hold');
	if (held > 0)
		hints.push(
			`${held} invoice(s) were held (disputed, opted out, paused, promised, draft or missing PO): see ${detail === 'standard' ? 'paymentState.reasons' : 'paymentState.state (Output Detail: Full adds the reasons)'}`,
		);
	return hints;
}
