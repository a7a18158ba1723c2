import { ReplyTriage } from '../../nodes/ReplyTriage/ReplyTriage.node';

/**
 * What a user sees in the editor. A mapping whose default expression resolves to undefined on ordinary data is drawn
 * in red as an error; optional e-mail fields (an HTML body, headers) are often absent, so they fall back to empty.
 */
describe('the editor: Reply Triage generic mapping', () => {
	const properties = new ReplyTriage().description.properties;
	// The default expression of a mapping, evaluated on an item the way n8n would for `{{ ... }}` with `$json`.
	const resolve = (name: string, json: Record<string, unknown>) => {
		const expression = properties.find((property) => property.name === name)!.default as string;
		const body = /^=\{\{(.*)\}\}$/s.exec(expression)![1];
		return new Function('$json', `return (${body});`)(json) as unknown;
	};
	const plainText = {
		subject: 'Re: Invoice INV-1',
		text: 'Paid today',
		from: 'a@b.example',
		date: '2026-12-01',
	};

	it.each(['html', 'headers'])(
		'the optional field %s resolves to an empty value, not undefined',
		(name) => {
			expect(resolve(name, plainText)).not.toBeUndefined();
			expect(resolve(name, plainText)).not.toBeNull();
		},
	);

	it('a value that is present is passed through unchanged', () => {
		expect(resolve('html', { html: '<p>Paid</p>' })).toBe('<p>Paid</p>');
		expect(resolve('headers', { headers: { 'Auto-Submitted': 'auto-replied' } })).toEqual({
			'Auto-Submitted': 'auto-replied',
		});
	});
});
