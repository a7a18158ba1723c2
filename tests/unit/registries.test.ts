import type { INodeProperties } from 'n8n-workflow';

import { EscalationGate } from '../../nodes/EscalationGate/EscalationGate.node';
import { PaymentStateCheck } from '../../nodes/PaymentStateCheck/PaymentStateCheck.node';
import { ReplyTriage } from '../../nodes/ReplyTriage/ReplyTriage.node';
import {
	ESCALATION_RULES,
	INVOICE_SOURCES,
	INVOICE_SOURCE_REGISTRY,
	REPLY_PRESET_REGISTRY,
	REPLY_PRESETS,
	readReply,
} from '../../src';

const property = (properties: INodeProperties[], name: string) =>
	properties.find((candidate) => candidate.name === name)!;

describe('node forms generated from the registries (one file per entry)', () => {
	it("invoice sources: the enum and Payment State Check's Source picker and subtitle", () => {
		expect(INVOICE_SOURCES).toEqual(['stripe', 'quickbooks', 'xero', 'freshbooks', 'generic']);
		const { properties, subtitle } = new PaymentStateCheck().description;
		expect(property(properties, 'source').options).toEqual(
			INVOICE_SOURCE_REGISTRY.map((source) => ({ name: source.name, value: source.key })),
		);
		expect(subtitle).toBe(
			'={{ {"stripe":"Stripe","quickbooks":"QuickBooks Online","xero":"Xero","freshbooks":"FreshBooks","generic":"Generic"}[$parameter["source"]] }}',
		);
	});

	it("reply presets: Reply Triage's Input picker, with the names saved workflows know", () => {
		const { properties } = new ReplyTriage().description;
		expect(property(properties, 'inputPreset').options).toEqual([
			{ name: 'Gmail (Simplify On)', value: 'gmail' },
			{ name: 'Gmail (Simplify Off)', value: 'gmailRaw' },
			{ name: 'Microsoft Outlook', value: 'outlook' },
			{ name: 'Email Trigger (IMAP)', value: 'imap' },
			{ name: 'Generic Mapping', value: 'generic' },
		]);
		expect(REPLY_PRESETS).toEqual(REPLY_PRESET_REGISTRY.map((preset) => preset.key));
		expect(
			readReply({ subject: 'Re: INV-1', textPlain: 'paid', date: '2026-11-20' }, 'imap'),
		).toEqual({
			ok: true,
			reply: {
				subject: 'Re: INV-1',
				text: 'paid',
				html: undefined,
				from: '',
				receivedAt: '2026-11-20',
				headers: {},
			},
			notes: [],
		});
	});

	it("escalation rules: Escalation Gate's rule picker lists every rule", () => {
		const rules = property(new EscalationGate().description.properties, 'rules');
		const picker = JSON.stringify(rules);
		for (const rule of ESCALATION_RULES) expect(picker).toContain(`"value":"${rule.code}"`);
	});
});
