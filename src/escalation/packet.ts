/**
 * The context packet a person reads: one model, rendered three ways: Slack Block Kit (sendable as-is by n8n's
 * Slack node), email-safe HTML (inline styles, tables, no scripts, no external images) and plain text.
 * Every piece of user text is escaped for its medium; the Slack packet can mask the contact's email and phone.
 */
import { restorePaymentState } from '../contract/paymentState';
import type { LateFees } from '../fees/lateFee';
import type { Invoice } from '../invoice/schema';
import { formatMoney } from '../money';
import { clipText, escapeHtml, escapeSlackMrkdwn, oneLine } from '../text';
import { ESCALATION_RULES } from './rules';
import type {
	EscalationInput,
	EscalationPacket,
	EscalationPriority,
	EscalationReasonCode,
	EscalationResult,
	EscalationRules,
	EscalationSlackBlock,
	EscalationSlackText,
} from './schema';

export { clipText, escapeSlackMrkdwn };

/** What a person should do first, per primary reason (from the rule registry). Internal text: never sent to the customer. */
export const ESCALATION_NEXT_ACTIONS = Object.fromEntries(
	ESCALATION_RULES.map((rule) => [rule.code, rule.nextAction]),
) as Readonly<Record<EscalationReasonCode, string>>;

const PRIORITY_COLOR: Record<EscalationPriority, string> = {
	P1: '#b42318',
	P2: '#b54708',
	P3: '#175cd3',
};
const PRIORITY_EMOJI: Record<EscalationPriority, string> = {
	P1: ':red_circle:',
	P2: ':large_orange_circle:',
	P3: ':large_blue_circle:',
};
const REASON_LABEL = Object.fromEntries(
	ESCALATION_RULES.map((rule) => [rule.code, rule.reasonLabel]),
) as Readonly<Record<EscalationReasonCode, string>>;

export function escalationReasonLabel(code: EscalationReasonCode): string {
	return REASON_LABEL[code];
}

/** Escapes text for HTML element content and attribute values (src/text.ts). */
export const escapeHtmlText = escapeHtml;

/**
 * A flat copy of a string built by concatenation. V8 keeps `a + b` as a tree of pieces; a packet is kept on the
 * output item, and thousands of those trees make every garbage collection of a large execution slower.
 */
export function flatString(text: string): string {
	return text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8');
}

/** `jane.doe@acme.com` → `j•••@a•••.com`. */
export function maskEmail(email: string): string {
	const at = email.indexOf('@');
	if (at < 1) return '•••';
	const domain = email.slice(at + 1);
	const dot = domain.lastIndexOf('.');
	const host = dot > 0 ? domain.slice(0, dot) : domain;
	const tld = dot > 0 ? domain.slice(dot) : '';
	return `${email[0]}•••@${host[0] ?? ''}•••${tld}`;
}

/** Keeps the last two digits: `+1 415 555 0134` → `+• ••• ••• ••34`. */
export function maskPhone(phone: string): string {
	const digits = phone.replace(/\D/g, '').length;
	let seen = 0;
	return phone.replace(/\d/g, (digit) => (++seen > digits - 2 ? digit : '•'));
}

