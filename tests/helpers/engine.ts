/**
 * Runs workflows inside the real n8n engine, in-process: n8n-core's WorkflowExecute from the pinned n8n install,
 * with this package's node types and any stock node from n8n-nodes-base. Parameters go through n8n's own
 * resolution (expressions, defaults), outputs through its routing, errors through its continueOnFail handling.
 * In the spirit of n8n's NodeTestHarness, so a test reads like a small canvas.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
	IConnections,
} from 'n8n-workflow';

const REPO = join(__dirname, '..', '..');
const N8N_MODULES = join(REPO, 'scripts', 'runtime', 'n8n', 'node_modules');
export const PACKAGE_NAME = 'n8n-nodes-invoice-followup';

if (!existsSync(join(N8N_MODULES, 'n8n-core'))) {
	throw new Error(
		'The pinned n8n is not installed: run `npm test` (or `bash scripts/runtime.sh`) once to install it.',
	);
}
// n8n-core reads its settings on first use; keep it away from ~/.n8n.
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-engine-'));
process.env.N8N_RUNNERS_ENABLED ??= 'false';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';

/* eslint-disable @typescript-eslint/no-require-imports */
const workflowLib = require(join(N8N_MODULES, 'n8n-workflow')) as typeof import('n8n-workflow');
const core = require(join(N8N_MODULES, 'n8n-core')) as {
	WorkflowExecute: new (
		additionalData: IWorkflowExecuteAdditionalData,
		mode: WorkflowExecuteMode,
		runExecutionData?: IRunExecutionData,
	) => {
		processRunExecutionData(workflow: unknown): Promise<IRun>;
	};
	ExecutionLifecycleHooks: new (
		mode: WorkflowExecuteMode,
		executionId: string,
		workflowData: unknown,
	) => {
		addHandler(name: string, handler: (...args: unknown[]) => void): void;
	};
};
/* eslint-enable @typescript-eslint/no-require-imports */

type NodeClass = new () => INodeType;

/** Our nodes, compiled on the fly by jest from the TypeScript sources. */
const OUR_NODES: Record<string, string> = {
	paymentStateCheck: 'nodes/PaymentStateCheck/PaymentStateCheck.node',
	cadenceStep: 'nodes/CadenceStep/CadenceStep.node',
	replyTriage: 'nodes/ReplyTriage/ReplyTriage.node',
	escalationGate: 'nodes/EscalationGate/EscalationGate.node',
	collectionsReport: 'nodes/CollectionsReport/CollectionsReport.node',
};

let stockNodePaths: Map<string, string> | undefined;

function stockNodePath(name: string): string | undefined {
	if (!stockNodePaths) {
		stockNodePaths = new Map();
		const manifest = JSON.parse(
			readFileSync(join(N8N_MODULES, 'n8n-nodes-base', 'package.json'), 'utf8'),
		) as { n8n: { nodes: string[] } };
		for (const file of manifest.n8n.nodes) {
			const base = file.split('/').pop()!.replace('.node.js', '');
			stockNodePaths.set(
				base.charAt(0).toLowerCase() + base.slice(1),
				join(N8N_MODULES, 'n8n-nodes-base', file),
			);
		}
	}
	return stockNodePaths.get(name);
}

const loaded = new Map<string, INodeType>();

/** Makes an extra node type (e.g. the benchmark's pass-through node) available to workflows under `type`. */
export function registerNodeType(type: string, nodeType: INodeType): void {
	loaded.set(type, nodeType);
}

function loadNodeType(type: string): INodeType {
	const cached = loaded.get(type);
	if (cached) return cached;
	const [pkg, name] = type.split('.');
	let instance: INodeType | undefined;
	if (pkg === PACKAGE_NAME && OUR_NODES[name]) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const module = require(join(REPO, OUR_NODES[name])) as Record<string, NodeClass>;
		const NodeType = Object.values(module)[0];
		instance = new NodeType();
	} else if (pkg === 'n8n-nodes-base') {
		const path = stockNodePath(name);
		if (path) {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const module = require(path) as Record<string, NodeClass>;
			const NodeType = Object.values(module).find((value) => typeof value === 'function')!;
			instance = new NodeType();
		}
	}
	if (!instance) throw new Error(`Unknown node type "${type}" in the test workflow`);
	loaded.set(type, instance);
	return instance;
}

