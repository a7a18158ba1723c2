/**
 * Which invoices a customer's reply concerns. Pure: the node hands it the reply, what triage read from it, and what
 * it knows about invoices (collections-ledger rows and open invoices), and gets back invoice ids with the evidence.
 *
 * Matching order (the first rules decide; a later rule runs only when the earlier ones found nothing):
 * 1. thread: the reply's In-Reply-To / References name a message we sent (a touch's messageId) or the invoice's
 *    original e-mail (`invoice.messageId`);
 * 2. number: invoice numbers written in the reply (the ones triage extracted, or any known number in the text).
 *    Numbers also add to a thread match: a reply in one invoice's thread that names another concerns both;
 * 3. sender: the sender's address is the billing contact (or a reminder's recipient) of open invoices: all of them;
 * 4. domain: the sender's domain is one of those contacts' domains (never a shared mailbox provider): all of them.
 * No match: the reply goes to a person, who knows the customer.
 */

/** What the matcher needs from a ledger event (any `LedgerEvent` fits). */
export interface MatchLedgerEvent {
	kind: string;
	invoiceId: string;
	messageId?: string;
	key?: string;
	message?: { to?: string; cc?: string[]; threadHeaders?: Record<string, string> };
}

/** What the matcher needs from an invoice (any normalised `Invoice` fits). */
export interface MatchInvoice {
	id: string;
	number?: string | null;
	messageId?: string | null;
	contact?: { email?: string | null } | null;
	customer?: { id?: string | null; name?: string | null } | null;
	amountDue?: number;
	status?: string;
}

export interface MatchReply {
	from: string;
	subject?: string;
	text?: string;
	headers?: Record<string, string | string[] | undefined>;
	/** Invoice numbers triage found in the reply (`extracted.invoiceNumbers`). */
	invoiceNumbers?: readonly string[];
}

export type MatchRule = 'thread' | 'number' | 'sender' | 'domain';

export interface InvoiceMatch {
	invoiceId: string;
	number?: string;
	by: MatchRule;
	/** What matched: the message id, the number, the address or the domain. */
	evidence: string;
}

export interface ReplyMatch {
	matched: boolean;
	invoices: InvoiceMatch[];
	/** Why nothing matched, for the person who gets the reply. */
	reason?: string;
}

/** Mailbox providers whose domain says nothing about the customer. */
const SHARED_DOMAINS = new Set([
	'gmail.com',
	'googlemail.com',
	'outlook.com',
	'hotmail.com',
	'live.com',
	'msn.com',
	'yahoo.com',
	'ymail.com',
	'icloud.com',
	'me.com',
	'mac.com',
	'aol.com',
	'proton.me',
	'protonmail.com',
	'gmx.com',
	'gmx.de',
	'gmx.net',
	'web.de',
	'mail.com',
	'yandex.com',
	'yandex.ru',
	'zoho.com',
	'qq.com',
	'163.com',
	'126.com',
	'naver.com',
	'orange.fr',
	'free.fr',
	'laposte.net',
	'libero.it',
	'btinternet.com',
	'comcast.net',
	'fastmail.com',
]);

interface Known {
	invoiceId: string;
	number?: string;
	open: boolean;
}

/** Everything known about invoices, indexed once per run (linear in rows + invoices). */
export interface MatchIndex {
	byMessageId: Map<string, Set<string>>;
	byNumber: Map<string, string>;
	byAddress: Map<string, Set<string>>;
	byDomain: Map<string, Set<string>>;
	invoices: Map<string, Known>;
}

/** `<a@b>`, `a@b` and case differences are the same message id. */
export function normalizeMessageId(value: string): string {
	return value.trim().replace(/^<|>$/g, '').trim().toLowerCase();
}

