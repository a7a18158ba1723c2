/**
 * Leave-one-writer-out evaluation: for each writer, train the learned classifier on every other writer's replies,
 * then triage the held-out writer's replies with the whole engine (rules + that model + fusion + routing). Every
 * reply is read by a model that never saw its writer, which is what a customer's inbox is. The choices of
 * features, class weights, thresholds and calibration are made on this, never on the blind sets.
 * Used by scripts/triage/lowo.cjs and the corpus test. Not loaded at run time.
 */
import { triageReply } from '../rules';
import type { TriageOptions, TriageResult } from '../schema';
import { useIntentModel, type IntentModel } from './model';
import { scoreCases, type CorpusCase, type Score } from './score';
import { isCalibration } from './split';
import {
	memberShapes,
	toExample,
	trainIntentModel,
	type TrainingExample,
	type TrainingOptions,
} from './train';

export interface WriterSet {
	writer: string;
	cases: CorpusCase[];
	/** Train on it, but do not hold it out (the sets the rules were tuned on would flatter the figures). */
	trainOnly?: boolean;
}

export interface LeaveOneWriterOut {
	/** Each held-out reply's result, read by a model trained without its writer. */
	results: Map<string, TriageResult>;
	/** All held-out writers together. */
	overall: Score;
	perWriter: { writer: string; score: Score; modelAccuracy: number }[];
	table: string;
	/** The model trained without each writer, to score other fusion settings without training again. */
	models: Map<string, IntentModel>;
}

export function leaveOneWriterOut(
	writers: readonly WriterSet[],
	training: TrainingOptions,
	title = 'leave-one-writer-out',
	trained?: Map<string, IntentModel>,
	/** Options for every reply (a review threshold to compare, say); the reply's own zone is added. */
	triageOptions: TriageOptions = {},
): LeaveOneWriterOut {
	const models = new Map<string, IntentModel>();
	const examples = new Map<string, TrainingExample[]>();
	if (!trained)
		for (const set of writers)
			examples.set(
				set.writer,
				set.cases.map((item) => toExample(item, memberShapes(training))),
			);
	const results = new Map<string, TriageResult>();
	const perWriter: LeaveOneWriterOut['perWriter'] = [];
	const triage = (item: CorpusCase) => results.get(item.id) as TriageResult;
	const train = (held: WriterSet): IntentModel => {
		const others = writers
			.filter((set) => set !== held)
			.flatMap((set) => examples.get(set.writer) ?? []);
		return trainIntentModel(
			others,
			(item) => isCalibration(item.id),
			training,
			{
				script: 'leave-one-writer-out',
				files: [],
				examples: others.length,
				heldOut: held.cases.length,
				heldOutAccuracy: 0,
				epochs: training.epochs,
				l2: training.l2,
			},
			false,
		).model;
	};
	for (const held of writers) {
		if (held.trainOnly) continue;
		const model = trained?.get(held.writer) ?? train(held);
		models.set(held.writer, model);
		useIntentModel(model);
		try {
			for (const item of held.cases)
				results.set(item.id, triageReply(item, { ...triageOptions, timezone: item.timezone }));
		} finally {
			useIntentModel();
		}
		// The model's own reading, before fusion with the rules.
		const right = held.cases.filter(
			(item) => results.get(item.id)?.learned?.intent === item.expected.intent,
		).length;
		perWriter.push({
			writer: held.writer,
			score: scoreCases(`held out: ${held.writer}`, held.cases, triage),
			modelAccuracy: held.cases.length === 0 ? 0 : right / held.cases.length,
		});
	}
	const heldCases = writers.filter((set) => !set.trainOnly).flatMap((set) => set.cases);
	const overall = scoreCases(
		`${title}: every reply read by a model trained without its writer`,
		heldCases,
		triage,
	);
	const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
	const rows = perWriter.map(
		({ writer, score, modelAccuracy }) =>
			`| ${writer} | ${score.n} | ${pct(score.accuracy)} | ${pct(modelAccuracy)} | ${pct(score.reachedPerson)} | ${pct(score.escalated)} | ${pct(score.falseEscalations)} | ${pct(score.calmToReview)} | ${pct(score.dateAccuracy)} |`,
	);
	const table = [
		overall.report,
		'',
		'| held-out writer | n | intent | model alone | must-escalate reached a person | as escalate | false escalations | calm to review | promise dates |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
		...rows,
	].join('\n');
	return { results, overall, perWriter, table, models };
}
