/**
 * A ready, safe MIME message for a rendered reminder, built with nodemailer's MailComposer (loaded on first use):
 * text and HTML parts, In-Reply-To / References threading, and attachments from bytes. Every address and message
 * id is validated first, so nothing from invoice data can add a header; the Gmail API's raw send takes
 * `base64Url` as it is.
 */
import {
	EMAIL_RULE,
	MESSAGE_ID_RULE,
	bracketMessageId,
	isEmailAddress,
	isMessageId,
} from '../address';
import { MessageError } from './render';

export interface MimeAttachment {
	filename: string;
	/** The file's bytes (for example an n8n binary property's buffer), or their base64 text. */
	content: Buffer | string;
	contentType?: string;
}

export interface MimeInput {
	/** Sender address; Gmail's raw send fills in the authenticated account when it is left out. */
	from?: string;
	/** Sender display name, encoded by the library (never pasted into the header). */
	fromName?: string;
	to: string;
	cc?: readonly string[];
	replyTo?: string;
	subject?: string;
	text: string;
	html?: string;
	/** Message id of the original invoice e-mail: the reminder joins its thread. */
	inReplyTo?: string;
	/** The thread's message ids, oldest first; defaults to `inReplyTo`. */
	references?: readonly string[];
	attachments?: readonly MimeAttachment[];
	/** Date header (default now). */
	date?: Date;
	/** Message-ID of this message; the library makes one when it is left out. */
	messageId?: string;
}

export interface MimeMessage {
	/** The whole message as RFC 5322 text (CRLF line ends). */
	raw: string;
	/** The same bytes base64url-encoded: the Gmail API's `raw` field. */
	base64Url: string;
}

/** The parts of nodemailer's MimeNode tree the synchronous writer reads (see `writeTree`). */
interface MimeTreeNode {
	build(callback: (error: Error | null, message: Buffer) => void): void;
	buildHeaders(): string;
	getTransferEncoding(): string | false;
	childNodes: MimeTreeNode[];
	multipart?: string | false;
	boundary?: string;
	content?: unknown;
	contentType?: string;
	newline?: unknown;
	_raw?: unknown;
	_transforms: unknown[];
	_processFuncs: unknown[];
}
type Compiler = new (mail: Record<string, unknown>) => { compile(): MimeTreeNode };
interface EncoderStream {
	push(chunk: unknown, encoding?: BufferEncoding): boolean;
	_transform(chunk: Buffer, encoding: string, done: (error?: Error | null) => void): void;
	_flush(done: (error?: Error | null) => void): void;
}
type Encoder = new (options: Record<string, unknown>) => EncoderStream;
let MailComposer: Compiler | undefined;
let QpEncoder: Encoder | undefined;
let Base64Encoder: Encoder | undefined;

function address(value: unknown, field: string): string {
	if (!isEmailAddress(value))
		throw new MessageError(`${field} ${JSON.stringify(value)} ${EMAIL_RULE}`);
	return value;
}

function messageId(value: unknown, field: string): string {
	if (!isMessageId(value))
		throw new MessageError(`${field} ${JSON.stringify(value)} ${MESSAGE_ID_RULE}`);
	return bracketMessageId(value);
}

/** One header line: line breaks and other control characters become spaces (the library encodes the rest). */
function headerText(value: string): string {
	// eslint-disable-next-line no-control-regex
	return value.replace(/[\x00-\x1f\x7f\u2028\u2029]+/g, ' ').trim();
}

/**
 * `buildMimeMessage(input)`: the message, or a MessageError naming the field that is not a single valid address or
 * message id. Local files and URLs are never read: attachments are bytes only.
 */
export async function buildMimeMessage(input: MimeInput): Promise<MimeMessage> {
	const to = address(input.to, 'to');
	const cc = (input.cc ?? []).map((entry, index) => address(entry, `cc[${index}]`));
	const from = input.from === undefined ? undefined : address(input.from, 'from');
	const replyTo = input.replyTo === undefined ? undefined : address(input.replyTo, 'replyTo');
	const inReplyTo =
		input.inReplyTo === undefined ? undefined : messageId(input.inReplyTo, 'inReplyTo');
	const references = (input.references ?? (inReplyTo ? [inReplyTo] : [])).map((entry, index) =>
		messageId(entry, `references[${index}]`),
	);
	const ownId = input.messageId === undefined ? undefined : messageId(input.messageId, 'messageId');
	if (typeof input.text !== 'string') throw new MessageError('text must be a string');

	if (!MailComposer) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		MailComposer = require('nodemailer/lib/mail-composer') as Compiler;
	}
	const mail: Record<string, unknown> = {
		to,
		...(cc.length > 0 ? { cc } : {}),
		...(from
			? { from: input.fromName ? { name: headerText(input.fromName), address: from } : from }
			: {}),
		...(replyTo ? { replyTo } : {}),
		subject: headerText(input.subject ?? ''),
		text: input.text,
		...(input.html !== undefined ? { html: input.html } : {}),
		...(inReplyTo ? { inReplyTo } : {}),
		...(references.length > 0 ? { references } : {}),
		...(ownId ? { messageId: ownId } : {}),
		date: input.date ?? new Date(),
		attachments: (input.attachments ?? []).map((attachment) => ({
			filename: headerText(attachment.filename),
			content: attachment.content,
			...(typeof attachment.content === 'string' ? { encoding: 'base64' } : {}),
			...(attachment.contentType ? { contentType: attachment.contentType } : {}),
		})),
		disableFileAccess: true,
		disableUrlAccess: true,
	};
	const tree = new MailComposer!(mail).compile();
	const bytes =
		writeTree(tree) ??
		(await new Promise<Buffer>((resolve, reject) =>
			tree.build((error, message) => (error ? reject(error) : resolve(message))),
		));
	return { raw: bytes.toString('utf8'), base64Url: bytes.toString('base64url') };
}

