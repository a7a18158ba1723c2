import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/** Any OpenAI-compatible chat endpoint: OpenAI, Azure-style gateways, Ollama, vLLM, LM Studio, LiteLLM. */
export class OpenAiCompatibleApi implements ICredentialType {
	name = 'openAiCompatibleApi';

	displayName = 'OpenAI-Compatible API';

	icon: Icon = { light: 'file:openAiCompatible.svg', dark: 'file:openAiCompatible.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-invoice-followup/n8n-nodes-invoice-followup#ai-mode';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.openai.com/v1',
			description:
				'The API root, ending before /chat/completions (for Ollama: http://localhost:11434/v1)',
		},
		{
			displayName: 'Default Model',
			name: 'model',
			type: 'string',
			default: 'gpt-4o-mini',
			description: 'Used by Reply Triage and Cadence Step when the node does not name a model',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/$/, "")}}',
			url: '/models',
			method: 'GET',
		},
	};
}