const nodeTypes: INodeTypes = {
	getByName: (type: string) => loadNodeType(type),
	getByNameAndVersion: (type: string, version?: number) => {
		const nodeType = loadNodeType(type) as INodeType & {
			nodeVersions?: Record<number, INodeType>;
			currentVersion?: number;
		};
		if (nodeType.nodeVersions)
			return (
				nodeType.nodeVersions[version ?? nodeType.currentVersion!] ??
				nodeType.nodeVersions[nodeType.currentVersion!]
			);
		return nodeType;
	},
	getKnownTypes: () => ({}),
} as unknown as INodeTypes;

/** Hands credentials to nodes by type, as n8n's CredentialsHelper would after decrypting them. */
function credentialsHelper(credentials: Record<string, ICredentialDataDecryptedObject>) {
	return {
		getParentTypes: () => [],
		authenticate: async (_credentials: unknown, _type: string, requestOptions: unknown) =>
			requestOptions,
		preAuthentication: async () => undefined,
		getCredentials: async () => ({}),
		getDecrypted: async (
			_additionalData: unknown,
			nodeCredentials: { name?: string },
			type: string,
		) => {
			const found = credentials[type];
			if (!found)
				throw new Error(`No test credentials for type "${type}" (${nodeCredentials?.name ?? ''})`);
			return found;
		},
		updateCredentials: async () => undefined,
		updateCredentialsOauthTokenData: async () => undefined,
		getCredentialsProperties: () => [],
		// n8n's credential-to-node restriction: every credential here is one the test chose for its node.
		isCredentialUsableByNode: () => true,
	};
}

export interface WorkflowJson {
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IDataObject;
	staticData?: IDataObject | null;
}

export interface RunOptions {
	/** Items the start (trigger) node emits. Default one empty item. */
	input?: IDataObject[] | INodeExecutionData[];
	/** Default 'trigger': a production-like execution, as a schedule or webhook would start it. */
	mode?: WorkflowExecuteMode;
	/** The workflow's static data before the run; mutated in place, so pass the same object to the next run. */
	staticData?: IDataObject;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Which node starts; default the first node without incoming connections. */
	startNode?: string;
	/** The execution's id (default 'engine-test-execution'): distinct ids tell overlapping runs apart. */
	executionId?: string;
}

