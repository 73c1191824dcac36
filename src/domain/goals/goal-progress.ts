// Pure arithmetic of a goal's measure, shared by the use cases and the renderers' DTOs. A number goal may run
// downwards (from 40 open bugs to 5): progress is the share of the distance covered, whichever the direction.
export interface GoalMeasureValues {
  startValue: number;
  targetValue: number;
  currentValue: number;
}

/** 0 … 100, rounded; beyond the target counts as 100, behind the start as 0. */
export function progressPercent(goal: GoalMeasureValues): number {
  const distance = goal.targetValue - goal.startValue;
  if (distance === 0) return goal.currentValue === goal.targetValue ? 100 : 0;
  const share = (goal.currentValue - goal.startValue) / distance;
  return Math.round(Math.min(1, Math.max(0, share)) * 100);
}

/** True when `value` is at or past the target, in the goal's direction. */
export function reachedTarget(goal: Pick<GoalMeasureValues, "startValue" | "targetValue">, value: number): boolean {
  return goal.targetValue >= goal.startValue ? value >= goal.targetValue : value <= goal.targetValue;
}

/** "40%" for percent goals, "12 / 20" for number goals (from their start). */
export function formatGoalValue(goal: GoalMeasureValues & { measure: "percent" | "number" }): string {
  if (goal.measure === "percent") return `${formatNumber(goal.currentValue)}%`;
  return `${formatNumber(goal.currentValue)} / ${formatNumber(goal.targetValue)}`;
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}
