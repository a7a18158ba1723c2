/**
 * The template workflows as tests use them: read from workflows/, and "test copies" whose sources and sinks are
 * retargeted at local fakes (FakeServices). Every other node, our five and the Data Table nodes included, is left as
 * shipped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject, INode } from 'n8n-workflow';

import type { FakeServices } from './fakeServices';
import { vendorFixture } from './fixtures';

export interface TemplateJson {
	id: string;
	name: string;
	nodes: INode[];
	connections: IDataObject;
	settings?: IDataObject;
	[key: string]: unknown;
}

export const WORKFLOWS_DIR = join(__dirname, '..', '..', 'workflows');

export function readTemplate(file: string): TemplateJson {
	return JSON.parse(readFileSync(join(WORKFLOWS_DIR, file), 'utf8')) as TemplateJson;
}

function httpNode(node: INode, url: string, jsonBody?: string): INode {
	return {
		...node,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		credentials: undefined,
		parameters: jsonBody
			? { method: 'POST', url, sendBody: true, specifyBody: 'json', jsonBody, options: {} }
			: { method: 'GET', url, options: {} },
	};
}

/** The same HTTP Request node (its paging included), pointed at a fake and without credentials. */
function retarget(node: INode, url: string): INode {
	const parameters = { ...(node.parameters as IDataObject) };
	delete parameters.nodeCredentialType;
	return {
		...node,
		credentials: undefined,
		parameters: { ...parameters, url, authentication: 'none' },
	};
}

function webhookTrigger(node: INode, path: string): INode {
	return {
		...node,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: path,
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
	};
}

/** Our nodes plan, judge and report at a fixed instant, so a test's "today" is the same whatever day it runs. */
function atInstant(node: INode, asOf: string): INode {
	if (!node.type.startsWith('n8n-nodes-invoice-followup.')) return node;
	const parameters = node.parameters as IDataObject;
	return {
		...node,
		parameters: {
			...parameters,
			options: { ...((parameters.options as IDataObject) ?? {}), asOf },
		},
	};
}

export interface TestCopyOptions {
	id: string;
	/** The instant our nodes judge at ("today" of this run). */
	asOf: string;
	/** Replace the schedule / mail trigger with a production webhook at this path (queue mode runs only those). */
	webhookPath?: string;
}

/**
 * The daily template with Stripe, Gmail and Slack pointed at the fakes (the Data Table nodes stay as shipped: the
 * ledger is the real one in n8n's database). The owner's Slack click is the fake's answer per invoice.
 */
export function dailyTestCopy(fakes: FakeServices, options: TestCopyOptions): TemplateJson {
	const template = readTemplate('invoice-follow-up-daily.json');
	const nodes = template.nodes.map((node): INode => {
		switch (node.name) {
			case 'Stripe: open invoices':
				return retarget(node, fakes.url('/stripe/v1/invoices'));
			case 'Gmail: send':
				return retarget(node, fakes.url('/gmail/send'));
			case 'Slack: tell the owner':
				return httpNode(
					node,
					fakes.url('/slack/chat.postMessage'),
					'={{ { text: $json.escalation.packet.summary, invoice: $json.invoice.number, reasons: $json.escalation.reasons } }}',
				);
			case 'Slack: ask the owner':
				return httpNode(
					node,
					fakes.url('/slack/approval'),
					'={{ { text: $json.escalation.packet.slackApprovalMessage, invoice: $json.invoice.number, stepId: $json.cadence.step.id } }}',
				);
			case 'Weekdays at 09:00':
				return options.webhookPath ? webhookTrigger(node, options.webhookPath) : node;
			default:
				return atInstant(node, options.asOf);
		}
	});
	return { ...template, id: options.id, name: `${template.name} (${options.id})`, nodes };
}

