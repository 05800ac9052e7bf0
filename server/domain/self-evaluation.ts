/**
 * A self-evaluation (自主评价, issue 15): a community scores itself with the framework against its
 * own history and the framework's targets, privately. Only the user who ran it may read it: it is
 * never ranked, published, listed with the evaluations, compared or exported to anyone else. The
 * figures come from the engine (server/engine/self/self-standing.ts); null stands for a missing
 * value. Arrays run over `periods`, oldest first.
 */
export interface SelfNodeStanding {
  readonly id: string;
  /** Score 0–100 per period. */
  readonly score: readonly (number | null)[];
  /** Score change against the period before (null in the first period or when either is missing). */
  readonly change: readonly (number | null)[];
  /** Trend code per period (server/engine/diagnostics/codes.ts TRENDS). */
  readonly trend: readonly string[];
}

export interface SelfIndicatorStanding {
  readonly id: string;
  /** The dimension (tree node) it belongs to. */
  readonly parent: string;
  /** 1: higher is better; -1: lower is better. */
  readonly direction: 1 | -1;
  readonly raw: readonly (number | null)[];
  /** Goalposts score 0–100 per period. */
  readonly normalised: readonly (number | null)[];
  /** Raw change against the period before. */
  readonly change: readonly (number | null)[];
  /** Traffic light per period (TRAFFIC_LIGHTS). */
  readonly light: readonly string[];
  readonly trend: readonly string[];
  /** The goalposts that applied per period (a target override may move them). */
  readonly floor: readonly (number | null)[];
  readonly target: readonly (number | null)[];
  /** How far the value still is from the target, in the indicator's unit and direction (0: reached). */
  readonly toTarget: readonly (number | null)[];
  /** The green threshold per period, and how far the value is from it (0: green). */
  readonly green: readonly (number | null)[];
  readonly toGreen: readonly (number | null)[];
}

/** Lifting one indicator to its target (goalposts score 100): the index score it would give. */
export interface SelfImprovement {
  readonly indicator: string;
  readonly from: number;
  readonly to: number;
  readonly scoreGain: number;
  readonly newScore: number;
}

export interface SelfStanding {
  readonly periods: readonly string[];
  readonly root: string;
  /** Inner nodes and the root, children before parents (the root last). */
  readonly nodes: readonly SelfNodeStanding[];
  readonly indicators: readonly SelfIndicatorStanding[];
  /** The nodes whose children are indicators (the dimensions the weakest one is chosen among). */
  readonly leafDimensions: readonly string[];
  /** The weakest dimension per period (null when nothing was scored). */
  readonly weakestDimension: readonly (string | null)[];
  /** In the latest period with an index score: the indicators whose improvement lifts it most, first. */
  readonly improvementPeriod: string | null;
  readonly improvements: readonly SelfImprovement[];
}

export interface SelfEvaluation {
  readonly id: string;
  /** The user who ran it and alone may read it. */
  readonly ownerId: string;
  readonly ownerLogin: string;
  /** The community it evaluates (the owner's one-unit scope). */
  readonly unit: string;
  readonly framework: { readonly id: string; readonly version: string; readonly hash: string };
  readonly periods: readonly string[];
  /** The method choices the engine resolved (goalposts normalisation always). */
  readonly methods: Readonly<Record<string, unknown>>;
  /** Method choices that differ from the framework's and why (codes, see SELF_METHOD_NOTES). */
  readonly notes: readonly string[];
  readonly standing: SelfStanding;
  readonly createdAt: string;
}
