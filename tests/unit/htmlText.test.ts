import { READER_TEXT, REPLY_TEXT, decodeEntities, htmlToText } from '../../src/htmlText';

describe('htmlToText: one reader, two option sets', () => {
	const html =
		'<!-- note --><p>Pay <b>law</b>yer &eacute;&nbsp;x</p><script>hidden()</script><div>2 &lt; 3</div>';

	it('reads the words a person sees for the guardrail lint', () => {
		expect(htmlToText(html, READER_TEXT)).toBe(' Pay lawyer é\u00a0x   2 < 3 ');
	});

	it('reads a reply as paragraphs for Reply Triage', () => {
		expect(htmlToText(html, REPLY_TEXT)).toBe('Pay lawyer é x\n\n2 < 3');
	});

	it('keeps the differences explicit: stray brackets, quoted history, hidden elements', () => {
		expect(htmlToText('a < b', READER_TEXT)).toBe('a < b');
		expect(htmlToText('a < b', REPLY_TEXT)).toBe('a');
		const quoted = '<p>Paid</p><div class="gmail_quote">On Monday you wrote: dispute</div>';
		expect(htmlToText(quoted, REPLY_TEXT)).toBe('Paid');
		expect(htmlToText(quoted, READER_TEXT)).toContain('dispute');
		expect(htmlToText('<title>T</title>body', REPLY_TEXT)).toBe('body');
		expect(htmlToText('<title>T</title>body', READER_TEXT)).toBe(' T body');
	});

	it('decodes every HTML5 reference or the common ones', () => {
		expect(decodeEntities('&Eacute;&hearts;&#108;', 'html5')).toBe('É♥l');
		expect(decodeEntities('&Eacute;&hearts;&#108;', 'common')).toBe('é&hearts;l');
	});
});
