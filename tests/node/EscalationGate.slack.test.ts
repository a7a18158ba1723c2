/**
 * The packet goes through n8n's own Slack node unchanged. Slack's API is not called: the engine's HTTP client
 * (the axios copy n8n's outbound HTTP layer uses) gets an adapter that records the request and answers like chat.postMessage.
 */
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import type { Invoice } from '../../src';
import { runWorkflow } from '../helpers/engine';

// The Slack node's import chain reaches the Form node's sanitize-html, an ES module jest cannot load; posting a
// message never calls it.
jest.mock('../../scripts/runtime/n8n/node_modules/sanitize-html', () =>
	Object.assign((html: string) => html, { defaults: { allowedTags: [], allowedAttributes: {} } }),
);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const axios = require(
	join(
		__dirname,
		'..',
		'..',
		'scripts',
		'runtime',
		'n8n',
		'node_modules',
		'@n8n',
		'backend-network',
		'node_modules',
		'axios',
	),
) as {
	defaults: { adapter: unknown };
};

const asOf = '2026-11-20T10:00:00Z';

const invoice: Invoice = {
	id: 'in_77',
	number: 'INV-77',
	source: 'stripe',
	status: 'open',
	lifecycle: 'open',
	currency: 'USD',
	total: 18000,
	amountPaid: 0,
	amountDue: 18000,
	totalMinor: 1800000,
	amountPaidMinor: 0,
	amountDueMinor: 1800000,
	amountDueFormatted: '$18,000.00',
	issuedOn: '2026-09-01',
	dueOn: '2026-10-01',
	customer: { name: 'Initech <AP> & Co', tier: 'strategic' },
	contact: {
		email: 'bill@initech.test',
		name: 'Bill',
		phone: '+1 212 555 0199',
		isBillingContact: true,
	},
	flags: {},
};

describe('Escalation Gate → Slack node', () => {
	const sent: IDataObject[] = [];
	let original: unknown;

	beforeAll(() => {
		original = axios.defaults.adapter;
		axios.defaults.adapter = async (config: {
			url?: string;
			baseURL?: string;
			data?: string;
			method?: string;
			headers?: unknown;
		}) => {
			const body =
				typeof config.data === 'string'
					? (JSON.parse(config.data) as IDataObject)
					: ((config.data ?? {}) as IDataObject);
			sent.push({ url: `${config.baseURL ?? ''}${config.url ?? ''}`, body });
			return {
				data: {
					ok: true,
					channel: 'C0ESCALATE',
					ts: '1732096800.000100',
					message: { text: body.text },
				},
				status: 200,
				statusText: 'OK',
				headers: { 'content-type': 'application/json' },
				config,
				request: {},
			};
		};
	});

	afterAll(() => {
		axios.defaults.adapter = original;
	});

	it('posts escalation.packet.slack as Block Kit blocks, as-is', async () => {
		const workflow = {
			nodes: [
				{
					id: 't',
					name: 'Trigger',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0] as [number, number],
					parameters: {},
				},
				{
					id: 'e',
					name: 'Escalation Gate',
					type: 'n8n-nodes-invoice-followup.escalationGate',
					typeVersion: 1,
					position: [200, 0] as [number, number],
					parameters: { options: { asOf, redactContact: true } },
				},
				{
					id: 's',
					name: 'Slack',
					type: 'n8n-nodes-base.slack',
					typeVersion: 2.3,
					position: [400, 0] as [number, number],
					parameters: {
						authentication: 'accessToken',
						resource: 'message',
						operation: 'post',
						select: 'channel',
						channelId: { __rl: true, mode: 'id', value: 'C0ESCALATE' },
						messageType: 'block',
						blocksUi: '={{ $json.escalation.packet.slack }}',
						text: '={{ $json.escalation.packet.slack.text }}',
						otherOptions: { includeLinkToWorkflow: false },
					},
					credentials: { slackApi: { id: '1', name: 'Slack' } },
				},
			],
			connections: {
				Trigger: { main: [[{ node: 'Escalation Gate', type: 'main' as const, index: 0 }]] },
				'Escalation Gate': { main: [[{ node: 'Slack', type: 'main' as const, index: 0 }]] },
			},
		};
		const result = await runWorkflow(workflow, {
			input: [{ invoice }],
			credentials: { slackApi: { accessToken: 'xoxb-test' } },
		});
		expect(result.error).toBeUndefined();
		expect(result.counts('Escalation Gate')).toEqual([1, 0]);
		expect(result.counts('Slack')).toEqual([1]);

		const post = sent.find((request) => String(request.url).includes('chat.postMessage'));
		expect(post).toBeDefined();
		const escalation = result.json('Escalation Gate', 0)[0].escalation as {
			packet: { slack: { text: string; blocks: unknown[] } };
		};
		const body = post!.body as { channel: string; blocks: unknown[]; text: string };
		expect(body.channel).toBe('C0ESCALATE');
		expect(body.blocks).toEqual(escalation.packet.slack.blocks);
		expect(body.text).toBe(escalation.packet.slack.text);
		expect(JSON.stringify(body)).not.toContain('bill@initech.test');
		expect(JSON.stringify(body)).toContain('Initech &lt;AP&gt; &amp; Co');
	});

	it('sends escalation.packet.slackApprovalMessage with "Send and Wait for Approval"', async () => {
		sent.length = 0;
		const workflow = {
			nodes: [
				{
					id: 't',
					name: 'Trigger',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0] as [number, number],
					parameters: {},
				},
				{
					id: 'e',
					name: 'Escalation Gate',
					type: 'n8n-nodes-invoice-followup.escalationGate',
					typeVersion: 1,
					position: [200, 0] as [number, number],
					parameters: { options: { asOf } },
				},
				{
					id: 's',
					name: 'Slack',
					type: 'n8n-nodes-base.slack',
					typeVersion: 2.3,
					position: [400, 0] as [number, number],
					webhookId: 'escalation-approval',
					parameters: {
						authentication: 'accessToken',
						resource: 'message',
						operation: 'sendAndWait',
						select: 'channel',
						channelId: { __rl: true, mode: 'id', value: 'C0ESCALATE' },
						message: '={{ $json.escalation.packet.slackApprovalMessage }}',
					},
					credentials: { slackApi: { id: '1', name: 'Slack' } },
				},
			],
			connections: {
				Trigger: { main: [[{ node: 'Escalation Gate', type: 'main' as const, index: 0 }]] },
				'Escalation Gate': { main: [[{ node: 'Slack', type: 'main' as const, index: 0 }]] },
			},
		};
		const result = await runWorkflow(workflow, {
			input: [{ invoice }],
			credentials: { slackApi: { accessToken: 'xoxb-test' } },
		});
		const post = sent.find((request) => String(request.url).includes('chat.postMessage'));
		expect(post).toBeDefined();
		const escalation = result.json('Escalation Gate', 0)[0].escalation as {
			packet: { slackApprovalMessage: string };
		};
		const blocks = (
			post!.body as { blocks: Array<{ type: string; text?: { type: string; text: string } }> }
		).blocks;
		// n8n decodes one level of entities; what reaches Slack is the packet's mrkdwn escaped exactly once.
		const section = blocks.find(
			(block) => block.type === 'section' && block.text?.text.startsWith('*P1'),
		);
		expect(section?.text?.type).toBe('mrkdwn');
		expect(section?.text?.text).toBe(escalation.packet.slackApprovalMessage.replace(/&amp;/g, '&'));
		expect(section?.text?.text).toContain('Initech &lt;AP&gt; &amp; Co');
		expect(section?.text?.text).not.toContain('<AP>');
	});
});
