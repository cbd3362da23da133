// Types for claimcalc.js / claimcalc.mjs: the requests the engine takes and the results it answers with. The
// field meanings are in README.md and api.md of this package (docs/api.md in the source). tests/wasm/package.test.mjs
// checks real engine answers against these types with tsc, so a field the engine writes is a field named here.
// The money types and the split are in claimcalc-figures.d.ts, exported from here as part of the one surface.

import type {
  Bounds, CannotEstimate, ItemClass, Money, MoneyText, NationalSplit, ResultItem, Sentence, Split, Texts, Warning,
} from './claimcalc-figures.js';
export * from './claimcalc-figures.js';

/** A date, "YYYY-MM-DD". */
export type DateText = string;

export type ErrorCode =
  | 'malformed_json' | 'too_large' | 'wrong_type' | 'missing_field' | 'unknown_field' | 'unknown_value'
  | 'invalid_money' | 'negative_amount' | 'invalid_ratio' | 'invalid_date' | 'inconsistent' | 'unknown_region'
  | 'no_policy_for_date' | 'unknown_command' | 'policy_invalid'
  /** A region file the loader could not supply (opts.regions): `regions` names the files. */
  | 'region_not_loaded';

export interface ErrorDetail {
  code: ErrorCode;
  /** The request field, e.g. "items[3].amount"; for policy files "file#/json/pointer"; "" for the whole input. */
  field: string;
  message_zh: string;
  message_en: string;
  /**
   * region_not_loaded only: the region ids whose files are not read (each once; regions/<id>.ccp). Its field is
   * the request field that needed them ("insured_region", "request.insured_region", "region"), or "" when the
   * operation needs every region (policies, policy).
   */
  regions?: string[];
}

/** Every engine answer: a result, or an error that names the field. */
export type Envelope<T> = { ok: true; result: T } | { ok: false; error: ErrorDetail };

export type Scheme = 'employee' | 'resident';
export type Person = 'active' | 'retired' | 'flexible' | 'adult' | 'senior' | 'child' | 'student';
export type Tier = 'tier1' | 'tier2' | 'tier3';
export type Setting = 'inpatient' | 'outpatient' | 'chronic_outpatient';
export type HospitalLevel = 'primary' | 'level1' | 'level2' | 'level3';

export interface RequestItem {
  name?: string;
  code?: string;
  class: ItemClass;
  /** How the insured region's catalogue classes the item, when it differs from the bill's class. */
  insured_class?: ItemClass;
  amount?: Money;
  quantity?: number;
  unit_price?: Money;
  price_ceiling?: Money;
  /** Class B's upfront self-pay share, e.g. "10%" or "0.1". */
  selfpay_ratio?: string | number;
}

export interface Request {
  insured_region: string;
  care_region?: string;
  /** The care region's province when that region has no policy data here. */
  care_province?: string;
  scheme: Scheme;
  person?: Person;
  tier?: Tier;
  age?: number;
  setting: Setting;
  disease?: string;
  hospital_level?: HospitalLevel;
  date_of_care: DateText;
  discharge_date?: DateText;
  filing?: 'none' | 'long_term' | 'temporary' | 'referral' | 'emergency';
  filing_date?: DateText;
  settlement?: 'direct' | 'manual_claim';
  enrolment_status?: 'active' | 'suspended' | 'lapsed';
  enrolment_date?: DateText;
  year_to_date?: {
    stays?: number;
    deductible_paid?: Money;
    in_scope?: Money;
    fund_paid?: Money;
    critical_illness_base?: Money;
    critical_illness_paid?: Money;
    disease_fund_paid?: Money;
    outpatient_pool_paid?: Money;
    outpatient_pool_paid_this_month?: Money;
  };
  items?: RequestItem[];
  totals?: { class_a?: Money; class_b?: Money; out_of_catalogue?: Money };
  /** "figures": the answer holds the figures only (EstimateFigures); "full" (the default): the whole Estimate. */
  detail?: 'full' | 'figures';
  /**
   * The languages of the answer's sentences (message_*, reason_*, and in the full answer the steps' text_* and the
   * questions' question_*): 'both' (the default), 'zh', 'en' or 'none'. Estimate<T> and EstimateFigures<T> type the
   * answer to each choice; errors keep both languages.
   */
  texts?: Texts;
}

