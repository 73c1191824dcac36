// Pure arithmetic over anonymous answers: eNPS, averages and distributions. No thresholds here: callers decide what
// may be shown through domain/insights/min-group.ts.
import { scaleOf, type PulseQuestion } from "./pulse-questions.ts";

export interface QuestionStats {
  id: string;
  kind: "enps" | "agreement";
  text: string;
  answered: number;
  /** One decimal. */
  average: number | null;
  /** Counts per scale value, lowest first (eNPS: 0…10, agreement: 1…5). */
  distribution: number[];
}

export interface GroupStats {
  respondents: number;
  /** % promoters (9–10) − % detractors (0–6), a whole number from −100 to 100; null without an eNPS question. */
  enps: number | null;
  questions: QuestionStats[];
}

export function enpsOf(scores: number[]): number | null {
  if (scores.length === 0) return null;
  const promoters = scores.filter((score) => score >= 9).length;
  const detractors = scores.filter((score) => score <= 6).length;
  return Math.round(((promoters - detractors) / scores.length) * 100);
}

export function statsOf(questions: PulseQuestion[], answers: { scores: Record<string, number> }[]): GroupStats {
  const scored = questions.filter(
    (question): question is PulseQuestion & { kind: "enps" | "agreement" } => question.kind !== "comment",
  );
  const stats = scored.map((question) => {
    const { min, max } = scaleOf(question.kind);
    const values = answers
      .map((answer) => answer.scores[question.id])
      .filter((value): value is number => Number.isInteger(value) && value >= min && value <= max);
    const distribution = Array.from({ length: max - min + 1 }, () => 0);
    for (const value of values) distribution[value - min] += 1;
    const average =
      values.length > 0 ? Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10 : null;
    return {
      id: question.id,
      kind: question.kind,
      text: question.text,
      answered: values.length,
      average,
      distribution,
    };
  });
  const enpsQuestion = scored.find((question) => question.kind === "enps");
  const enps = enpsQuestion
    ? enpsOf(answers.map((answer) => answer.scores[enpsQuestion.id]).filter((value) => Number.isInteger(value)))
    : null;
  return { respondents: answers.length, enps, questions: stats };
}
