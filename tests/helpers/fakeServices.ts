/**
 * Local fakes of the services the templates talk to, on 127.0.0.1 only: Stripe (list invoices, paged like Stripe with
 * `starting_after` / `has_more`), Gmail (send, and the inbox of replies), Slack (post a message, and the owner's answer
 * to an approval request), QuickBooks (invoices) and Google Sheets (append, and read back the appended rows). Every
 * request is recorded so tests can assert exactly what was sent. Tests point the templates' HTTP nodes at `url(…)`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { createServer as createSecureServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RecordedRequest {
	service: 'stripe' | 'gmail' | 'slack' | 'sheets' | 'quickbooks';
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

	/** Invoices per page of GET /stripe/v1/invoices (Stripe's own default is 10, its maximum 100). */
	stripePageSize = 3;
	/** Replies waiting in the inbox: GET /gmail/replies hands them over once. */
	replies: object[] = [];
	/** The owner's answer per invoice number to POST /slack/approval (default: approved). */
	readonly approvals = new Map<string, boolean>();
	/** QuickBooks invoices served at GET /quickbooks/invoices. */
	quickbooksInvoices: object[] = [];

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
					const query = new URL(request.url ?? '/', 'http://fake').searchParams;
					const after = query.get('starting_after');
					const start = after
						? this.stripeInvoices.findIndex((invoice) => (invoice as { id: string }).id === after) +
							1
						: 0;
					const size = Math.min(Number(query.get('limit')) || 10, this.stripePageSize);
					const data = this.stripeInvoices.slice(start, start + size);
					return reply(200, {
						object: 'list',
						url: '/v1/invoices',
						has_more: start + size < this.stripeInvoices.length,
						data,
					});
				}
				if (service === 'gmail' && path === '/gmail/replies') {
					const inbox = this.replies;
					this.replies = [];
					return reply(200, inbox);
				}
				if (service === 'slack' && path === '/slack/approval') {
					const invoice = (body as { invoice?: string } | undefined)?.invoice ?? '';
					return reply(200, { data: { approved: this.approvals.get(invoice) ?? true } });
				}
				if (service === 'quickbooks') return reply(200, this.quickbooksInvoices);
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

/**
 * slack.com for n8n's own Slack node, whose API base URL is fixed: n8n honours HTTPS_PROXY, so this CONNECT proxy on
 * 127.0.0.1 terminates TLS for slack.com with a throwaway self-signed certificate (trusted through
 * NODE_EXTRA_CA_CERTS) and hands each Slack Web API call to the fake Slack at `/slack/api/<method>`, recorded like every
 * other request. Any other host is refused, so nothing leaves the machine. Needs the `openssl` command.
 */
export async function startSlackStandIn(
	fakes: FakeServices,
): Promise<{ env: NodeJS.ProcessEnv; stop(): Promise<void> }> {
	const dir = mkdtempSync(join(tmpdir(), 'fake-slack-tls-'));
	const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
	const made = spawnSync(
		'openssl',
		['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
			.concat(['-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=slack.com'])
			.concat(['-addext', 'subjectAltName=DNS:slack.com']),
		{ encoding: 'utf8' },
	);
	if (made.status !== 0) throw new Error(`openssl could not make a certificate: ${made.stderr}`);
	const target = new URL(fakes.url('/'));
	const tls = createSecureServer(
		{ key: readFileSync(key), cert: readFileSync(cert) },
		(req, res) => {
			const forward = httpRequest(
				{
					host: target.hostname,
					port: target.port,
					method: req.method,
					path: `/slack${req.url ?? '/'}`,
					headers: req.headers,
				},
				(answer) => {
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(res);
				},
			);
			req.pipe(forward);
		},
	);
	const proxy = createServer((_req, res) => res.writeHead(502).end());
	const tunnels = new Set<Socket>();
	proxy.on('connect', (req: IncomingMessage, socket: Socket) => {
		if (!/^slack\.com:443$/i.test(req.url ?? '')) {
			socket.destroy();
			return;
		}
		tunnels.add(socket.once('close', () => tunnels.delete(socket)));
		socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
		tls.emit('connection', socket);
	});
	await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
	const { port } = proxy.address() as AddressInfo;
	return {
		env: {
			HTTPS_PROXY: `http://127.0.0.1:${port}`,
			NO_PROXY: '127.0.0.1,localhost',
			NODE_EXTRA_CA_CERTS: cert,
		},
		stop: async () => {
			tunnels.forEach((socket) => socket.destroy());
			await new Promise<void>((resolve) => proxy.close(() => resolve()));
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