/**
 * Where a figure, step, document or deadline comes from. The document's own fields (title, doc_no, ...) are here
 * when the result has no sources map (guide, diagnose); an estimate names the document by ref instead.
 */
export interface Source extends Partial<SourceDocument> {
  id: string;
  clause: string;
  /** The source's own sentence for this use. */
  quote?: string;
  note?: string;
  /** "<policy region>:<source id>", the key of the document in Estimate.sources, when the result has that map. */
  ref?: string;
}

export type Step<T extends Texts = 'both'> = Sentence<'text', T> & {
  /** The rule applied, e.g. "policy_version", "deductible", "band". */
  rule: string;
  /** The step's figures by name: money text, a percentage, a count, a date or a word. */
  amounts: { [name: string]: string | number };
  source: Source | null;
};

export interface Material {
  id: string;
  name_zh: string;
  name_en: string;
  /** The original document (not a copy). */
  original: boolean;
  note_zh?: string;
  note_en?: string;
  source: Source;
}

export interface Deadline {
  id: string;
  label_zh: string;
  label_en: string;
  date: DateText;
  weekday_zh: string;
  weekday_en: string;
  rule_zh: string;
  rule_en: string;
  counted_from: DateText;
  /** The last day as counted; `date` moves past statutory days off to the next working day (民法典 art. 203). */
  statutory_date: DateText;
  /** The public-holiday calendar used for the shift, when the year is covered. */
  calendar?: {
    source: string;
    notice?: Omit<SourceDocument, 'id' | 'confidence'>;
  };
  holiday_note_zh?: string;
  holiday_note_en?: string;
  source: Source;
}

export type NextQuestion<T extends Texts = 'both'> = Sentence<'question', T> & {
  /** The request field to ask for, most decisive first. */
  field: string;
  /** How much the answer would narrow the range of a split part at most; by null: it would close an open end. */
  narrows?: { part: string; by: MoneyText | null };
};

export interface Receipt {
  engine_version: string;
  policy_id: string;
  policy_region: string;
  policy_name_zh: string;
  policy_version: DateText;
  policy_hash: string;
  policy_last_verified: string;
  date_of_care: DateText;
}

/** A cited document, when a result lists its documents once (Estimate.sources) and each use refers to it. */
export interface SourceDocument {
  id: string;
  title: string;
  doc_no: string;
  office: string;
  date: string;
  url: string;
  confidence: 'official' | 'secondary';
}

/** An estimate; T: the request's texts choice, which sentence members it has. */
export interface Estimate<T extends Texts = 'both'> {
  /** Each document cited, once; every Source in steps, materials, deadlines and channels names one by its ref. */
  sources: { [ref: string]: SourceDocument };
  split: Split<T>;
  national: NationalSplit<T>;
  items: ResultItem[];
  steps: Step<T>[];
  materials: Material[];
  deadlines: Deadline[];
  /** Where to file the claim this case leads to (online or offline). */
  channels: Channel[];
  next_questions: NextQuestion<T>[];
  warnings: Warning<T>[];
  cannot_estimate: CannotEstimate<T>[];
  /** When benefits start (after a waiting period), or null. */
  benefits_from: DateText | null;
  receipt: Receipt;
}

/** The answer to a request with detail "figures": the same figures to the fen, without texts and documents. */
export type EstimateFigures<T extends Texts = 'both'> = Pick<Estimate<T>, 'split' | 'national' | 'items' | 'warnings' |
                                                                  'cannot_estimate' | 'benefits_from' | 'receipt'>;

