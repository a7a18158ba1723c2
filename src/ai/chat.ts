/**
 * The one way this package talks to a model: any OpenAI-compatible endpoint through the `openai` package.
 * `openai` is loaded lazily, on the first call, so the rules engine and the nodes load without it.
 * Retries with backoff on 429 and 5xx and the per-request timeout come from the openai client itself.
 */
import type { ZodType } from 'zod';

export interface AiConfig {
	apiKey: string;
	/** API root ending before /chat/completions, e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1 */
	baseUrl: string;
	model: string;
	/** Per request, in milliseconds. Default 20 000. */
	timeoutMs?: number;
	/** Retries on 429, 5xx, timeouts and connection errors, with exponential backoff. Default 2. */
	maxRetries?: number;
	/** Default 0: classification and rewriting should be repeatable. */
	temperature?: number;
}

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant';
	content: string;
}

export type ChatResult<T> = { ok: true; value: T } | { ok: false; error: string };

type OpenAiClient = import('openai').OpenAI;
const clients = new Map<string, OpenAiClient>();

async function clientFor(config: AiConfig): Promise<OpenAiClient> {
	const key = `${config.baseUrl}|${config.apiKey}|${config.timeoutMs}|${config.maxRetries}`;
	let client = clients.get(key);
	if (!client) {
		const { OpenAI } = await import('openai');
		client = new OpenAI({
			apiKey: config.apiKey,
			baseURL: config.baseUrl.replace(/\/+$/, ''),
			timeout: config.timeoutMs ?? 20_000,
			maxRetries: config.maxRetries ?? 2,
		});
		clients.set(key, client);
	}
	return client;
}

/** Plain text completion. Never throws: failures come back as `{ ok: false, error }`. */
export async function chatText(
	config: AiConfig,
	messages: ChatMessage[],
): Promise<ChatResult<string>> {
	const started = Date.now();
	try {
		const client = await clientFor(config);
		const completion = await client.chat.completions.create({
			model: config.model,
			messages,
			temperature: config.temperature ?? 0,
		});
		const text = completion.choices[0]?.message?.content;
		if (typeof text !== 'string' || text.trim() === '')
			return { ok: false, error: 'the model returned no text' };
		return { ok: true, value: text };
	} catch (error) {
		return { ok: false, error: describeAiError(error, config, Date.now() - started) };
	}
}

/**
 * A JSON answer validated by a zod schema. Asks for `response_format: json_object`; tolerates a fenced code block.
 * An answer that is not JSON or does not match the schema is a failure, never a partial result.
 */
export async function chatJson<T>(
	config: AiConfig,
	messages: ChatMessage[],
	schema: ZodType<T>,
): Promise<ChatResult<T>> {
	let text: string;
	const started = Date.now();
	try {
		const client = await clientFor(config);
		const completion = await client.chat.completions.create({
			model: config.model,
			messages,
			temperature: config.temperature ?? 0,
			response_format: { type: 'json_object' },
		});
		const content = completion.choices[0]?.message?.content;
		if (typeof content !== 'string') return { ok: false, error: 'the model returned no content' };
		text = content;
	} catch (error) {
		return { ok: false, error: describeAiError(error, config, Date.now() - started) };
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse(text.trim().replace(/^```(?:json)?\s*|\s*```$/g, ''));
	} catch {
		return { ok: false, error: `the model's answer is not JSON: ${text.slice(0, 120)}` };
	}
	const checked = schema.safeParse(parsed);
	if (!checked.success) {
		return {
			ok: false,
			error: `the model's answer does not match the schema: ${checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
		};
	}
	return { ok: true, value: checked.data };
}

/**
 * A failure in words. A request cut by the client's timeout surfaces from `openai` as a bare "Connection error."
 * when the answer was late rather than the connection refused (issue 17): a connection error after the timeout
 * has passed is reported as the timeout it is.
 */
function describeAiError(error: unknown, config: AiConfig, elapsedMs: number): string {
	if (error && typeof error === 'object') {
		const { status, message } = error as { status?: number; message?: string };
		// openai's error classes do not set `name`; the constructor's name is theirs.
		const kind = (error as { constructor?: { name?: string } }).constructor?.name;
		const timeoutMs = config.timeoutMs ?? 20_000;
		if (
			kind === 'APIConnectionTimeoutError' ||
			(kind === 'APIConnectionError' && elapsedMs >= timeoutMs)
		)
			return `the model did not answer in time (timeout after ${timeoutMs} ms)`;
		if (status) return `the model endpoint answered ${status}: ${message ?? ''}`.trim();
		if (message) return message;
	}
	return String(error);
}

/** Runs async tasks with at most `concurrency` in flight, keeping results in input order. */
export async function mapWithConcurrency<T, R>(
	items: readonly T[],
	concurrency: number,
	task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await task(items[index], index);
		}
	};
	await Promise.all(
		Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker),
	);
	return results;
}
