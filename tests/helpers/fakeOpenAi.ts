/**
 * A local fake OpenAI-compatible chat server on 127.0.0.1, for tests that drive the real `openai` client.
 *
 *   const fake = await startFakeOpenAi();          // fake.baseUrl → http://127.0.0.1:<port>/v1
 *   fake.enqueue(FakeAnswers.json({ intent: 'promise_to_pay', ... }));
 *   fake.enqueue(FakeAnswers.status(429), FakeAnswers.json({...}));   // 429, then success on the retry
 *   fake.enqueue(FakeAnswers.text('not json {'));                      // malformed answer
 *   fake.enqueue(FakeAnswers.json({...}, { delayMs: 2_000 }));         // slower than the client timeout
 *   fake.respond((request) => FakeAnswers.json(...));                 // computed answer when the queue is empty
 *   fake.requests                                                     // every request body, in arrival order
 *   await fake.close();
 *
 * Queued answers are used first, one per request; then the `respond` function; then `{}`.
 */
import {
	createServer,
	type IncomingHttpHeaders,
	type Server,
	type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeAnswer {
	/** HTTP status; default 200. Non-200 answers carry an OpenAI-style error body. */
	status?: number;
	/** The assistant message content (200 answers). */
	content?: string;
	/** Wait this long before answering (to force a client timeout). */
	delayMs?: number;
	/** Extra response headers; 429 and 5xx answers get `retry-after-ms: 10` unless set. */
	headers?: Record<string, string>;
}

export interface FakeRequest {
	path: string;
	headers: IncomingHttpHeaders;
	body: {
		model?: string;
		temperature?: number;
		response_format?: { type: string };
		messages?: Array<{ role: string; content: string }>;
	};
}

export const FakeAnswers = {
	/** A 200 answer whose content is `value` as JSON. */
	json(value: unknown, extra: Omit<FakeAnswer, 'content'> = {}): FakeAnswer {
		return { ...extra, content: JSON.stringify(value) };
	},
	/** A 200 answer with raw content (malformed JSON, prose, a fenced block ...). */
	text(content: string, extra: Omit<FakeAnswer, 'content'> = {}): FakeAnswer {
		return { ...extra, content };
	},
	/** An error status (429, 500, 503 ...). */
	status(status: number, extra: Omit<FakeAnswer, 'status'> = {}): FakeAnswer {
		return { ...extra, status };
	},
};

export interface FakeOpenAi {
	/** Base URL for the client, ending in /v1. */
	readonly baseUrl: string;
	readonly requests: FakeRequest[];
	/** Queue answers for the next requests, in order. */
	enqueue(...answers: FakeAnswer[]): void;
	/** Answer computed from the request when the queue is empty. */
	respond(handler: (request: FakeRequest) => FakeAnswer | Promise<FakeAnswer>): void;
	/** Forget queued answers, the handler and recorded requests. */
	reset(): void;
	/** The last user message of request `index` (default: the last request). */
	userMessage(index?: number): string;
	close(): Promise<void>;
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
	const queue: FakeAnswer[] = [];
	const requests: FakeRequest[] = [];
	let handler: ((request: FakeRequest) => FakeAnswer | Promise<FakeAnswer>) | undefined;
	const timers = new Set<NodeJS.Timeout>();

	const send = (response: ServerResponse, answer: FakeAnswer) => {
		if (response.destroyed || response.writableEnded) return;
		const status = answer.status ?? 200;
		const headers: Record<string, string> = {
			'content-type': 'application/json',
			...(answer.headers ?? {}),
		};
		if ((status === 429 || status >= 500) && !('retry-after-ms' in headers))
			headers['retry-after-ms'] = '10';
		response.writeHead(status, headers);
		if (status !== 200) {
			response.end(
				JSON.stringify({
					error: {
						message: `fake status ${status}`,
						type: status === 429 ? 'rate_limit_exceeded' : 'server_error',
					},
				}),
			);
			return;
		}
		response.end(
			JSON.stringify({
				id: `chatcmpl-fake-${requests.length}`,
				object: 'chat.completion',
				created: 1_700_000_000,
				model: 'fake-model',
				choices: [
					{
						index: 0,
						finish_reason: 'stop',
						message: { role: 'assistant', content: answer.content ?? '{}' },
					},
				],
				usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
			}),
		);
	};

	const server: Server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			let body: FakeRequest['body'] = {};
			try {
				body = raw ? (JSON.parse(raw) as FakeRequest['body']) : {};
			} catch {
				body = {};
			}
			const recorded: FakeRequest = { path: request.url ?? '/', headers: request.headers, body };
			requests.push(recorded);
			void (async () => {
				const answer = queue.shift() ?? (handler ? await handler(recorded) : { content: '{}' });
				if (answer.delayMs) {
					const timer = setTimeout(() => {
						timers.delete(timer);
						send(response, answer);
					}, answer.delayMs);
					timers.add(timer);
				} else {
					send(response, answer);
				}
			})();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;

	return {
		baseUrl: `http://127.0.0.1:${port}/v1`,
		requests,
		enqueue: (...answers) => queue.push(...answers),
		respond: (next) => {
			handler = next;
		},
		reset: () => {
			queue.length = 0;
			requests.length = 0;
			handler = undefined;
		},
		userMessage: (index = requests.length - 1) =>
			requests[index]?.body.messages?.filter((message) => message.role === 'user').pop()?.content ??
			'',
		close: async () => {
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** A model's triage answer in the shape Reply Triage asks for; override the fields a test cares about. */
export function triageAnswer(fields: Record<string, unknown>): Record<string, unknown> {
	return {
		intent: 'other',
		intents: [],
		confidence: 0.9,
		promisedDate: null,
		returnDate: null,
		newContactEmail: null,
		documentsRequested: [],
		summary: 'A reply.',
		...fields,
	};
}
