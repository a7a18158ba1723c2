import {
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
} from '../../src';
import { namedOutputs } from '../shared/items';
import { inputsWithLedger } from '../shared/ledger';
import { STATIC_DATA_NOTICE } from '../shared/staticData';
import {
	asOfOption,
	holidayPlaceOptions,
	invoiceFieldOption,
	timezoneOption,
} from '../shared/options';
import { OUTPUTS } from './actions/parameters';
import { router } from './actions/router';
import { CLAIM_OUTPUTS } from './actions/claim.operation';

const planOutputs = JSON.stringify(namedOutputs(OUTPUTS));
const recordOutputs = JSON.stringify(namedOutputs(['Recorded']));
const claimOutputs = JSON.stringify(namedOutputs(CLAIM_OUTPUTS));

const label = (value: string) =>
	value.replace(/_/g, ' ').replace(/^./, (first) => first.toUpperCase());

/** Default rows of the custom-step list: the standard-5 preset, so "Custom" starts from something sensible. */
const defaultSteps = PRESETS['standard-5'].steps.map((step) => ({ ...step }));

/** Two inputs (Items, Ledger) when Plan reads the ledger from Data Table rows, as Merge takes two. */
const ledgerInputs = JSON.stringify(inputsWithLedger());
const singleInput = JSON.stringify([{ type: 'main' }]);

const LEDGER_INPUT_NOTICE =
	"Ledger Input: connect a Data Table node (row > get) that reads the collections_ledger table to the second input. Items that create a ledger row carry it at ledgerRow: insert the Send items' row with a Data Table node BEFORE the send node (the send node then reads the message from this node's item), and the Record items' row after Record. Escalate items carry the escalation Plan must remember.";

const historyOptions = [
	{
		name: 'Ledger Input (Data Table)',
		value: 'ledgerInput',
		description:
			'Rows of the collections_ledger Data Table on the second input; items carry the rows to append (ledgerRow). Holds in queue mode and for manual runs.',
	},
	{
		name: 'Workflow Static Data',
		value: 'staticData',
		description:
			'Reserve and record steps in the workflow; production executions of this one workflow only',
	},
	{
		name: 'Input Fields',
		value: 'fields',
		description:
			'Read the last step and last touch from columns of a sheet or CRM (you update them yourself)',
	},
];