export interface RunResult {
	run: IRun;
	/** Items of one output of a node (first run), as INodeExecutionData. */
	items(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** The JSON of one output of a node. */
	json(nodeName: string, outputIndex?: number): IDataObject[];
	/** Item counts per output of a node. */
	counts(nodeName: string): number[];
	/** The error the run stopped with, if any. */
	error: IRun['data']['resultData']['error'];
	staticData: IDataObject;
	/** The execution hints a node added with addExecutionHints (shown in the output pane). */
	hints(nodeName: string): string[];
}

function toItems(input: RunOptions['input']): INodeExecutionData[] {
	if (!input) return [{ json: {} }];
	return (input as Array<IDataObject | INodeExecutionData>).map((entry) =>
		entry && typeof entry === 'object' && 'json' in entry && typeof entry.json === 'object'
			? (entry as INodeExecutionData)
			: { json: entry as IDataObject },
	);
}

let nodeCounter = 0;

/** Executes a workflow (the same JSON the n8n editor exports) and returns every node's outputs. */
export async function runWorkflow(
	workflow: WorkflowJson,
	options: RunOptions = {},
): Promise<RunResult> {
	const staticData = options.staticData ?? (workflow.staticData as IDataObject) ?? {};
	const nodes = workflow.nodes.map((node) => ({
		...node,
		id: node.id ?? `node-${++nodeCounter}`,
		position: node.position ?? ([0, 0] as [number, number]),
		parameters: node.parameters ?? {},
	}));
	const instance = new workflowLib.Workflow({
		id: 'engine-test',
		name: workflow.name ?? 'engine test',
		nodes,
		connections: workflow.connections,
		active: true,
		nodeTypes,
		staticData,
		settings: { executionOrder: 'v1', ...(workflow.settings ?? {}) },
	});
	const mode = options.mode ?? 'trigger';
	const executionId = options.executionId ?? 'engine-test-execution';
	const hooks = new core.ExecutionLifecycleHooks(mode, executionId, {
		id: 'engine-test',
		nodes,
		connections: workflow.connections,
	});
	const additionalData = {
		hooks,
		credentialsHelper: credentialsHelper(options.credentials ?? {}),
		executionId,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		userId: 'engine-test-user',
		variables: {},
		setExecutionStatus: () => undefined,
		sendDataToUI: () => undefined,
		logAiEvent: () => undefined,
		startRunnerTask: async () => {
			throw new Error('The in-process engine harness runs no Code node task runner');
		},
	} as unknown as IWorkflowExecuteAdditionalData;

	const startName = options.startNode ?? (instance.getStartNode() as INode | undefined)?.name;
	const start = startName ? instance.getNode(startName) : null;
	if (!start) throw new Error('The test workflow has no start node');
	const runExecutionData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [{ node: start, data: { main: [toItems(options.input)] }, source: null }],
		},
	} as unknown as IRunExecutionData;

	const execute = new core.WorkflowExecute(additionalData, mode, runExecutionData);
	const run = await execute.processRunExecutionData(instance);
	const runData = run.data.resultData.runData;
	const main = (nodeName: string) => {
		const task = runData[nodeName]?.[0];
		if (!task) {
			const failed = run.data.resultData.error;
			throw new Error(
				`Node "${nodeName}" did not run${failed ? `: ${failed.message} ${(failed as { description?: string }).description ?? ''}` : ''}`,
			);
		}
		return task.data?.main ?? [];
	};
	return {
		run,
		items: (nodeName, outputIndex = 0) => main(nodeName)[outputIndex] ?? [],
		json: (nodeName, outputIndex = 0) =>
			(main(nodeName)[outputIndex] ?? []).map((item) => item.json),
		counts: (nodeName) => main(nodeName).map((output) => output?.length ?? 0),
		error: run.data.resultData.error,
		staticData: instance.staticData as IDataObject,
		hints: (nodeName) =>
			((runData[nodeName]?.[0] as { hints?: Array<{ message: string }> })?.hints ?? []).map(
				(hint) => hint.message,
			),
	};
}

export interface RunNodeOptions extends RunOptions {
	/** Node type without the package prefix for ours ("paymentStateCheck"), or a full type ("n8n-nodes-base.set"). */
	type: string;
	parameters?: IDataObject;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Node-level settings such as `{ onError: 'continueRegularOutput' }` or `{ continueOnFail: true }`. */
	settings?: Partial<INode>;
	/** Credentials the node references, by type: `{ openAiCompatibleApi: { id: '1', name: 'AI' } }`. */
	nodeCredentials?: INode['credentials'];
}

export const NODE_UNDER_TEST = 'Node Under Test';

/** A two-node canvas: a trigger that emits `input`, then the node under test. */
export async function runNode(options: RunNodeOptions): Promise<RunResult> {
	const type = options.type.includes('.') ? options.type : `${PACKAGE_NAME}.${options.type}`;
	const workflow: WorkflowJson = {
		nodes: [
			{
				id: 'trigger',
				name: 'Trigger',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'under-test',
				name: NODE_UNDER_TEST,
				type,
				typeVersion: 1,
				position: [200, 0],
				parameters: options.parameters ?? {},
				credentials: options.nodeCredentials,
				...options.settings,
			} as INode,
		],
		connections: { Trigger: { main: [[{ node: NODE_UNDER_TEST, type: 'main', index: 0 }]] } },
	};
	return runWorkflow(workflow, options);
}