export type Scenario = 'manual_claim' | 'reverse_settlement' | 'late_claim' | 'cross_region_filing' | 'special_disease';

export interface Channel {
  name_zh: string;
  name_en: string;
  kind: 'online' | 'offline';
  note_zh?: string;
  note_en?: string;
  source: Source;
}

export interface Guide {
  scenario: Scenario;
  title_zh: string;
  title_en: string;
  /** The region whose rules were used, or null for the national rules only. */
  region: string | null;
  policy_id: string | null;
  /** The province layer whose rules also answered (jiangsu/2023-01-01), or null when the province has none. */
  province_policy_id: string | null;
  steps: Array<{ text_zh: string; text_en: string; source: Source }>;
  materials: Material[];
  deadlines: Deadline[];
  channels: Channel[];
  /** What the region's data does not have for this scenario, said in a sentence. */
  not_in_data: Array<{ zh: string; en: string }>;
  cannot_estimate: CannotEstimate[];
}

export interface Cause {
  id: string;
  title_zh: string;
  title_en: string;
  why_zh: string;
  why_en: string;
  actions: Array<{ text_zh: string; text_en: string }>;
  /** The symptom's words that point to this cause; empty when only the request makes it likely. */
  matched: string[];
  context_zh?: string;
  context_en?: string;
  source: Source;
}

export interface Reverse {
  /** What was settled; critical_illness_paid null when it was not given. */
  original: { fund_paid: MoneyText; critical_illness_paid: MoneyText | null; patient_pays: MoneyText };
  corrected: Estimate;
  /** Every difference is corrected minus original (a negative patient_pays is refunded to the patient); bounds when corrected is a range. */
  difference: {
    fund_paid: MoneyText | Bounds | null;
    critical_illness_paid: MoneyText | Bounds | null;
    patient_pays: MoneyText | Bounds | null;
  };
  /** unknown: a difference the data cannot give (see corrected.cannot_estimate). */
  direction: 'refund_to_patient' | 'patient_pays_more' | 'none' | 'unknown';
}

export interface PolicySummary {
  region: string;
  name_zh: string;
  name_en: string;
  province: string;
  effective_from: DateText;
  effective_to: DateText | null;
  last_verified: string;
  hash: string;
  schemes: Array<{
    scheme: Scheme;
    persons: Person[];
    tiers: Tier[];
    settings: Setting[];
    /** The chronic/special diseases a setting lists (ids for the request's `disease`). */
    diseases: Array<{ id: string; zh: string; en: string; setting: Setting }>;
    critical_illness: boolean;
  }>;
  sources: SourceDocument[];
}

/**
 * A policy pack: {"files":[{"path":"<region>/<effective-from>.json","content":"<file text>"}]}. Its regions replace
 * the built-in versions of those regions and the other built-in regions stay, unless replace is true. today
 * ("YYYY-MM-DD"; the loader sends the host's date when it is absent) refuses a last_verified after it.
 */
export interface PolicyPack {
  files: Array<{ path: string; content: string }>;
  replace?: boolean;
  today?: string;
}

/** One choice the engine accepts (a request value) with its Chinese and English label. */
export interface Choice {
  name: string;
  zh: string;
  en: string;
}

/** A place of the division registry. */
export interface Place {
  code: number;
  zh: string;
  short: string;
  region?: string;
}

/** The vocabulary op's answer: every choice in the engine's order, the pack's regions, the input limits. */
export interface Vocabulary {
  schemes: Choice[];
  persons: Choice[];
  tiers: Choice[];
  settings: Choice[];
  levels: Choice[];
  classes: Choice[];
  filings: Choice[];
  settlements: Choice[];
  regions: Array<{ region: string; zh: string; en: string; province: string }>;
  /** Every province-level division (GB/T 2260 code, 广东省, 广东); region: the pack's file for it, if any (its policies() schemes say what it covers). */
  provinces: Place[];
  /** Every city (prefecture-level, municipality, county-level city under a province) with its province's code. */
  cities: Array<Place & { province: number }>;
  /** The most bill lines (items) and request bytes one request may have. */
  limits: { items: number; request_bytes: number };
}

