/** The one way a node turns the OpenAI-compatible credential into the AI configuration src/ai takes. */
import type { IExecuteFunctions } from 'n8n-workflow';

import type { AiConfig } from '../../src';

export const AI_CREDENTIAL = 'openAiCompatibleApi';
const DEFAULT_TIMEOUT_MS = 20_000;

/** Key, base URL and default model from the credential; `overrides` set the model, timeout, retries, temperature. */
export async function readAiConfig(
	ctx: IExecuteFunctions,
	overrides: Partial<Omit<AiConfig, 'apiKey' | 'baseUrl'>> = {},
): Promise<AiConfig> {
	const credentials = await ctx.getCredentials<{ apiKey: string; baseUrl: string; model: string }>(
		AI_CREDENTIAL,
	);
	return {
		apiKey: credentials.apiKey,
		baseUrl: credentials.baseUrl,
		timeoutMs: DEFAULT_TIMEOUT_MS,
		...overrides,
		model: overrides.model || credentials.model,
	};
}
