/**
 * Local fakes of the services the daily template talks to, on 127.0.0.1 only: Stripe (list invoices), Gmail (send),
 * Slack (post a message) and Google Sheets (append, and read back the appended rows). Every request is recorded so tests can assert exactly what was
 * sent. Tests point the template's HTTP nodes at `url(…)`.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	service: 'stripe' | 'gmail' | 'slack' | 'sheets';
	method: string;
	path: string;
	headers: IncomingMessage['headers'];
	body: unknown;
	at: number;
}

export class FakeServices {
	readonly requests: RecordedRequest[] = [];
	private server?: Server;
	private port = 0;

	/** Stripe invoices served at GET /stripe/v1/invoices (a Stripe list object). */
	constructor(public stripeInvoices: object[] = []) {}

	async start(): Promise<this> {
		this.server = createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', () => {
				const raw = Buffer.concat(chunks).toString('utf8');
				let body: unknown = raw;
				try {
					body = raw ? JSON.parse(raw) : undefined;
				} catch {
					body = raw;
				}
				const path = (request.url ?? '/').split('?')[0];
				const service = path.split('/')[1] as RecordedRequest['service'];
				this.requests.push({
					service,
					method: request.method ?? 'GET',
					path,
					headers: request.headers,
					body,
					at: Date.now(),
				});
				const reply = (status: number, payload: object) => {
					response.writeHead(status, { 'content-type': 'application/json' });
					response.end(JSON.stringify(payload));
				};
				if (service === 'stripe' && path === '/stripe/v1/invoices') {
					return reply(200, {
						object: 'list',
						url: '/v1/invoices',
						has_more: false,
						data: this.stripeInvoices,
					});
				}
				if (service === 'gmail')
					return reply(200, {
						id: `msg-${this.requests.length}`,
						threadId: 'thread-1',
						labelIds: ['SENT'],
					});
				if (service === 'slack')
					return reply(200, { ok: true, channel: 'C0FAKE', ts: `${Date.now() / 1000}` });
				if (service === 'sheets' && request.method === 'GET') {
					return reply(200, { rows: this.sent('sheets').map((logged) => logged.body) });
				}
				if (service === 'sheets') return reply(200, { updates: { updatedRows: 1 } });
				return reply(404, { error: `no fake for ${request.method} ${path}` });
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.port = (this.server!.address() as AddressInfo).port;
		return this;
	}

	url(path: string): string {
		return `http://127.0.0.1:${this.port}${path}`;
	}

	sent(service: RecordedRequest['service']): RecordedRequest[] {
		return this.requests.filter(
			(request) => request.service === service && request.method !== 'GET',
		);
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
	}
}