/** The instantiate part of WebAssembly, WXWebAssembly or MYWebAssembly. */
export interface WebAssemblyLike {
  instantiate(source: any, imports: object): Promise<any>;
  Module?: unknown;
}

/** claimcalc.asm.js: the wasm2js build, for runtimes without WebAssembly. */
export type AsmFactory = (imports: object) => object;

export interface LoadOptions {
  /** The WebAssembly to use; default: WXWebAssembly, MYWebAssembly or WebAssembly, whichever exists. */
  WebAssembly?: WebAssemblyLike;
  /** Used when there is no WebAssembly at all, or when it cannot compile the module (it uses bulk memory). */
  fallback?: AsmFactory;
  /** Used only when source is a URL; default: the global fetch. */
  fetch?: (url: string) => Promise<{ ok?: boolean; status?: number; arrayBuffer(): Promise<ArrayBuffer> }>;
  /**
   * Where the region files (regions/<id>.ccp, one per built-in region but the national rules) are read from when
   * an answer first needs one: a folder (a package path in a mini-program, read with the runtime's file API; a
   * path in Node; a URL elsewhere), or a function from a region id to the file's bytes (or a promise of them;
   * null: not available). Default: regions/ beside a source given as a path or URL; for bytes in Node, the
   * package's regions/. A file that cannot be had leaves the answer region_not_loaded.
   */
  regions?: string | ((region: string) => ArrayBuffer | Uint8Array | null | Promise<ArrayBuffer | Uint8Array | null>) | null;
  /**
   * The authoring module (claimcalc-author.wasm: the engine with the policy reader, which claimcalc.wasm leaves
   * out), instantiated once, in place of the base, on the first loadPolicies or validate_policy call; a source like
   * load's. Default: claimcalc-author.wasm (.wasm.br for a .wasm.br source) beside a source given as a path or
   * URL; for bytes in Node, the package's. null: none (validate_policy then answers unknown_command and
   * loadPolicies rejects).
   */
  author?: ArrayBuffer | Uint8Array | string | AsmFactory | null;
}

/** estimateMany's choices for the requests that make none of their own (Request's detail and texts). */
export interface BatchOptions {
  detail?: 'full' | 'figures';
  texts?: Texts;
}

/**
 * Every method crosses into the engine once and resolves to the parsed envelope; it never throws. Input that
 * cannot be written as JSON (circular, BigInt, nested too deeply) rejects; a non-finite amount is answered with
 * invalid_money on its field. A trap inside the module rejects that call; the next call runs on a fresh instance
 * (with loaded policies re-applied).
 */
