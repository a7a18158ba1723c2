import { readdirSync } from 'node:fs';

import { readTemplate, WORKFLOWS_DIR } from '../helpers/templates';

/**
 * On the canvas a sticky note's text must stay readable: no node may sit on top of one. n8n draws a node as about
 * 100 x 100 from its position (top left) and a sticky note as width x height from its parameters (240 x 160 when unset).
 */
const NODE_SIZE = 100;
const STICKY_DEFAULT = { width: 240, height: 160 };

interface Box {
	name: string;
	x: number;
	y: number;
	width: number;
	height: number;
}

const overlaps = (a: Box, b: Box) =>
	a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const templates = readdirSync(WORKFLOWS_DIR).filter((file) => file.endsWith('.json'));

describe('template layout', () => {
	it.each(templates)('%s: no node overlaps a sticky note', (file) => {
		const boxes = readTemplate(file).nodes.map((node) => {
			const [x, y] = node.position;
			const sticky = node.type === 'n8n-nodes-base.stickyNote';
			const width = sticky ? Number(node.parameters.width ?? STICKY_DEFAULT.width) : NODE_SIZE;
			const height = sticky ? Number(node.parameters.height ?? STICKY_DEFAULT.height) : NODE_SIZE;
			return { sticky, box: { name: node.name, x, y, width, height } };
		});
		const notes = boxes.filter(({ sticky }) => sticky).map(({ box }) => box);
		const nodes = boxes.filter(({ sticky }) => !sticky).map(({ box }) => box);
		const problems = notes.flatMap((note) =>
			nodes
				.filter((node) => overlaps(node, note))
				.map(
					(node) =>
						`"${node.name}" at [${node.x}, ${node.y}] covers the sticky note "${note.name}" ` +
						`(x ${note.x}..${note.x + note.width}, y ${note.y}..${note.y + note.height}): ` +
						`move the node out of that area, or move or resize the note`,
				),
		);
		expect(problems).toEqual([]);
	});
});