/**
 * The bytes nodemailer's `build()` streams for a tree of in-memory parts, written synchronously: the same header
 * builder, transfer encodings and encoder classes, fed the whole part at once, without the stream pipeline,
 * setImmediate hops and abort signals that cost most of a build (about 1 ms per reminder). Undefined when the tree has
 * anything else (a stream, a file, a transform), which `build()` then handles. scripts/cadence-equality.js checks
 * it against `build()` byte for byte.
 */
export function writeTree(root: MimeTreeNode): Buffer | undefined {
	const chunks: Buffer[] = [];
	if (!writeNode(root, chunks)) return undefined;
	const last = chunks.length > 0 ? chunks[chunks.length - 1] : undefined;
	const lastByte = last && last.length > 0 ? last[last.length - 1] : undefined;
	// nodemailer's LastNewline: the message ends with a line break.
	if (lastByte === 0x0d) chunks.push(Buffer.from('\n'));
	else if (lastByte !== 0x0a) chunks.push(Buffer.from('\r\n'));
	return Buffer.concat(chunks);
}

/** Writes one part and its children; false when the part is one only `build()` can write. */
function writeNode(node: MimeTreeNode, chunks: Buffer[]): boolean {
	if (node._raw || node.newline || node._transforms.length > 0 || node._processFuncs.length > 0)
		return false;
	const content = node.content;
	if (content && typeof content !== 'string' && !Buffer.isBuffer(content)) return false;
	const transferEncoding = node.getTransferEncoding();
	chunks.push(Buffer.from(`${node.buildHeaders()}\r\n\r\n`));
	if (content) {
		const bytes = typeof content === 'string' ? Buffer.from(content) : (content as Buffer);
		if (transferEncoding === 'quoted-printable' || transferEncoding === 'base64') {
			if (!QpEncoder) {
				/* eslint-disable @typescript-eslint/no-require-imports */
				QpEncoder = (require('nodemailer/lib/qp') as { Encoder: Encoder }).Encoder;
				Base64Encoder = (require('nodemailer/lib/base64') as { Encoder: Encoder }).Encoder;
				/* eslint-enable @typescript-eslint/no-require-imports */
			}
			const encoder =
				transferEncoding === 'base64'
					? new Base64Encoder!({})
					: new QpEncoder({ binary: !/^text\//i.test(node.contentType || '') });
			encode(encoder, bytes, chunks);
		} else chunks.push(bytes);
	}
	if (node.multipart) {
		for (let index = 0; index < node.childNodes.length; index++) {
			chunks.push(Buffer.from(`${index > 0 ? '\r\n' : ''}--${node.boundary}\r\n`));
			if (!writeNode(node.childNodes[index], chunks)) return false;
		}
		chunks.push(Buffer.from(`\r\n--${node.boundary}--\r\n`));
	}
	return true;
}

/** The encoder's own transform and flush on the whole part, collecting what it pushes. */
function encode(encoder: EncoderStream, bytes: Buffer, chunks: Buffer[]): void {
	encoder.push = (chunk, encoding) => {
		if (chunk !== null && chunk !== undefined)
			chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), encoding));
		return true;
	};
	const fail = (error?: Error | null) => {
		if (error) throw error;
	};
	encoder._transform(bytes, 'buffer', fail);
	encoder._flush(fail);
}

/** The MIME fields a rendered e-mail step carries: what `buildMimeMessage` needs from a cadence message. */
export interface MimeReady {
	channel: string;
	to: string;
	cc: readonly string[];
	subject?: string;
	text: string;
	html?: string;
	threadHeaders?: Record<string, string>;
}

/**
 * The base64url MIME of a planned e-mail (`message.mimeBase64Url`), or undefined for other channels. Threading comes
 * from the message's In-Reply-To / References.
 */
export async function mimeForMessage(
	message: MimeReady,
	options: { from?: string; fromName?: string; attachments?: readonly MimeAttachment[] } = {},
): Promise<string | undefined> {
	if (message.channel !== 'email') return undefined;
	const thread = message.threadHeaders ?? {};
	const references = thread.References?.split(/\s+/).filter(Boolean);
	const built = await buildMimeMessage({
		...options,
		to: message.to,
		cc: message.cc,
		subject: message.subject,
		text: message.text,
		html: message.html,
		inReplyTo: thread['In-Reply-To'],
		references,
	});
	return built.base64Url;
}