/** The bare address of `Name <a@b.example>` (lower case), or '' when there is none. */
export function addressOfSender(from: string): string {
	const angle = /<([^<>@\s]+@[^<>\s]+)>/.exec(from);
	const bare = angle?.[1] ?? /[^\s<>"',;:]+@[^\s<>"',;:]+/.exec(from)?.[0] ?? '';
	return bare.replace(/\.$/, '').toLowerCase();
}

function domainOf(address: string): string {
	const at = address.lastIndexOf('@');
	return at < 0 ? '' : address.slice(at + 1);
}

/** Number tokens compare without case, spaces or separators: `INV-0042` = `inv 0042` = `INV0042`. */
function numberKey(value: string): string {
	return value.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function add(map: Map<string, Set<string>>, key: string, invoiceId: string): void {
	if (!key) return;
	const set = map.get(key);
	if (set) set.add(invoiceId);
	else map.set(key, new Set([invoiceId]));
}

/** Message ids in a header value (`<a@b> <c@d>`), or a bare one. */
function messageIds(value: string | string[] | undefined): string[] {
	if (!value) return [];
	const text = Array.isArray(value) ? value.join(' ') : value;
	const bracketed = text.match(/<[^<>\s]+>/g);
	if (bracketed) return bracketed.map(normalizeMessageId);
	return text
		.split(/[\s,]+/)
		.filter((part) => part.includes('@'))
		.map(normalizeMessageId);
}

export function buildMatchIndex(
	events: readonly MatchLedgerEvent[],
	invoices: readonly MatchInvoice[],
): MatchIndex {
	const index: MatchIndex = {
		byMessageId: new Map(),
		byNumber: new Map(),
		byAddress: new Map(),
		byDomain: new Map(),
		invoices: new Map(),
	};
	const known = (invoiceId: string): Known => {
		let entry = index.invoices.get(invoiceId);
		if (!entry) {
			// Only the ledger knows it: treated as open until an invoice item says otherwise.
			entry = { invoiceId, open: true };
			index.invoices.set(invoiceId, entry);
		}
		return entry;
	};
	const addAddress = (address: string, invoiceId: string) => {
		const clean = addressOfSender(address);
		if (!clean) return;
		add(index.byAddress, clean, invoiceId);
		const domain = domainOf(clean);
		if (domain && !SHARED_DOMAINS.has(domain)) add(index.byDomain, domain, invoiceId);
	};
	for (const invoice of invoices) {
		if (!invoice || typeof invoice.id !== 'string' || invoice.id === '') continue;
		const entry = known(invoice.id);
		entry.open = invoice.amountDue === undefined ? true : invoice.amountDue > 0;
		if (invoice.number) {
			entry.number = invoice.number;
			index.byNumber.set(numberKey(invoice.number), invoice.id);
		}
		if (invoice.messageId)
			add(index.byMessageId, normalizeMessageId(invoice.messageId), invoice.id);
		if (invoice.contact?.email) addAddress(invoice.contact.email, invoice.id);
	}
	for (const event of events) {
		if (!event || typeof event.invoiceId !== 'string' || event.invoiceId === '') continue;
		if (event.kind === 'payment') continue;
		// A consolidated e-mail's key (`a:s1+b:s2`) names every invoice it covered.
		const covered =
			event.kind === 'touch' && event.key?.includes('+')
				? event.key
						.split('+')
						.map((part) => part.slice(0, part.lastIndexOf(':')).trim())
						.filter(Boolean)
				: [event.invoiceId];
		for (const invoiceId of covered) {
			known(invoiceId);
			if (event.kind !== 'touch') continue;
			if (event.messageId) add(index.byMessageId, normalizeMessageId(event.messageId), invoiceId);
			const headers = event.message?.threadHeaders ?? {};
			for (const [name, value] of Object.entries(headers))
				if (/^(message-id|in-reply-to|references)$/i.test(name))
					for (const id of messageIds(value)) add(index.byMessageId, id, invoiceId);
			if (event.message?.to) addAddress(event.message.to, invoiceId);
		}
	}
	return index;
}

function header(headers: MatchReply['headers'], name: string): string | string[] | undefined {
	if (!headers) return undefined;
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers))
		if (key.toLowerCase() === wanted) return value;
	return undefined;
}

