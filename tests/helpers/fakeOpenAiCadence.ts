/**
 * A minimal OpenAI-compatible chat server on 127.0.0.1 for the Cadence Step AI tests: the real `openai` client
 * talks to it over HTTP. Each test sets `reply` (the assistant's content, or a delay to force a timeout).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeReply {
	content?: string;
	/** Milliseconds to wait before answering (longer than the client timeout forces a timeout). */
	delayMs?: number;
	status?: number;
}

export class FakeOpenAiCadence {
	reply: FakeReply = { content: '{}' };
	readonly requests: Array<{
		path: string;
		body: { model?: string; messages?: Array<{ role: string; content: string }> };
	}> = [];
	private server?: Server;
	private readonly timers = new Set<NodeJS.Timeout>();

	async start(): Promise<this> {
		this.server = createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', () => {
				const raw = Buffer.concat(chunks).toString('utf8');
				this.requests.push({ path: request.url ?? '/', body: raw ? JSON.parse(raw) : {} });
				const { content = '', delayMs = 0, status = 200 } = this.reply;
				const answer = () => {
					if (response.destroyed) return;
					response.writeHead(status, { 'content-type': 'application/json' });
					if (status !== 200) {
						response.end(
							JSON.stringify({ error: { message: 'fake failure', type: 'server_error' } }),
						);
						return;
					}
					response.end(
						JSON.stringify({
							id: 'chatcmpl-fake',
							object: 'chat.completion',
							created: 1_700_000_000,
							model: 'fake-model',
							choices: [
								{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } },
							],
							usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
						}),
					);
				};
				if (delayMs > 0) {
					const timer = setTimeout(() => {
						this.timers.delete(timer);
						answer();
					}, delayMs);
					this.timers.add(timer);
				} else answer();
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		return this;
	}

	get baseUrl(): string {
		return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/v1`;
	}

	async stop(): Promise<void> {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.server?.closeAllConnections();
		await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
	}
}
