// The built-in question library and the shapes of a pulse's questions. eNPS (0–10) is always asked first when
// chosen; agreement items are 1–5; one optional comment, always last.
import { z } from "zod";

export type PulseQuestionKind = "enps" | "agreement" | "comment";

export interface PulseQuestion {
  id: string;
  kind: PulseQuestionKind;
  text: string;
}

export const ENPS_QUESTION: PulseQuestion = {
  id: "enps",
  kind: "enps",
  text: "How likely are you to recommend working here to a friend? (0 = not at all, 10 = extremely likely)",
};
export const COMMENT_QUESTION: PulseQuestion = {
  id: "comment",
  kind: "comment",
  text: "Anything else you'd like to share? (optional)",
};

export const AGREEMENT_LIBRARY: PulseQuestion[] = [
  { id: "recognition", kind: "agreement", text: "I get recognised when I do good work." },
  { id: "growth", kind: "agreement", text: "I have opportunities to learn and grow here." },
  { id: "workload", kind: "agreement", text: "My workload is sustainable." },
  { id: "manager_support", kind: "agreement", text: "My manager supports me when I need it." },
  { id: "alignment", kind: "agreement", text: "I understand how my work contributes to our goals." },
];

/** Library ids HR can choose from, in the order they are asked. */
export const LIBRARY_IDS = [
  ENPS_QUESTION.id,
  ...AGREEMENT_LIBRARY.map((question) => question.id),
  COMMENT_QUESTION.id,
] as const;
export const LIBRARY: PulseQuestion[] = [ENPS_QUESTION, ...AGREEMENT_LIBRARY, COMMENT_QUESTION];

export const AGREEMENT_LABELS = ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"] as const;
export const CUSTOM_QUESTIONS_MAX = 5;
export const CUSTOM_QUESTION_MAX_LENGTH = 150;
export const COMMENT_MAX_LENGTH = 1000;

export const PulseQuestionSchema = z.object({
  id: z.string().min(1).max(40),
  kind: z.enum(["enps", "agreement", "comment"]),
  text: z.string().min(1).max(300),
});

/** The questions as asked: eNPS first, then library items, then HR's own 1–5 statements, then the comment. */
export function buildQuestions(libraryIds: readonly string[], custom: readonly string[]): PulseQuestion[] {
  const chosen = new Set(libraryIds);
  const questions: PulseQuestion[] = [];
  if (chosen.has(ENPS_QUESTION.id)) questions.push(ENPS_QUESTION);
  questions.push(...AGREEMENT_LIBRARY.filter((question) => chosen.has(question.id)));
  custom.forEach((text, index) => questions.push({ id: `custom_${index + 1}`, kind: "agreement", text }));
  if (chosen.has(COMMENT_QUESTION.id)) questions.push(COMMENT_QUESTION);
  return questions;
}

/** The scale of a scored question: eNPS 0–10, agreement 1–5. */
export function scaleOf(kind: PulseQuestionKind): { min: number; max: number } {
  return kind === "enps" ? { min: 0, max: 10 } : { min: 1, max: 5 };
}
