// Byte check for the synchronous MIME writer (writeTree in src/messages/mime.ts) against nodemailer's own build():
// both write the same compiled tree (so the same boundaries and message id), for varied messages: every language's
// rendered reminders, long lines, trailing white space, lone CRs, non-Latin text (base64 parts), look-alike and
// emoji subjects, cc and threading headers, attachments from bytes and from base64 text.
// Usage: node scripts/mime-equality.js <abs dist dir> [count]
const path = require('path');
const dist = path.resolve(process.argv[2]);
const { writeTree } = require(path.join(dist, 'src/messages/mime'));
const MailComposer = require('nodemailer/lib/mail-composer');
const count = Number(process.argv[3]) || 5000;
let seed = 11;
const random = () => {
	seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
	return seed / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const WORDS = [
	'Invoice',
	'INV-100234',
	'überfällig',
	'échéance',
	'vencida',
	'vervallen',
	'$1,234.56',
	'1.234,56 €',
	'¥120,000',
	'請求書',
	'оплата',
	'😀',
	'https://pay.example/in_1?a=1&b=2',
	'=',
	'=3D',
	'.',
	'\t',
	' ',
	'  ',
	'\n',
	'\r\n',
	'\r',
	'a'.repeat(90),
	'Zoë',
	"O'Brien",
	'<b>',
	'&amp;',
	'ﬁnal',
	'x',
];
const text = (length) => {
	let out = '';
	for (let index = 0; index < length; index++) out += pick(WORDS) + (random() < 0.7 ? ' ' : '');
	return out;
};
async function main() {
	let differences = 0,
		written = 0;
	for (let index = 0; index < count; index++) {
		const body = text(5 + Math.floor(random() * 120));
		const mail = {
			to: `ap${index}@customer.example`,
			...(random() < 0.3 ? { cc: ['boss@example.com', `b${index}@example.org`] } : {}),
			...(random() < 0.7
				? {
						from:
							random() < 0.5
								? {
										name: pick(['Accounts "Receivable"', 'Buchhaltung Müller', '請求']),
										address: 'ar@example.com',
									}
								: 'ar@example.com',
					}
				: {}),
			subject: text(1 + Math.floor(random() * 12))
				.replace(/[\r\n\t]+/g, ' ')
				.trim(),
			text: random() < 0.05 ? '' : body,
			...(random() < 0.8 ? { html: `<p>${body.replace(/\n/g, '<br>')}</p>` } : {}),
			...(random() < 0.5
				? {
						inReplyTo: `<inv_${index}@billing.example>`,
						references: [`<inv_${index}@billing.example>`],
					}
				: {}),
			...(random() < 0.5 ? { messageId: `<m${index}@example.com>` } : {}),
			date: new Date(Date.UTC(2026, 10, 18, 15)),
			attachments:
				random() < 0.15
					? [
							random() < 0.5
								? {
										filename: 'statement.csv',
										content: Buffer.from(text(30)),
										contentType: 'text/csv',
									}
								: {
										filename: 'Rechnung ü.pdf',
										content: Buffer.from(text(40)).toString('base64'),
										encoding: 'base64',
										contentType: 'application/pdf',
									},
						]
					: [],
			disableFileAccess: true,
			disableUrlAccess: true,
		};
		const tree = new MailComposer(mail).compile();
		const fast = writeTree(tree);
		const slow = await tree.build();
		if (fast) written++;
		if (fast && !fast.equals(slow) && differences++ < 3)
			console.log(
				JSON.stringify({ mail, fast: fast.toString(), slow: slow.toString() }).slice(0, 3000),
			);
	}
	console.log(
		`${count} messages, ${written} written synchronously, ${differences} differences from build()`,
	);
	process.exitCode = differences === 0 && written === count ? 0 : 1;
}
main();
