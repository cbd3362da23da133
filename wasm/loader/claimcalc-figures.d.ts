// The figures of an answer: money in and out, ranges and why, the split of a bill and of each of its lines, what
// the data cannot give. Part of the claimcalc types: claimcalc.d.ts exports all of it, import from 'claimcalc'.

/** An amount in yuan: "1280.50" (at most two decimals) or a number such as 1280.5. */
export type Money = string | number;
/** An amount the engine writes: always text with two decimals, e.g. "1280.50". */
export type MoneyText = string;
/** Why a figure is a range (or has an open end): what would settle it. */
export interface RangeReason {
  /** A request field to ask for, or "policy:<figure>" when the data lacks it. */
  needs: string;
  reason_zh: string;
  reason_en: string;
}
/** Bounds: low ≤ high; a null end is open (unbounded that way), never both. */
export interface Bounds {
  low: MoneyText | null;
  high: MoneyText | null;
}
/** A figure known only within bounds, with the reasons it is not exact. */
export interface MoneyRange extends Bounds {
  reasons: RangeReason[];
}
/** A figure of the split: exact, a range, or null when the data cannot give it (see cannot_estimate). */
export type Figure = MoneyText | MoneyRange | null;

export type ItemClass = 'class_a' | 'class_b' | 'out_of_catalogue';

export interface Split {
  total: MoneyText;
  out_of_catalogue: MoneyText;
  over_ceiling: MoneyText;
  class_b_upfront: Figure;
  in_scope: Figure;
  deductible_applied: Figure;
  fund_paid: Figure;
  critical_illness_paid: Figure;
  self_pay: Figure;
  self_funded: MoneyText;
  patient_pays: Figure;
}

/** The same split under the national settlement list's names (医保结算清单). */
export interface NationalSplit {
  medfee_sumamt: MoneyText;
  fulamt_ownpay_amt: MoneyText;
  overlmt_selfpay: MoneyText;
  preselfpay_amt: Figure;
  inscp_scp_amt: Figure;
  act_pay_dedc: Figure;
  hifp_pay: Figure;
  hifmi_pay: Figure;
  psn_part_amt: Figure;
  psn_cash_pay: Figure;
}

/** One bill line: its own share of the split's first parts. */
export interface ResultItem
  extends Pick<Split, 'total' | 'out_of_catalogue' | 'over_ceiling' | 'class_b_upfront' | 'in_scope'> {
  name: string;
  code?: string;
  class: ItemClass;
  /** "10%", or null when the data has no ratio for the item. */
  selfpay_ratio: string | null;
}

export interface Warning {
  code: string;
  message_zh: string;
  message_en: string;
}

/** A part the data cannot give, and what would give it (needs). */
export interface CannotEstimate extends RangeReason {
  part: string;
}