/** The reply template: the Gmail trigger becomes a trigger plus a read of the fake inbox (same node name). */
export function replyTestCopy(fakes: FakeServices, options: TestCopyOptions): TemplateJson {
	const template = readTemplate('reply-triage.json');
	const trigger: INode = {
		id: 'b0d7a1c2-5f1e-4c3b-9a11-7e2d3c4b5a61',
		name: 'Replies arrive',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [-240, 300],
		parameters: {},
	};
	const nodes = template.nodes.map((node): INode => {
		switch (node.name) {
			case 'New reply in Gmail':
				return { ...httpNode(node, fakes.url('/gmail/replies')), position: node.position };
			case 'Stripe: open invoices':
				return retarget(node, fakes.url('/stripe/v1/invoices'));
			case 'Slack: tell the owner':
				return httpNode(
					node,
					fakes.url('/slack/chat.postMessage'),
					'={{ { text: $json.escalation.packet.summary, invoice: $json.invoice?.number ?? null, reasons: $json.escalation.reasons } }}',
				);
			default:
				return atInstant(node, options.asOf);
		}
	});
	const connections = {
		...template.connections,
		[trigger.name]: { main: [[{ node: 'New reply in Gmail', type: 'main', index: 0 }]] },
	};
	return {
		...template,
		id: options.id,
		name: `${template.name} (${options.id})`,
		nodes: [options.webhookPath ? webhookTrigger(trigger, options.webhookPath) : trigger, ...nodes],
		connections,
	};
}

/** The weekly report with both QuickBooks reads pointed at the fake and its sinks at Slack / Gmail fakes. */
export function weeklyTestCopy(
	fakes: FakeServices,
	options: TestCopyOptions & { periodMonths?: number },
): TemplateJson {
	const template = readTemplate('weekly-collections-report.json');
	const nodes = template.nodes.map((node): INode => {
		switch (node.name) {
			case 'QuickBooks: open invoices':
			case 'QuickBooks: last 6 months':
				return httpNode(node, fakes.url('/quickbooks/invoices'));
			case 'Slack: post the report':
				return httpNode(
					node,
					fakes.url('/slack/chat.postMessage'),
					'={{ { text: $json.slack.text } }}',
				);
			case 'Gmail: email the report':
				return httpNode(node, fakes.url('/gmail/send'), '={{ { html: $json.html.length } }}');
			case 'Collections Report': {
				const report = atInstant(node, options.asOf);
				const parameters = report.parameters as IDataObject;
				return options.periodMonths
					? {
							...report,
							parameters: {
								...parameters,
								options: {
									...(parameters.options as IDataObject),
									periodMonths: options.periodMonths,
								},
							},
						}
					: report;
			}
			default:
				return atInstant(node, options.asOf);
		}
	});
	return { ...template, id: options.id, name: `${template.name} (${options.id})`, nodes };
}

const unix = (date: string) => Math.floor(Date.parse(`${date}T17:00:00Z`) / 1000);

/** Stripe invoices (the docs example, reshaped) for a book as of Wednesday 2026-11-18. */
export function stripeBook(): object[] {
	const base = vendorFixture('stripe-invoice-paid.json');
	const invoice = (
		id: string,
		cents: number,
		due: string,
		email: string,
		metadata: IDataObject = {},
		status = 'open',
	) => ({
		...base,
		id,
		number: id.toUpperCase().replace('IN_', 'INV-'),
		status,
		currency: 'usd',
		collection_method: 'send_invoice',
		total: cents,
		amount_due: cents,
		amount_paid: status === 'paid' ? cents : 0,
		amount_remaining: status === 'paid' ? 0 : cents,
		due_date: unix(due),
		customer_email: email,
		customer_name: email.split('@')[1].split('.')[0],
		hosted_invoice_url: `https://invoice.stripe.example/${id}`,
		metadata: { timezone: 'America/New_York', ...metadata },
	});
	return [
		invoice('in_overdue7', 120_000, '2026-11-11', 'ap@acme.example'),
		invoice('in_duetoday', 53_000, '2026-11-18', 'ap@globex.example', {
			message_id: '<invoice-duetoday@billing.example>',
		}),
		invoice('in_disputed', 330_000, '2026-10-30', 'ap@stark.example', { disputed: 'true' }),
		invoice('in_notdue', 220_000, '2026-12-20', 'ap@initech.example'),
		invoice('in_bigold', 2_500_000, '2026-10-04', 'ap@umbrella.example'),
		invoice('in_optedout', 27_500, '2026-11-01', 'ap@soylent.example', { opted_out: 'true' }),
		invoice('in_paid', 90_000, '2026-11-01', 'ap@hooli.example', {}, 'paid'),
		invoice('in_duesoon', 41_500, '2026-11-21', 'ap@wayne.example'),
	];
}