/** Words of the reply, and each word joined to the next ("INV 0042"), as candidate invoice numbers. */
function numberTokens(text: string): string[] {
	const words = text
		.split(/[\s,;:()[\]{}"'!?<>]+/)
		.map((word) => word.replace(/^[#.]+|[.]+$/g, ''));
	const tokens: string[] = [];
	for (let i = 0; i < words.length; i++) {
		if (!words[i]) continue;
		tokens.push(words[i]);
		if (words[i + 1]) tokens.push(`${words[i]}${words[i + 1]}`);
	}
	return tokens;
}

export function matchReply(reply: MatchReply, index: MatchIndex): ReplyMatch {
	const found = new Map<string, InvoiceMatch>();
	const take = (invoiceId: string, by: MatchRule, evidence: string) => {
		if (found.has(invoiceId)) return;
		found.set(invoiceId, {
			invoiceId,
			...(index.invoices.get(invoiceId)?.number
				? { number: index.invoices.get(invoiceId)!.number }
				: {}),
			by,
			evidence,
		});
	};

	// 1. thread headers
	const threadIds = [
		...messageIds(header(reply.headers, 'in-reply-to')),
		...messageIds(header(reply.headers, 'references')),
	];
	for (const id of threadIds)
		for (const invoiceId of index.byMessageId.get(id) ?? []) take(invoiceId, 'thread', `<${id}>`);

	// 2. invoice numbers, as triage read them and as they appear in the subject and text
	const candidates = [
		...(reply.invoiceNumbers ?? []),
		...numberTokens(`${reply.subject ?? ''}\n${reply.text ?? ''}`),
	];
	for (const candidate of candidates) {
		const invoiceId = index.byNumber.get(numberKey(candidate));
		if (invoiceId) take(invoiceId, 'number', index.invoices.get(invoiceId)?.number ?? candidate);
	}
	if (found.size > 0) return { matched: true, invoices: [...found.values()] };

	// 3. the sender's address, then 4. its domain: every open invoice of that customer
	const address = addressOfSender(reply.from);
	const open = (ids: Iterable<string>) => [...ids].filter((id) => index.invoices.get(id)?.open);
	if (address) {
		for (const invoiceId of open(index.byAddress.get(address) ?? []))
			take(invoiceId, 'sender', address);
		if (found.size > 0) return { matched: true, invoices: [...found.values()] };
		const domain = domainOf(address);
		if (domain && !SHARED_DOMAINS.has(domain))
			for (const invoiceId of open(index.byDomain.get(domain) ?? []))
				take(invoiceId, 'domain', domain);
		if (found.size > 0) return { matched: true, invoices: [...found.values()] };
	}
	return {
		matched: false,
		invoices: [],
		reason: address
			? `no invoice matched: not in a reminder's thread, no known invoice number, and ${address} is not the contact of an open invoice`
			: "no invoice matched: not in a reminder's thread, no known invoice number, and no sender address",
	};
}

/** What triage concluded about a reply, as far as the ledger keeps it (a `TriageResult` with its route fits). */
export interface TriagedReply {
	intent: string;
	route?: string;
	summary?: string;
	extracted?: {
		promisedDate?: string | null;
		returnDate?: string | null;
		newContactEmail?: string | null;
	};
}

/** One `reply` ledger event per invoice the reply concerns (the shape `eventToRow` takes). */
export function replyEvents(
	match: ReplyMatch,
	triage: TriagedReply,
	reply: { receivedAt: string; messageId?: string },
): Array<{
	kind: 'reply';
	invoiceId: string;
	at: string;
	intent: string;
	route?: string;
	promisedDate?: string;
	returnDate?: string;
	newContact?: string;
	messageId?: string;
	summary?: string;
	note: string;
}> {
	return match.invoices.map((invoice) => ({
		kind: 'reply' as const,
		invoiceId: invoice.invoiceId,
		at: reply.receivedAt,
		intent: triage.intent,
		...(triage.route ? { route: triage.route } : {}),
		...(triage.extracted?.promisedDate ? { promisedDate: triage.extracted.promisedDate } : {}),
		...(triage.extracted?.returnDate ? { returnDate: triage.extracted.returnDate } : {}),
		...(triage.extracted?.newContactEmail ? { newContact: triage.extracted.newContactEmail } : {}),
		...(reply.messageId ? { messageId: reply.messageId } : {}),
		...(triage.summary ? { summary: triage.summary } : {}),
		note: `matched by ${invoice.by}: ${invoice.evidence}`,
	}));
}