export interface Engine {
  /** With texts written out ({ texts: 'none' }), the answer is typed to it; otherwise as 'both'. */
  estimate<T extends Texts>(request: Request & { detail: 'figures'; texts: T }): Promise<Envelope<EstimateFigures<T>>>;
  estimate(request: Request & { detail: 'figures' }): Promise<Envelope<EstimateFigures>>;
  estimate<T extends Texts>(request: Request & { texts: T }): Promise<Envelope<Estimate<T>>>;
  estimate(request: Request): Promise<Envelope<Estimate>>;
  /**
   * One crossing for the whole list; result[i] is the envelope of requests[i]. At most 10,000 requests (more:
   * too_large on requests); the answers stream out of the module one by one, so its memory holds one answer at a time.
   * options: the batch's detail and texts, for each request that gives none of its own (a request's own wins). The
   * answers are typed by the options when the requests leave both choices to them, else by the requests' own.
   */
  estimateMany<T extends Texts>(requests: Array<Request & { detail?: undefined; texts?: undefined }>,
    options: { detail: 'figures'; texts: T }): Promise<Envelope<Array<Envelope<EstimateFigures<T>>>>>;
  estimateMany(requests: Array<Request & { detail?: undefined; texts?: undefined }>,
    options: { detail: 'figures'; texts?: 'both' }): Promise<Envelope<Array<Envelope<EstimateFigures>>>>;
  estimateMany<T extends Texts>(requests: Array<Request & { detail?: undefined; texts?: undefined }>,
    options: { detail?: 'full'; texts: T }): Promise<Envelope<Array<Envelope<Estimate<T>>>>>;
  estimateMany<T extends Texts>(
    requests: Array<Request & { detail: 'figures'; texts: T }>): Promise<Envelope<Array<Envelope<EstimateFigures<T>>>>>;
  estimateMany(requests: Array<Request & { detail: 'figures' }>): Promise<Envelope<Array<Envelope<EstimateFigures>>>>;
  estimateMany<T extends Texts>(
    requests: Array<Request & { texts: T }>): Promise<Envelope<Array<Envelope<Estimate<T> | EstimateFigures<T>>>>>;
  estimateMany(requests: Request[]): Promise<Envelope<Array<Envelope<Estimate | EstimateFigures>>>>;
  estimateMany(requests: Request[], options: BatchOptions): Promise<Envelope<Array<Envelope<
    Estimate<Texts> | EstimateFigures<Texts>>>>>;
  /** The steps as sentences: Chinese, English, or both (the default, Chinese first). */
  explain(request: Request, lang?: 'zh' | 'en' | 'both'): Promise<Envelope<{ text: string }>>;
  /** Steps, documents, dated deadlines and channels for a process. */
  guide(input: { scenario: Scenario; region?: string; request?: Request }): Promise<Envelope<Guide>>;
  /** Likely causes of a settlement error or filing failure, most likely first. */
  diagnose(input: { symptom: string; region?: string; request?: Request }): Promise<Envelope<{ causes: Cause[] }>>;
  /** Reverse settlement: the difference per fund between what was settled and the corrected bill. */
  reverse(input: {
    original: { fund_paid: Money; critical_illness_paid?: Money; patient_pays: Money; total?: Money };
    request: Request;
  }): Promise<Envelope<Reverse>>;
  policies(): Promise<Envelope<PolicySummary[]>>;
  policy(region: string): Promise<Envelope<PolicySummary[]>>;
  /** Replaces the policy pack in use when the answer is ok; the old pack stays otherwise. */
  loadPolicies(pack: PolicyPack | string): Promise<Envelope<PolicySummary[]>>;
  version(): Promise<Envelope<{ engine_version: string }>>;
  /** Every choice's name and labels, the regions of the pack in use and the limits: what a form offers. */
  vocabulary(): Promise<Envelope<Vocabulary>>;
  /**
   * Low level: an operation envelope ({"op": ...}) as an object, JSON text or UTF-8 bytes; with text, the answer as
   * JSON text in ASCII (every character above U+007F as a \uXXXX escape: the same JSON values, faster to decode).
   */
  call(envelope: object | string | Uint8Array): Promise<Envelope<unknown>>;
  call(envelope: object | string | Uint8Array, text: true): Promise<string>;
}

/**
 * source: wasm bytes; in Node a file path (read with fs); elsewhere a URL (fetched); in a mini-program a package
 * path such as "/claimcalc/claimcalc.wasm.br" (given to WXWebAssembly/MYWebAssembly.instantiate); or the
 * AsmFactory. A .wasm.br is read only by mini-programs: elsewhere load the .wasm.
 */
export function load(source: ArrayBuffer | Uint8Array | string | AsmFactory, options?: LoadOptions): Promise<Engine>;

declare const ClaimCalc: { load: typeof load };
export default ClaimCalc;
