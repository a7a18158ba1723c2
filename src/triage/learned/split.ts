/**
 * The held-out split of the training corpus: one reply in five, chosen by a hash of its id, is never trained on.
 * The training script and the corpus test both use this, so the figures reported on it are honest.
 */
export function isHeldOut(id: string): boolean {
	let hash = 0x811c9dc5;
	for (let index = 0; index < id.length; index++)
		hash = Math.imul(hash ^ id.charCodeAt(index), 0x01000193);
	return (hash >>> 0) % 5 === 0;
}

/** A second, disjoint slice of the training part, used only to fit the softmax temperature (calibration). */
export function isCalibration(id: string): boolean {
	let hash = 0x811c9dc5;
	for (let index = 0; index < id.length; index++)
		hash = Math.imul(hash ^ id.charCodeAt(index), 0x01000193);
	return (hash >>> 0) % 5 === 1;
}