/** History From, per version: 1 kept static data as its default (saved workflows keep working); 1.1 reads the Ledger input. */
const historyFrom = (version: number, fallback: string): INodeProperties => ({
	displayName: 'History From',
	name: 'ledger',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { '@version': [version] }, hide: { operation: ['claim'] } },
	options: historyOptions,
	default: fallback,
	description:
		'Where the ledger lives: Plan reads the history from it, Record confirms sends in it (Input Fields: Record writes static data)',
});

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
		displayName: 'Sends',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'A Message About the Invoice', value: 'message' },
			{
				name: 'A Statement of Account',
				value: 'statement',
				description:
					'One e-mail per customer listing every open invoice with its age and the total, CSV attached (template key: statement)',
			},
		],
		default: 'message',
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
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle:
			'={{ $parameter["operation"] === "record" ? "Record send" : "Plan: " + $parameter["policy"] }}',
		description:
			'Decide which approved reminder is due now, render it safely, and record what was sent so no step goes out twice',
		defaults: { name: 'Cadence Step' },
		usableAsTool: true,
		inputs: `={{ $parameter.operation === "claim" || ($parameter.operation !== "record" && $parameter.ledger === "ledgerInput") ? ${ledgerInputs} : ${singleInput} }}`,
		outputs: `={{ $parameter.operation === "record" ? ${recordOutputs} : $parameter.operation === "claim" ? ${claimOutputs} : ${planOutputs} }}`,
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
						name: 'Claim',
						value: 'claim',
						action: 'Claim a reserved step',
						description:
							'After the reservation insert and a re-read of its key: only the run that reserved first sends, so two overlapping runs never send a step twice',
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
			historyFrom(1, 'staticData'),
			historyFrom(1.1, 'ledgerInput'),
			{
				displayName:
					STATIC_DATA_NOTICE +
					' Limits: a manual run from the editor is not saved (the next scheduled run sends the same step again), queue-mode workers never read it back, two overlapping runs do not see each other, and approvals, escalated replies and unconfirmed sends are not remembered (use the Ledger input). Plan reserves each step it emits; put a Record operation after your send node to confirm sent or failed.',
				name: 'ledgerNotice',
				type: 'notice',
				displayOptions: {
					show: { ledger: ['staticData', 'fields'] },
					hide: { operation: ['claim'] },
				},
				default: '',
			},
			{
				displayName: LEDGER_INPUT_NOTICE,
				name: 'ledgerInputNotice',
				type: 'notice',
				displayOptions: { show: { ledger: ['ledgerInput'] }, hide: { operation: ['claim'] } },
				default: '',
			},
			{
				displayName:
					"Claim: Items are the rows the reservation insert returned; the Ledger input is that key's rows read back after it (Data Table row > get, Key equals {{ $json.key }}, Always Output Data on). Send: this run reserved first; Wait: another run did, and ledgerRow holds the released row to insert.",
				name: 'claimNotice',
				type: 'notice',
				displayOptions: { show: { operation: ['claim'] } },
				default: '',
			},
			{
				displayName: 'Claim Timeout (Minutes)',
				name: 'claimTimeoutMinutes',
				type: 'number',
				typeOptions: { minValue: 1 },
				displayOptions: { show: { operation: ['claim'] } },
				default: 30,
				description:
					"A rival reservation older than this is another run's unknown outcome (Plan handles it), not a live send; use Plan's Reservation Timeout",
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
				displayName: 'Message ID',
				name: 'messageId',
				type: 'string',
				displayOptions: { show: { operation: ['record'], ledger: ['ledgerInput'] } },
				default: '',
				description:
					"The sent message's ID as the send node returns it (an expression on its output item), kept on the ledger row so replies can be matched to it",
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
						displayName: 'Approval Timeout (Business Days)',
						name: 'approvalTimeoutDays',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 2,
						description:
							'Ledger Input: business days an approval request waits for an answer before the next step below',
					},
					{
						displayName: 'Attach Invoice From',
						name: 'attachBinary',
						type: 'string',
						default: '',
						placeholder: 'data',
						description:
							"Binary property holding the invoice PDF (for example from the accounting node's download): it is attached to the e-mail's MIME message",
					},
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
						description:
							'Language, money and dates when the customer has no locale (messages ship in en, de, fr, es and nl)',
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
						displayName: 'Fallback Language',
						name: 'fallbackLocale',
						type: 'string',
						default: '',
						placeholder: 'en-GB',
						description:
							'Locale whose messages a customer gets when the library has no text in their language (empty: the Default Locale)',
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
							'Whether an invoice whose lastReplyAt is newer than the last touch waits until the reply is triaged. A reply row in the ledger (or a triage field on the item) is triaged: it holds by its intent until a person clears it.',
					},
					...holidayPlaceOptions(
						"Public holidays when the customer names no country (the customer's own country and region win): ISO code or name",
					),
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
						displayName: 'Libraries by Language (JSON)',
						name: 'libraries',
						type: 'json',
						default: '',
						description:
							'Wording per language, over the shipped en/de/fr/es/nl or adding one: { "it": { "&lt;template key&gt;": { "email": { "subject", "text", "html" } } } }',
					},
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
						displayName: 'Out of Office Without Date (Days)',
						name: 'outOfOfficeDays',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 7,
						description:
							'An out-of-office reply without a return date holds reminders this many days',
					},
					{
						displayName: 'Paid Claim Check (Business Days)',
						name: 'paidConfirmDays',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 3,
						description:
							'After an "already paid" reply, reminders wait this long for the source to show the payment, then a person checks',
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
						displayName: 'Prefer Billing Contact',
						name: 'preferBillingContact',
						type: 'boolean',
						default: true,
						description:
							"Whether the invoice's designated billing contact (QuickBooks BillEmail, Xero contact persons with Include in Emails, a contacts list with a billing role, a billingEmail column) gets the message instead of the main contact",
					},
					{
						displayName: 'Promise Grace Days',
						name: 'promiseGraceDays',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 1,
					},
					{
						displayName: 'Receipt Check',
						name: 'receiptCheck',
						type: 'boolean',
						default: false,
						description:
							'Whether to ask once, a few days after the invoice is issued and before it is due, whether it arrived (receipt-check template)',
					},
					{
						displayName: 'Receipt Check After (Days)',
						name: 'receiptCheckDays',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 2,
						description: 'Days after the issue date (2: the seeds’ 48 hours)',
					},
					{
						displayName: 'Reservation Timeout (Minutes)',
						name: 'reservationTimeoutMinutes',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 30,
						description:
							"Ledger Input: a reservation no Record confirmed is another execution's live send for this long (the invoice waits); after it, the send's outcome is unknown",
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
						default: '',
						description:
							"Empty: the sign-off in the customer's language (Accounts Receivable, Ihre Buchhaltung, Service comptabilité, …)",
					},
					{
						displayName: 'Spacing (Hours)',
						name: 'spacingHours',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 48,
						description: 'Minimum hours between two touches of the same invoice',
					},
					{
						displayName: 'Thank Unchased Payers Too',
						name: 'thankYouUnchased',
						type: 'boolean',
						default: false,
						description: 'Whether invoices that never had a reminder also get the thank-you',
					},
					{
						displayName: 'Thank-You After Payment',
						name: 'thankYou',
						type: 'boolean',
						default: false,
						description:
							'Whether to thank the customer once when a chased invoice turns paid (feed paid invoices to Plan too, for example from Closed)',
					},
					{
						displayName: 'Unconfirmed Sends',
						name: 'unconfirmedSends',
						type: 'options',
						options: [
							{
								name: 'Escalate (Send Outcome Unknown)',
								value: 'escalate',
								description:
									'A person checks whether it went out; it is never sent twice by itself',
							},
							{
								name: 'Retry the Step',
								value: 'retry',
								description: 'Send it again (counted as a failure); the customer may get it twice',
							},
						],
						default: 'escalate',
						description:
							'Ledger Input: what happens to a reservation no Record confirmed once the reservation timeout has passed',
					},
					{
						displayName: 'When Approval Times Out',
						name: 'approvalTimeout',
						type: 'options',
						options: [
							{ name: 'Ask Again', value: 'ask_again' },
							{ name: 'Escalate to a Person', value: 'escalate' },
						],
						default: 'ask_again',
						description: 'Ledger Input: what happens when nobody approved a step in time',
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return router(this);
	}
}
