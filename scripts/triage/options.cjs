/** Training options from the environment, shared by train.cjs and lowo.cjs (defaults: src/triage/learned). */
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');

function trainingOptionsFromEnv(env = process.env) {
	const { DEFAULT_FEATURE_SHAPE } = require(
		join(ROOT, 'dist', 'src', 'triage', 'learned', 'features'),
	);
	const { DEFAULT_TRAINING } = require(join(ROOT, 'dist', 'src', 'triage', 'learned', 'train'));
	const number = (name, fallback) =>
		env[name] !== undefined && env[name] !== '' ? Number(env[name]) : fallback;
	return {
		shape: {
			bits: number('TRIAGE_BITS', DEFAULT_FEATURE_SHAPE.bits),
			minGram: number('TRIAGE_MIN_GRAM', DEFAULT_FEATURE_SHAPE.minGram),
			maxGram: number('TRIAGE_MAX_GRAM', DEFAULT_FEATURE_SHAPE.maxGram),
			maxChars: number('TRIAGE_MAX_CHARS', DEFAULT_FEATURE_SHAPE.maxChars),
		},
		epochs: number('TRIAGE_EPOCHS', DEFAULT_TRAINING.epochs),
		l2: number('TRIAGE_L2', DEFAULT_TRAINING.l2),
		classBalance: number('TRIAGE_BALANCE', DEFAULT_TRAINING.classBalance),
		members: number('TRIAGE_MEMBERS', DEFAULT_TRAINING.members ?? 1),
		// TRIAGE_TEMPERATURE=fit: fitted on a calibration slice of the training writers instead.
		temperature:
			env.TRIAGE_TEMPERATURE === 'fit'
				? undefined
				: number('TRIAGE_TEMPERATURE', DEFAULT_TRAINING.temperature),
	};
}

module.exports = { trainingOptionsFromEnv };
