// THE one place that applies the minimum group size to aggregates. Every surface that shows a number computed over
// people (pulse results in chat, the results shared back, a manager's team summary, the CSV export) asks this file
// which groups may be shown, so the rule cannot drift between surfaces.
//
// A group under the threshold is hidden ("fewer than N people"). Hiding it is not enough when a total is shown: the
// total minus the visible groups would reveal it. So the next-smallest groups are hidden too ("complementary
// suppression") until what is hidden adds up to at least the threshold, or nothing is left to hide.
import type { OrgSettings } from "../context.ts";

export const DEFAULT_MIN_GROUP_SIZE = 5;
/** MIN_GROUP_SIZE is refused below this (env schema) and clamped to it here, for contexts built by hand. */
export const MIN_GROUP_SIZE_FLOOR = 3;
/** Free-text comments are shown only for groups at least this big, whatever MIN_GROUP_SIZE says. */
export const COMMENT_MIN_GROUP_SIZE = 5;

export function minGroupSizeOf(org: Pick<OrgSettings, "minGroupSize">): number {
  return Math.max(MIN_GROUP_SIZE_FLOOR, org.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE);
}

/** The threshold for verbatim comments: the larger of the comment rule and the org's setting. */
export function commentMinGroupSizeOf(org: Pick<OrgSettings, "minGroupSize">): number {
  return Math.max(COMMENT_MIN_GROUP_SIZE, minGroupSizeOf(org));
}

export interface GroupCount<K> {
  key: K;
  /** People behind the group's numbers (e.g. respondents). */
  count: number;
}

export type HiddenReason = "small" | "complementary";

export interface GroupVisibility<K> {
  key: K;
  count: number;
  visible: boolean;
  /** Why it is hidden; null when visible. */
  hidden: HiddenReason | null;
}

export interface SuppressionResult<K> {
  /** Whether the total over all groups may be shown. */
  totalVisible: boolean;
  total: number;
  groups: GroupVisibility<K>[];
}

/**
 * Decides which groups of a partition (every person in exactly one group) may be shown next to their total.
 * Groups with no one in them reveal nothing and stay "visible" with a count of 0 (the caller shows no value).
 */
export function suppressSmallGroups<K>(groups: GroupCount<K>[], minSize: number): SuppressionResult<K> {
  const threshold = Math.max(MIN_GROUP_SIZE_FLOOR, minSize);
  const total = groups.reduce((sum, group) => sum + group.count, 0);
  const hidden = new Map<number, HiddenReason>();
  groups.forEach((group, index) => {
    if (group.count > 0 && group.count < threshold) hidden.set(index, "small");
  });
  const hiddenCount = () => [...hidden.keys()].reduce((sum, index) => sum + groups[index].count, 0);
  // Smallest visible groups first; ties broken by position so the outcome never depends on the order of a query.
  const candidates = groups
    .map((group, index) => ({ group, index }))
    .filter(({ group, index }) => group.count > 0 && !hidden.has(index))
    .sort((a, b) => a.group.count - b.group.count || a.index - b.index);
  while (hidden.size > 0 && hiddenCount() < threshold && candidates.length > 0) {
    hidden.set(candidates.shift()!.index, "complementary");
  }
  return {
    total,
    totalVisible: total >= threshold,
    groups: groups.map((group, index) => ({
      key: group.key,
      count: group.count,
      visible: !hidden.has(index),
      hidden: hidden.get(index) ?? null,
    })),
  };
}

/** A single aggregate (no partition next to it): shown only when enough people are behind it. */
export function isGroupVisible(count: number, minSize: number): boolean {
  return count >= Math.max(MIN_GROUP_SIZE_FLOOR, minSize);
}