const EMAIL_ANYWHERE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** A run of digits with the separators people write phone numbers with: `(415) 555-0134`, `+1.415.555.0134`. */
const PHONE_LIKE = /\+?\(?\d[\d\s().\-\u00a0]{5,}\d/g;
const MIN_PHONE_DIGITS = 7;

function redactor(invoice: Invoice | undefined): (text: string) => string {
	const phoneDigits = invoice?.contact.phone?.replace(/\D/g, '') ?? '';
	// The contact's number however it is written: the same digits, or the same number without (or with) the
	// country code.
	const isContactPhone = (digits: string) =>
		digits.length >= MIN_PHONE_DIGITS &&
		phoneDigits.length >= MIN_PHONE_DIGITS &&
		(phoneDigits.endsWith(digits) || digits.endsWith(phoneDigits));
	return (text) => {
		const out = text.replace(EMAIL_ANYWHERE, (email) => maskEmail(email));
		if (phoneDigits.length < MIN_PHONE_DIGITS) return out;
		return out.replace(PHONE_LIKE, (run) =>
			isContactPhone(run.replace(/\D/g, '')) ? maskPhone(run) : run,
		);
	};
}

function historyLine(entry: unknown): string | null {
	if (typeof entry === 'string') return entry.trim() || null;
	if (!entry || typeof entry !== 'object') return null;
	const record = entry as Record<string, unknown>;
	const pick = (...keys: string[]) =>
		keys
			.map((key) => record[key])
			.find(
				(value): value is string | number => typeof value === 'string' || typeof value === 'number',
			);
	const at = pick('at', 'sentAt', 'recordedAt', 'date', 'plannedAt');
	const step = pick('stepId', 'step', 'id', 'template');
	const channel = pick('channel');
	const status = pick('status', 'outcome', 'result', 'action');
	const parts = [
		at !== undefined ? String(at).slice(0, 16).replace('T', ' ') : null,
		step,
		channel ? `(${channel})` : null,
		status,
	]
		.filter((part) => part !== null && part !== undefined && part !== '')
		.map(String);
	return parts.length > 0 ? parts.join(' ') : null;
}

function invoiceUrlOf(template: string | undefined, invoice: Invoice | undefined): string | null {
	if (!template || !invoice) return null;
	const url = template
		.replace(/\{id\}/g, encodeURIComponent(invoice.id))
		.replace(/\{number\}/g, encodeURIComponent(invoice.number));
	return /^https?:\/\//i.test(url) ? url : null;
}

function ownerText(result: EscalationResult): string {
	const owner = result.owner;
	if (!owner) return 'unassigned';
	return owner.name && owner.email
		? `${owner.name} <${owner.email}>`
		: (owner.name ?? owner.email ?? owner.slackId ?? 'unassigned');
}

/** Builds the packet model and its three renders. */
export function buildEscalationPacket(
	input: EscalationInput,
	result: EscalationResult,
	rules: EscalationRules,
	daysPastDue: number | null,
): EscalationPacket {
	const { invoice, paymentState, triage, cadence, reply } = input;
	const options = rules.packet;
	const priority = result.priority ?? 'P3';
	const primary = result.details[0]?.code ?? 'upstream_request';
	const reasonLabels = result.reasons.map((code) => REASON_LABEL[code]);

	const facts: EscalationPacket['facts'] = {
		invoiceNumber: invoice?.number ?? triage?.extracted.invoiceNumbers?.[0] ?? null,
		invoiceId: invoice?.id ?? null,
		customer: invoice?.customer.name ?? null,
		amountDueFormatted: invoice?.amountDueFormatted ?? null,
		amountDueMinor: invoice?.amountDueMinor ?? null,
		currency: invoice?.currency ?? null,
		dueOn: invoice?.dueOn ?? null,
		daysPastDue,
		agingBucket: paymentState?.agingBucket ?? null,
		tier: invoice?.customer.tier ?? null,
		region: invoice?.customer.region ?? null,
		contact: invoice?.contact.name ?? null,
		contactEmail: invoice?.contact.email ?? null,
		contactPhone: invoice?.contact.phone ?? null,
		invoiceUrl: invoiceUrlOf(options.invoiceUrlTemplate, invoice),
		paymentUrl:
			invoice?.paymentUrl && /^https?:\/\//i.test(invoice.paymentUrl) ? invoice.paymentUrl : null,
		lateFees: lateFeesText((cadence as { lateFees?: LateFees } | undefined)?.lateFees),
	};

	const state: EscalationPacket['state'] = {
		state: paymentState?.state ?? null,
		signals: [...(paymentState?.signals ?? [])],
		// A lean item's payment state has no sentence: it is derived here, where a person reads it.
		reasons: [
			...((paymentState && invoice ? restorePaymentState(paymentState, invoice) : paymentState)
				?.reasons ?? []),
		],
	};

	const lastReply: EscalationPacket['lastReply'] = triage
		? {
				from: reply?.from ?? null,
				subject: reply?.subject ?? null,
				receivedAt: reply?.receivedAt ?? null,
				excerpt: reply?.text
					? clipText(
							reply.text
								.replace(/\r\n/g, '\n')
								.replace(/\n{3,}/g, '\n\n')
								.trim(),
							700,
						)
					: null,
				intent: triage.intent,
				intents: [...new Set([triage.intent, ...triage.intents])],
				confidence: typeof triage.confidence === 'number' ? triage.confidence : null,
				summary: triage.summary ?? null,
				evidence: result.details
					.flatMap((detail) => detail.evidence.filter((text) => text.startsWith('"')))
					.slice(0, options.maxEvidence),
			}
		: null;

	const packetCadence: EscalationPacket['cadence'] = cadence
		? {
				action: cadence.action,
				reason: cadence.reason ?? null,
				step: cadence.step
					? [cadence.step.id, cadence.step.channel, cadence.step.tone].filter(Boolean).join(' · ')
					: null,
				findings: (cadence.findings ?? []).map((finding) => `${finding.rule}: ${finding.message}`),
				history: (cadence.history ?? [])
					.map(historyLine)
					.filter((line): line is string => line !== null)
					.slice(-options.maxHistory),
			}
		: null;

	let nextAction = ESCALATION_NEXT_ACTIONS[primary];
	if (primary === 'wrong_contact' && triage?.extracted.newContactEmail) {
		nextAction = `The reply names a new contact (${triage.extracted.newContactEmail}): confirm it, update the record, then resume the follow-up.`;
	}

	const who = facts.customer ?? 'unknown customer';
	const what = facts.invoiceNumber
		? `invoice ${facts.invoiceNumber}`
		: 'a reply with no matched invoice';
	const money = facts.amountDueFormatted ? `${facts.amountDueFormatted} due` : null;
	const age = daysPastDue !== null && daysPastDue > 0 ? `${daysPastDue} days past due` : null;
	const summary = `${priority} · ${who} · ${what}${money ? ` · ${money}` : ''}${age ? `, ${age}` : ''} · ${reasonLabels.join(', ')}`;
	// One header line: a customer name or invoice number with CR/LF would otherwise start a new e-mail header.
	const subject = clipText(
		oneLine(
			`[${priority}] ${options.title}: ${who}${facts.invoiceNumber ? ` ${facts.invoiceNumber}` : ''} (${reasonLabels[0]})`,
		),
		150,
	);

	const model: Omit<EscalationPacket, 'slack' | 'slackApprovalMessage' | 'html' | 'text'> = {
		summary,
		subject,
		facts,
		state,
		lastReply,
		cadence: packetCadence,
		nextAction,
	};
	const redact = options.redactContact ? redactor(invoice) : (text: string) => text;
	const formats = options.formats;
	return {
		...model,
		...(formats.includes('slack') ? { slack: renderSlack(model, result, rules, redact) } : {}),
		...(formats.includes('slackApproval')
			? { slackApprovalMessage: renderSlackApproval(model, result, redact) }
			: {}),
		...(formats.includes('html') ? { html: renderHtml(model, result, rules) } : {}),
		...(formats.includes('text') ? { text: renderText(model, result, rules) } : {}),
	};
}

type PacketModel = Omit<EscalationPacket, 'slack' | 'slackApprovalMessage' | 'html' | 'text'>;

/** `2026-11-20T14:00:00+01:00` → `2026-11-20 14:00 UTC+01:00` (`Z` → `UTC`). */
function readableInstant(iso: string): string {
	const zone = iso.endsWith('Z') ? 'UTC' : `UTC${iso.slice(-6)}`;
	return `${iso.slice(0, 10)} ${iso.slice(11, 16)} ${zone}`;
}

/** Slack limits: section text 3000, header 150, field 2000, ≤ 10 fields, ≤ 10 context elements, ≤ 50 blocks. */
export const SLACK_LIMITS = {
	sectionText: 3000,
	headerText: 150,
	fieldText: 2000,
	fields: 10,
	contextElements: 10,
	blocks: 50,
};

function mrkdwn(text: string, max = SLACK_LIMITS.sectionText): EscalationSlackText {
	return { type: 'mrkdwn', text: clipText(text, max) };
}

function slackOwner(result: EscalationResult, redact: (text: string) => string): string {
	if (result.owner?.slackId && /^[UW][A-Z0-9]+$/.test(result.owner.slackId))
		return `<@${result.owner.slackId}>`;
	return escapeSlackMrkdwn(redact(ownerText(result)));
}

/** "£94.66 (12% a year … for 30 days plus the fixed compensation)", from Cadence Step's plan. */
function lateFeesText(fees: LateFees | undefined): string | null {
	if (!fees || !(fees.totalMinor > 0) || typeof fees.currency !== 'string') return null;
	return `${formatMoney(fees.totalMinor, fees.currency)} (${fees.basis})`;
}

function factLines(model: PacketModel, result: EscalationResult): Array<[string, string]> {
	const { facts } = model;
	const lines: Array<[string, string]> = [];
	if (facts.customer) lines.push(['Customer', facts.customer]);
	if (facts.invoiceNumber) lines.push(['Invoice', facts.invoiceNumber]);
	if (facts.amountDueFormatted) lines.push(['Amount due', facts.amountDueFormatted]);
	if (facts.daysPastDue !== null)
		lines.push([
			'Days past due',
			`${facts.daysPastDue}${facts.dueOn ? ` (due ${facts.dueOn})` : ''}`,
		]);
	if (facts.lateFees) lines.push(['Late fees (not invoiced)', facts.lateFees]);
	if (facts.tier) lines.push(['Tier', facts.tier]);
	if (model.state.state) lines.push(['State', model.state.state.replace(/_/g, ' ')]);
	lines.push(['Owner', ownerText(result)]);
	if (result.dueBy)
		lines.push(['Respond by', `${readableInstant(result.dueBy)} (${result.slaHours} business h)`]);
	return lines;
}

function renderSlack(
	model: PacketModel,
	result: EscalationResult,
	rules: EscalationRules,
	redact: (text: string) => string,
): EscalationPacket['slack'] {
	const s = (text: string) => escapeSlackMrkdwn(redact(text));
	const priority = result.priority ?? 'P3';
	const blocks: EscalationSlackBlock[] = [];
	blocks.push({
		type: 'header',
		text: {
			type: 'plain_text',
			text: clipText(
				`${priority} · ${rules.packet.title}${model.facts.invoiceNumber ? ` · ${redact(model.facts.invoiceNumber)}` : ''}`,
				SLACK_LIMITS.headerText,
			),
			emoji: true,
		},
	});
	blocks.push({
		type: 'section',
		text: mrkdwn(`${PRIORITY_EMOJI[priority]} *${s(model.summary)}*`),
	});

	const fields = factLines(model, result)
		.slice(0, SLACK_LIMITS.fields)
		.map(([label, value]) =>
			mrkdwn(
				`*${label}*\n${label === 'Owner' ? slackOwner(result, redact) : s(value)}`,
				SLACK_LIMITS.fieldText,
			),
		);
	blocks.push({ type: 'section', fields });

	const why = result.details
		.map((detail) => {
			const evidence =
				detail.evidence.length > 0 ? `\n      _${s(detail.evidence.join(' · '))}_` : '';
			const repeated = result.repeatedReasons.includes(detail.code) ? ' _(escalated before)_' : '';
			return `• *${detail.priority}* ${s(detail.message)}${repeated}${evidence}`;
		})
		.join('\n');
	blocks.push({ type: 'section', text: mrkdwn(`*Why a person is needed*\n${why}`) });

	const contactBits: string[] = [];
	if (model.facts.contact) contactBits.push(s(model.facts.contact));
	if (model.facts.contactEmail) contactBits.push(s(model.facts.contactEmail));
	if (model.facts.contactPhone) contactBits.push(s(model.facts.contactPhone));
	const links: string[] = [];
	if (model.facts.invoiceUrl)
		links.push(`<${escapeSlackMrkdwn(model.facts.invoiceUrl).replace(/\|/g, '%7C')}|Open invoice>`);
	if (model.facts.paymentUrl && !rules.packet.redactContact) {
		links.push(`<${escapeSlackMrkdwn(model.facts.paymentUrl).replace(/\|/g, '%7C')}|Payment link>`);
	}
	if (contactBits.length > 0 || links.length > 0) {
		const elements: EscalationSlackText[] = [];
		if (contactBits.length > 0) elements.push(mrkdwn(`Contact: ${contactBits.join(' · ')}`, 3000));
		if (links.length > 0) elements.push(mrkdwn(links.join(' · '), 3000));
		blocks.push({ type: 'context', elements });
	}

	if (model.lastReply) {
		const reply = model.lastReply;
		blocks.push({ type: 'divider' });
		const head = [
			`*Last reply*${reply.from ? ` from ${s(reply.from)}` : ''}${reply.receivedAt ? ` · ${s(reply.receivedAt)}` : ''}`,
			reply.subject ? `Subject: ${s(reply.subject)}` : null,
			`Triage: *${s(reply.intents.join(', '))}*${reply.confidence !== null ? ` (confidence ${reply.confidence.toFixed(2)})` : ''}`,
			reply.summary ? s(reply.summary) : null,
		]
			.filter(Boolean)
			.join('\n');
		const quote = reply.excerpt
			? `\n${s(reply.excerpt)
					.split('\n')
					.map((line) => `> ${line}`)
					.join('\n')}`
			: '';
		blocks.push({ type: 'section', text: mrkdwn(`${head}${quote}`) });
		if (reply.evidence.length > 0) {
			blocks.push({
				type: 'context',
				elements: reply.evidence
					.slice(0, SLACK_LIMITS.contextElements)
					.map((text) => mrkdwn(`Evidence: ${s(text)}`, 3000)),
			});
		}
	}

	if (model.cadence) {
		const cadence = model.cadence;
		const lines = [
			`*Cadence*: ${s(cadence.action)}${cadence.step ? ` · step ${s(cadence.step)}` : ''}${cadence.reason ? ` · ${s(cadence.reason)}` : ''}`,
			...cadence.findings.map((finding) => `:warning: ${s(finding)}`),
			...(cadence.history.length > 0
				? ['_History_', ...cadence.history.map((line) => `• ${s(line)}`)]
				: []),
		];
		blocks.push({ type: 'divider' });
		blocks.push({ type: 'section', text: mrkdwn(lines.join('\n')) });
	}

	blocks.push({ type: 'divider' });
	blocks.push({ type: 'section', text: mrkdwn(`*Suggested next action*\n${s(model.nextAction)}`) });
	blocks.push({
		type: 'context',
		elements: [
			mrkdwn(
				`Automation is paused for this invoice until a person resumes it.${result.key ? ` · ${s(result.key)}` : ''} · ${s(result.evaluatedAt)}`,
				3000,
			),
		],
	});

	// Leave one block for the "Automated with this n8n workflow" footer the Slack node may append.
	return {
		// Slack reads `text` as mrkdwn too (the notification): `<!channel>` or `<url|text>` in a customer name must
		// arrive as text, like everywhere in the blocks.
		text: clipText(escapeSlackMrkdwn(redact(model.summary)), 3000),
		blocks: blocks.slice(0, SLACK_LIMITS.blocks - 1),
	};
}

function renderSlackApproval(
	model: PacketModel,
	result: EscalationResult,
	redact: (text: string) => string,
): string {
	const s = (text: string) => escapeSlackMrkdwn(redact(text));
	const lines = [
		`*${s(model.summary)}*`,
		factLines(model, result)
			.map(
				([label, value]) =>
					`*${label}:* ${label === 'Owner' ? slackOwner(result, redact) : s(value)}`,
			)
			.join('\n'),
		`*Why*\n${result.details.map((detail) => `• ${s(detail.message)}`).join('\n')}`,
		model.lastReply?.summary ? `*Last reply*: ${s(model.lastReply.summary)}` : null,
		`*Suggested next action*: ${s(model.nextAction)}`,
	].filter(Boolean);
	// n8n's Send and Wait decodes one level of &amp; / &lt; / &gt; before posting (n8n-nodes-base
	// utils/utilities escapeHtml), so the escaped mrkdwn is encoded once more and arrives escaped exactly once.
	return clipText(lines.join('\n\n'), 2700).replace(/&/g, '&amp;');
}

function renderHtml(model: PacketModel, result: EscalationResult, rules: EscalationRules): string {
	const e = escapeHtmlText;
	const priority = result.priority ?? 'P3';
	const color = PRIORITY_COLOR[priority];
	// Styles stay inline (email clients drop <style>), kept short: a packet is built per escalated item.
	const font = 'font-family:Arial,sans-serif;';
	const cell = `${font}font-size:14px;padding:6px 10px;border-bottom:1px solid #e5e7eb;`;
	const label = `${cell}color:#6b7280;`;
	const heading = `${font}font-size:15px;font-weight:bold;color:#111827;padding:18px 0 6px 0;`;
	const rows = factLines(model, result)
		.map(
			([name, value], index) =>
				`<tr><td style="${label}"${index === 0 ? ' width="160"' : ''}>${e(name)}</td><td style="${cell}">${e(value)}</td></tr>`,
		)
		.join('');
	const contact = [model.facts.contact, model.facts.contactEmail, model.facts.contactPhone].filter(
		Boolean,
	) as string[];
	const contactRow =
		contact.length > 0
			? `<tr><td style="${label}">Contact</td><td style="${cell}">${e(contact.join(' · '))}</td></tr>`
			: '';
	const linkStyle = 'color:#175cd3;text-decoration:underline;';
	const links = [
		model.facts.invoiceUrl
			? `<a href="${e(model.facts.invoiceUrl)}" style="${linkStyle}">Open invoice</a>`
			: null,
		model.facts.paymentUrl
			? `<a href="${e(model.facts.paymentUrl)}" style="${linkStyle}">Payment link</a>`
			: null,
	].filter(Boolean);
	const linkRow =
		links.length > 0
			? `<tr><td style="${label}">Links</td><td style="${cell}">${links.join(' &middot; ')}</td></tr>`
			: '';

	const reasons = result.details
		.map((detail) => {
			const evidence =
				detail.evidence.length > 0
					? `<div style="${font}font-size:12px;color:#6b7280;padding-top:2px;">${e(detail.evidence.join(' · '))}</div>`
					: '';
			return `<tr><td style="${cell}width:40px;"><span style="${font}font-size:12px;font-weight:bold;color:#ffffff;background-color:${PRIORITY_COLOR[detail.priority]};padding:2px 6px;">${detail.priority}</span></td><td style="${cell}">${e(detail.message)}${evidence}</td></tr>`;
		})
		.join('');

	const sections: string[] = [];
	if (model.lastReply) {
		const reply = model.lastReply;
		const meta = [
			reply.from ? `From ${reply.from}` : null,
			reply.receivedAt,
			reply.subject ? `Subject: ${reply.subject}` : null,
		].filter(Boolean) as string[];
		sections.push(
			`<tr><td style="${heading}">Last reply</td></tr>` +
				`<tr><td style="${font}font-size:13px;color:#6b7280;">${e(meta.join(' · '))}</td></tr>` +
				`<tr><td style="${font}font-size:14px;color:#1f2937;padding:4px 0;">Triage: <b>${e(reply.intents.join(', '))}</b>${reply.confidence !== null ? ` (confidence ${reply.confidence.toFixed(2)})` : ''}${reply.summary ? ` &mdash; ${e(reply.summary)}` : ''}</td></tr>` +
				(reply.excerpt
					? `<tr><td style="${font}font-size:14px;color:#374151;border-left:3px solid #d1d5db;padding:6px 12px;white-space:pre-wrap;">${e(reply.excerpt)}</td></tr>`
					: '') +
				(reply.evidence.length > 0
					? `<tr><td style="${font}font-size:12px;color:#6b7280;padding:4px 0;">Evidence: ${e(reply.evidence.join(' · '))}</td></tr>`
					: ''),
		);
	}
	if (model.cadence) {
		const cadence = model.cadence;
		const items = [
			...cadence.findings.map((finding) => `Guardrail: ${finding}`),
			...cadence.history,
		];
		sections.push(
			`<tr><td style="${heading}">Cadence</td></tr>` +
				`<tr><td style="${font}font-size:14px;color:#1f2937;">${e(`${cadence.action}${cadence.step ? ` · step ${cadence.step}` : ''}${cadence.reason ? ` · ${cadence.reason}` : ''}`)}</td></tr>` +
				(items.length > 0
					? `<tr><td style="${font}font-size:13px;color:#374151;padding:4px 0;">${items.map((item) => `&bull; ${e(item)}`).join('<br>')}</td></tr>`
					: ''),
		);
	}
	if (model.state.reasons.length > 0) {
		sections.push(
			`<tr><td style="${heading}">Payment state</td></tr>` +
				`<tr><td style="${font}font-size:13px;color:#374151;">${e([...model.state.reasons, ...(model.state.signals.length > 0 ? [`signals: ${model.state.signals.join(', ')}`] : [])].join(' · '))}</td></tr>`,
		);
	}

	return flatString(
		'<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">' +
			`<title>${e(model.subject)}</title></head>` +
			`<body style="margin:0;padding:0;background-color:#f3f4f6;">` +
			`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f3f4f6;"><tr><td align="center" style="padding:24px 12px;">` +
			`<table role="presentation" width="640" cellpadding="0" cellspacing="0" border="0" style="width:640px;max-width:100%;background-color:#ffffff;border-top:6px solid ${color};">` +
			`<tr><td style="padding:20px 24px 0 24px;">` +
			`<div style="${font}font-size:12px;font-weight:bold;letter-spacing:1px;color:${color};text-transform:uppercase;">${priority} &middot; ${e(rules.packet.title)}</div>` +
			`<div style="${font}font-size:18px;font-weight:bold;color:#111827;padding:6px 0 14px 0;">${e(model.summary)}</div>` +
			`</td></tr>` +
			`<tr><td style="padding:0 24px;"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">${rows}${contactRow}${linkRow}</table></td></tr>` +
			`<tr><td style="padding:0 24px;"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td style="${heading}">Why a person is needed</td></tr></table>` +
			`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">${reasons}</table></td></tr>` +
			(sections.length > 0
				? `<tr><td style="padding:0 24px;"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">${sections.join('')}</table></td></tr>`
				: '') +
			`<tr><td style="padding:18px 24px;"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td style="${font}font-size:14px;color:#1f2937;background-color:#f9fafb;border:1px solid #e5e7eb;padding:12px 14px;"><b>Suggested next action</b><br>${e(model.nextAction)}</td></tr></table></td></tr>` +
			`<tr><td style="${font}font-size:12px;color:#6b7280;padding:0 24px 20px 24px;">Automation is paused for this invoice until a person resumes it.${result.key ? ` &middot; ${e(result.key)}` : ''} &middot; ${e(result.evaluatedAt)}</td></tr>` +
			`</table></td></tr></table></body></html>`,
	);
}

function renderText(model: PacketModel, result: EscalationResult, rules: EscalationRules): string {
	const lines: string[] = [
		`${rules.packet.title.toUpperCase()} (${result.priority ?? 'P3'})`,
		model.summary,
		'',
	];
	for (const [name, value] of factLines(model, result)) lines.push(`${name}: ${value}`);
	const contact = [model.facts.contact, model.facts.contactEmail, model.facts.contactPhone].filter(
		Boolean,
	);
	if (contact.length > 0) lines.push(`Contact: ${contact.join(' · ')}`);
	if (model.facts.invoiceUrl) lines.push(`Invoice: ${model.facts.invoiceUrl}`);
	if (model.facts.paymentUrl) lines.push(`Payment link: ${model.facts.paymentUrl}`);
	lines.push('', 'Why a person is needed:');
	for (const detail of result.details) {
		lines.push(`- [${detail.priority}] ${detail.message}`);
		if (detail.evidence.length > 0) lines.push(`    ${detail.evidence.join(' · ')}`);
	}
	if (model.lastReply) {
		const reply = model.lastReply;
		lines.push(
			'',
			`Last reply${reply.from ? ` from ${reply.from}` : ''}${reply.receivedAt ? ` (${reply.receivedAt})` : ''}:`,
		);
		if (reply.subject) lines.push(`Subject: ${reply.subject}`);
		lines.push(
			`Triage: ${reply.intents.join(', ')}${reply.confidence !== null ? ` (confidence ${reply.confidence.toFixed(2)})` : ''}`,
		);
		if (reply.summary) lines.push(reply.summary);
		if (reply.excerpt) lines.push(...reply.excerpt.split('\n').map((line) => `> ${line}`));
	}
	if (model.cadence) {
		const cadence = model.cadence;
		lines.push(
			'',
			`Cadence: ${cadence.action}${cadence.step ? ` · step ${cadence.step}` : ''}${cadence.reason ? ` · ${cadence.reason}` : ''}`,
		);
		for (const finding of cadence.findings) lines.push(`! ${finding}`);
		for (const entry of cadence.history) lines.push(`- ${entry}`);
	}
	if (model.state.reasons.length > 0)
		lines.push('', `Payment state: ${model.state.reasons.join(' · ')}`);
	lines.push(
		'',
		`Suggested next action: ${model.nextAction}`,
		'',
		'Automation is paused for this invoice until a person resumes it.',
	);
	return lines.join('\n');
}

/**
 * The packet of an item Escalation Gate could not read (an unreadable invoice, a paymentState or triage in another
 * shape): the same fields a Slack or e-mail node reads, saying which item and which field, escaped like any packet.
 */
export function invalidRecordPacket(
	reason: string,
	itemIndex: number,
): Pick<EscalationPacket, 'summary' | 'subject' | 'html' | 'text'> & {
	slack: { text: string; blocks: Array<{ type: 'section'; text: EscalationSlackText }> };
	slackApprovalMessage: string;
} {
	const summary = clipText(
		oneLine(`P2 · item ${itemIndex + 1} could not be read · ${reason}`),
		500,
	);
	const advice =
		'Fix the record in the source (or the node that put it on the item), then run the workflow again.';
	const slackText = escapeSlackMrkdwn(summary);
	return {
		summary,
		subject: clipText(oneLine(`[P2] A record could not be read (item ${itemIndex + 1})`), 150),
		slack: {
			text: clipText(slackText, 3000),
			blocks: [
				{ type: 'section', text: mrkdwn(`:warning: *${slackText}*`) },
				{ type: 'section', text: mrkdwn(advice) },
			],
		},
		slackApprovalMessage: clipText(`${slackText}\n${advice}`, 3000),
		html: `<p><b>${escapeHtml(summary)}</b></p><p>${escapeHtml(advice)}</p>`,
		text: `${summary}\n${advice}`,
	};
}
