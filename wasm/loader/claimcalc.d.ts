// Types for claimcalc.js / claimcalc.mjs. The request and result shapes are in docs (DESIGN.md, "The request
// and the result (v1)"); here they are open records so a new engine field never breaks a build.

export interface ErrorDetail {
  code: string;
  field: string;
  message_zh: string;
  message_en: string;
}

/** Every engine answer: a result, or an error that names the field. */
export type Envelope<T = Record<string, unknown>> =
  | { ok: true; result: T }
  | { ok: false; error: ErrorDetail };

export type Money = string;

export interface Request {
  insured_region: string;
  care_region?: string;
  scheme: 'employee' | 'resident';
  person?: string;
  tier?: string;
  age?: number;
  setting: 'inpatient' | 'outpatient' | 'chronic_outpatient';
  disease?: string;
  hospital_level?: 'primary' | 'level1' | 'level2' | 'level3';
  date_of_care: string;
  discharge_date?: string;
  filing?: 'none' | 'long_term' | 'temporary' | 'referral' | 'emergency';
  filing_date?: string;
  settlement?: 'direct' | 'manual_claim';
  year_to_date?: Record<string, Money | number>;
  items?: Array<{
    name?: string;
    code?: string;
    class: 'class_a' | 'class_b' | 'out_of_catalogue';
    amount?: Money;
    quantity?: number;
    unit_price?: Money;
    price_ceiling?: Money;
    selfpay_ratio?: string;
  }>;
  totals?: { class_a?: Money; class_b?: Money; out_of_catalogue?: Money };
  [field: string]: unknown;
}

/** A policy pack: {"files":[{"path":"<region>/<effective-from>.json","content":"<file text>"}]}. */
export interface PolicyPack {
  files: Array<{ path: string; content: string }>;
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
  /** Used when there is no WebAssembly at all. */
  fallback?: AsmFactory;
  /** Used only when source is a URL; default: the global fetch. */
  fetch?: (url: string) => Promise<{ arrayBuffer(): Promise<ArrayBuffer> }>;
}

/**
 * Every method crosses into the engine once and resolves to the parsed envelope. A trap or abort inside the
 * module rejects that call with an Error; the next call runs on a fresh instance (with loaded policies re-applied).
 */
export interface Engine {
  estimate(request: Request): Promise<Envelope>;
  /** One crossing for the whole list; result[i] is the envelope of requests[i]. */
  estimateMany(requests: Request[]): Promise<Envelope<Envelope[]>>;
  explain(request: Request): Promise<Envelope<{ text: string }>>;
  /** Steps, documents, dated deadlines and channels for a process (docs/api.md, "A scenario guide"). */
  guide(input: {
    scenario: 'manual_claim' | 'reverse_settlement' | 'late_claim' | 'cross_region_filing' | 'special_disease';
    region?: string;
    request?: Request;
  }): Promise<Envelope>;
  /** Likely causes of a settlement error or filing failure, most likely first. */
  diagnose(input: { symptom: string; region?: string; request?: Request }): Promise<Envelope>;
  /** Reverse settlement: the difference per fund between what was settled and the corrected bill. */
  reverse(input: {
    original: { fund_paid: Money; critical_illness_paid?: Money; patient_pays: Money; total?: Money };
    request: Request;
  }): Promise<Envelope>;
  policies(): Promise<Envelope<Array<Record<string, unknown>>>>;
  policy(region: string): Promise<Envelope<Array<Record<string, unknown>>>>;
  /** Replaces the policy pack in use when the answer is ok; the old pack stays otherwise. */
  loadPolicies(pack: PolicyPack | string): Promise<Envelope<Array<Record<string, unknown>>>>;
  version(): Promise<Envelope<{ engine_version: string }>>;
  /** Low level: an operation envelope ({"op": ...}) as an object, JSON text or UTF-8 bytes; with text, the answer as JSON text. */
  call(envelope: object | string | Uint8Array): Promise<Envelope<unknown>>;
  call(envelope: object | string | Uint8Array, text: true): Promise<string>;
}

/**
 * source: wasm bytes; a URL (fetched); a mini-program package path such as "/wasm/claimcalc.wasm.br"
 * (given to WXWebAssembly/MYWebAssembly.instantiate); or the AsmFactory.
 */
export function load(source: ArrayBuffer | Uint8Array | string | AsmFactory, options?: LoadOptions): Promise<Engine>;

declare const ClaimCalc: { load: typeof load };
export default ClaimCalc;
