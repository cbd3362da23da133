// The figures of an answer: money in and out, ranges and why, the split of a bill and of each of its lines, what
// the data cannot give. Part of the claimcalc types: claimcalc.d.ts exports all of it, import from 'claimcalc'.

/** An amount in yuan: "1280.50" (at most two decimals) or a number such as 1280.5. */
export type Money = string | number;
/** An amount the engine writes: always text with two decimals, e.g. "1280.50". */
export type MoneyText = string;
/**
 * The languages an estimate's sentences come in (Request.texts): both (the default), zh, en or none. The codes that
 * tell sentences apart (needs, part, code, field) and every figure stay in each choice.
 */
export type Texts = 'both' | 'zh' | 'en' | 'none';
/** A sentence's members <K>_zh and <K>_en, those the texts choice T keeps. */
export type Sentence<K extends string, T extends Texts = 'both'> =
  (T extends 'both' | 'zh' ? { [P in `${K}_zh`]: string } : unknown) &
  (T extends 'both' | 'en' ? { [P in `${K}_en`]: string } : unknown);
/** Why a figure is a range (or has an open end): what would settle it. */
export type RangeReason<T extends Texts = 'both'> = Sentence<'reason', T> & {
  /** A request field to ask for, or "policy:<figure>" when the data lacks it. */
  needs: string;
};
/** Bounds: low ≤ high; a null end is open (unbounded that way), never both. */
export interface Bounds {
  low: MoneyText | null;
  high: MoneyText | null;
}
/** A figure known only within bounds, with the reasons it is not exact. */
export interface MoneyRange<T extends Texts = 'both'> extends Bounds {
  reasons: RangeReason<T>[];
}
/** A figure of the split: exact, a range, or null when the data cannot give it (see cannot_estimate). */
export type Figure<T extends Texts = 'both'> = MoneyText | MoneyRange<T> | null;

export type ItemClass = 'class_a' | 'class_b' | 'out_of_catalogue';

export interface Split<T extends Texts = 'both'> {
  total: MoneyText;
  out_of_catalogue: MoneyText;
  over_ceiling: MoneyText;
  class_b_upfront: Figure<T>;
  in_scope: Figure<T>;
  deductible_applied: Figure<T>;
  fund_paid: Figure<T>;
  critical_illness_paid: Figure<T>;
  self_pay: Figure<T>;
  self_funded: MoneyText;
  patient_pays: Figure<T>;
}

/** The same split under the national settlement list's names (医保结算清单). */
export interface NationalSplit<T extends Texts = 'both'> {
  medfee_sumamt: MoneyText;
  fulamt_ownpay_amt: MoneyText;
  overlmt_selfpay: MoneyText;
  preselfpay_amt: Figure<T>;
  inscp_scp_amt: Figure<T>;
  act_pay_dedc: Figure<T>;
  hifp_pay: Figure<T>;
  hifmi_pay: Figure<T>;
  psn_part_amt: Figure<T>;
  psn_cash_pay: Figure<T>;
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

export type Warning<T extends Texts = 'both'> = Sentence<'message', T> & {
  code: string;
};

/** A part the data cannot give, and what would give it (needs). */
export type CannotEstimate<T extends Texts = 'both'> = RangeReason<T> & {
  part: string;
};
