#include "engine/codec/figures_codec.hpp"

#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "engine/codec/json_writer.hpp"
#include "engine/core/split_parts.hpp"

namespace claimcalc::codec {

namespace {

// A list of coded sentences as cannot_estimate, warnings and a range's reasons are written: each entry its codes
// (members named in `codes`, in order), then its sentence in the languages asked; in a batch the whole list is one
// kept run (write_fragment).
template <class T, std::size_t N>
void write_coded_sentences(JsonWriter& w, const Sentences& sentences, Fragment::Kind kind, const std::vector<T>& list,
                           const std::pair<std::string_view, Text T::*> (&codes)[N], std::string_view en_key,
                           Text T::*en, std::string_view zh_key, Text T::*zh) {
  Fragment f(kind, sentences.texts);
  for (const T& x : list) {
    for (const auto& code : codes) f.add(x.*code.second);
    f.add(x.*en, x.*zh);
  }
  write_fragment(w, sentences.batch, f, [&] {
    w.begin_array();
    for (const T& x : list) {
      w.begin_object();
      for (const auto& code : codes) {
        w.key(code.first);
        w.pieces(x.*code.second);
      }
      write_sentences(w, sentences, en_key, x.*en, zh_key, x.*zh);
      w.end_object();
    }
    w.end_array();
  });
}

// A member name is copied as a fixed block of this many bytes (figures below), then the writer steps on by its length.
constexpr std::size_t kKeyBlock = 32;

// A range as figure_json in result_codec.cpp writes it ({high, low, reasons} in dump order).
void figure(JsonWriter& w, const Range& r, Sentences sentences) {
  char* p = w.run(24 + 2 * json_run::kMoneyRoom);
  p = json_run::money(json_run::literal(p, "{\"high\":"), r.high);
  p = json_run::money(json_run::literal(p, ",\"low\":"), r.low);
  w.ran_to_key(json_run::literal(p, ",\"reasons\":"));
  write_coded_sentences(w, sentences, Fragment::reasons, r.reasons, {{"needs", &RangeReason::needs}}, "reason_en",
                        &RangeReason::reason_en, "reason_zh", &RangeReason::reason_zh);
  p = w.more(1);
  *p++ = '}';
  w.ran(p);
}

}  // namespace

SplitFigures::SplitFigures(const Estimate& est, Sentences sentences) : sentences_(sentences) {
  const auto& parts = split_parts();
  // Ranges and parts are both sorted by name: one walk pairs them (the table fetched once, not at every step).
  std::size_t p = 0;
  for (const auto& [name, range] : est.ranges) {
    while (p < parts.size() && parts[p].name != name) ++p;
    if (p == parts.size()) break;
    if (!parts[p].bill) range_[p] = &range;
  }
  for (p = 0; p < parts.size(); ++p) {
    if (range_[p] != nullptr) continue;  // written as its range
    const SplitPart& part = parts[p];
    // A bill part is null without a bill and never a range.
    const std::optional<Fen> v = part.bill && !est.bill_given ? std::nullopt : part.value(est.split);
    size_[p] = static_cast<std::uint8_t>(json_run::money(text_[p].data(), v) - text_[p].data());
  }
}

void SplitFigures::write_range(JsonWriter& w, std::size_t p) {
  if (end_[p] != 0) {
    w.repeat(begin_[p], end_[p]);
    return;
  }
  begin_[p] = w.offset();
  figure(w, *range_[p], sentences_);
  end_[p] = w.offset();
}

void SplitFigures::write_object(JsonWriter& w, const char* keys, const std::uint8_t* at, const std::uint8_t* parts,
                                std::size_t n) {
  constexpr std::size_t kMember = kKeyBlock + 32;  // a name's block and a figure's text block
  char* out = w.run(n * kMember + 1);
  for (std::size_t i = 0; i < n; ++i) {
    std::memcpy(out, keys + at[i], kKeyBlock);
    out += at[i + 1] - at[i];
    const std::size_t p = parts[i];
    if (range_[p] == nullptr) {
      std::memcpy(out, text_[p].data(), 32);
      out += size_[p];
    } else {
      w.ran_to_key(out);
      write_range(w, p);
      out = w.more((n - i) * kMember + 1);
    }
  }
  *out++ = '}';
  w.ran(out);
}

namespace {

// Member names with their punctuation, in dump order, one after another in one text (the split's parts, as
// split_parts(); the national names, as national_names()), and where each starts: a name is copied as a fixed block
// of kKeyBlock bytes from there (the text ends in that many spare bytes), then the writer steps on by its length.
constexpr char kSplitKeys[] =
    "{\"class_b_upfront\":,\"critical_illness_paid\":,\"deductible_applied\":,\"fund_paid\":,\"in_scope\":"
    ",\"out_of_catalogue\":,\"over_ceiling\":,\"patient_pays\":,\"self_funded\":,\"self_pay\":,\"total\":"
    "                                ";
constexpr std::uint8_t kSplitAt[] = {0, 19, 44, 66, 79, 91, 111, 127, 143, 158, 170, 179};
constexpr std::uint8_t kSplitParts[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
constexpr char kNationalKeys[] =
    "{\"act_pay_dedc\":,\"fulamt_ownpay_amt\":,\"hifmi_pay\":,\"hifp_pay\":,\"inscp_scp_amt\":"
    ",\"medfee_sumamt\":,\"overlmt_selfpay\":,\"preselfpay_amt\":,\"psn_cash_pay\":,\"psn_part_amt\":"
    "                                ";
constexpr std::uint8_t kNationalAt[] = {0, 16, 37, 50, 62, 79, 96, 115, 133, 149, 165};
constexpr std::uint8_t kNationalParts[] = {2, 5, 1, 3, 4, 10, 6, 0, 7, 7};

// Each name starts where the previous one ended, with its punctuation, and the block copied from the last one stays
// inside the text. That the names are split_parts()'s and national_names()'s is held by the tests comparing these
// answers with the tree's (tests/unit/estimate_writer_test.cpp, detail_test.cpp).
template <std::size_t N, std::size_t M>
constexpr bool well_formed(const char (&text)[N], const std::uint8_t (&at)[M]) {
  for (std::size_t i = 0; i + 1 < M; ++i) {
    const std::size_t b = at[i], e = at[i + 1];
    if (e < b + 4 || b + kKeyBlock > N || text[b] != (i == 0 ? '{' : ',') || text[b + 1] != '"' || text[e - 2] != '"' ||
        text[e - 1] != ':')
      return false;
  }
  return text[at[M - 1]] == ' ';
}
static_assert(well_formed(kSplitKeys, kSplitAt) && well_formed(kNationalKeys, kNationalAt), "member names");

}  // namespace

void write_split(JsonWriter& w, SplitFigures& figures) {
  figures.write_object(w, kSplitKeys, kSplitAt, kSplitParts, 11);
}

void write_national(JsonWriter& w, SplitFigures& figures) {
  figures.write_object(w, kNationalKeys, kNationalAt, kNationalParts, 10);
}

namespace {

// The names a request's totals become (request_codec.cpp's parse_claim and the plain reader: the class's label_zh
// and 合计), with their JSON text in each charset, worked out at compile time: an ASCII answer writes each of their
// characters as a \uXXXX escape, which was a fifth of the figures writer's cost (17 of the race's 21 requests give
// totals). Should the labels change, no item matches these and each name is escaped as any other: the same bytes.
struct TotalName {
  static constexpr std::size_t kRoom = 64;
  std::string_view name;
  char json[2][kRoom] = {};  // by Charset: the name as a JSON string (UTF-8 as is; ASCII with \uXXXX escapes)
  std::size_t size[2] = {};  // 0: not made (a character other than plain ASCII or three UTF-8 bytes)
  explicit constexpr TotalName(std::string_view n) : name(n) {
    for (std::size_t c = 0; c < 2; ++c) {
      std::size_t at = 0;
      json[c][at++] = '"';
      for (std::size_t i = 0; i < n.size(); ++i) {
        const auto b = static_cast<unsigned char>(n[i]);
        if (c == 0 || b < 0x80) {
          if (b < 0x20 || b == '"' || b == '\\') return;
          json[c][at++] = n[i];
          continue;
        }
        if ((b & 0xF0u) != 0xE0u || i + 2 >= n.size()) return;
        const unsigned unit = (b & 0xFu) << 12 | (static_cast<unsigned char>(n[i + 1]) & 0x3Fu) << 6 |
                              (static_cast<unsigned char>(n[i + 2]) & 0x3Fu);
        i += 2;
        json[c][at++] = '\\';
        json[c][at++] = 'u';
        for (int shift = 12; shift >= 0; shift -= 4) json[c][at++] = "0123456789abcdef"[unit >> shift & 0xFu];
      }
      json[c][at++] = '"';
      size[c] = at;
    }
  }
};
constexpr TotalName kTotalNames[] = {TotalName("甲类合计"), TotalName("乙类合计"), TotalName("丙类（目录外）合计")};
constexpr bool all_made() {
  for (const TotalName& t : kTotalNames)
    if (t.size[0] == 0 || t.size[1] == 0) return false;
  return true;
}
static_assert(all_made(), "the totals' names made at compile time");

}  // namespace

void write_items(JsonWriter& w, const std::vector<ItemResult>& list) {
  namespace run = json_run;
  const auto charset = static_cast<std::size_t>(w.charset());
  // The members up to the name's value, by class (the class's name is a constant).
  static constexpr run::Padded<48> kHead[] = {
      "{\"class\":\"class_a\",\"class_b_upfront\":",
      "{\"class\":\"class_b\",\"class_b_upfront\":",
      "{\"class\":\"out_of_catalogue\",\"class_b_upfront\":",
  };
  static_assert(static_cast<int>(ItemClass::class_a) == 0 && static_cast<int>(ItemClass::class_b) == 1 &&
                    static_cast<int>(ItemClass::out_of_catalogue) == 2,
                "kHead is indexed by the class");
  // Room for an item's members after its name, and for the whole item when its name is a total's and it has no
  // code: one run, no call (most items of a figures batch).
  constexpr std::size_t kTail = 4 * (24 + run::kMoneyRoom) + kPercentChars;
  constexpr std::size_t kToName = 48 + 2 * run::kMoneyRoom + 32;
  w.begin_array();
  for (const auto& it : list) {
    const auto k = static_cast<std::size_t>(it.item_class);
    char* p = w.run(kToName + TotalName::kRoom + kTail);
    p = run::padded(p, kHead[k]);
    p = run::money(p, it.class_b_upfront);
    if (!it.code.empty()) {
      p = run::literal(p, ",\"code\":");
      w.ran_to_key(p);
      w.string(it.code);
      p = w.more(kToName + TotalName::kRoom + kTail);
    }
    p = run::literal(p, ",\"in_scope\":");
    p = run::money(p, it.in_scope);
    p = run::literal(p, ",\"name\":");
    const TotalName& total = kTotalNames[k];
    if (total.size[charset] != 0 && it.name == total.name) {
      std::memcpy(p, total.json[charset], TotalName::kRoom);
      p += total.size[charset];
    } else {
      w.ran_to_key(p);
      w.string(it.name);
      p = w.more(kTail);
    }
    p = run::literal(p, ",\"out_of_catalogue\":");
    p = run::money(p, it.out_of_catalogue);
    p = run::literal(p, ",\"over_ceiling\":");
    p = run::money(p, it.over_ceiling);
    p = run::literal(p, ",\"selfpay_ratio\":");
    if (it.selfpay_ratio) {
      *p++ = '"';
      p += write_percent(*it.selfpay_ratio, p);
      *p++ = '"';
    } else {
      p = run::null(p);
    }
    p = run::literal(p, ",\"total\":");
    p = run::money(p, it.total);
    *p++ = '}';
    w.ran(p);
  }
  w.end_array();
}

void write_text(JsonWriter& w, std::string_view key, std::string_view value) {
  w.key(key);
  w.string(value);
}

void write_benefits_from(JsonWriter& w, const Estimate& est) {
  w.key("benefits_from");
  char* p = w.run(json_run::kDateRoom);
  w.ran(est.benefits_from ? json_run::date(p, *est.benefits_from) : json_run::null(p));
}

void write_cannot_estimate(JsonWriter& w, const Estimate& est, Sentences sentences) {
  w.key("cannot_estimate");
  write_coded_sentences(w, sentences, Fragment::cannot_estimate, est.cannot_estimate,
                        {{"needs", &CannotEstimate::needs}, {"part", &CannotEstimate::part}}, "reason_en",
                        &CannotEstimate::reason_en, "reason_zh", &CannotEstimate::reason_zh);
}

void write_receipt_tail(JsonWriter& w, const Policy& policy, const char* engine_version) {
  write_text(w, "engine_version", engine_version);
  write_text(w, "policy_hash", policy.hash);
  write_text(w, "policy_id", policy.id());
  write_text(w, "policy_last_verified", policy.last_verified);
  write_text(w, "policy_name_zh", policy.name_zh);
  write_text(w, "policy_region", policy.region);
  write_text(w, "policy_version", policy.effective_from.iso());
  w.end_object();
}

namespace {

// "receipt":{"date_of_care":"..." (the receipt's members up to its tail).
void write_receipt_head(JsonWriter& w, const Estimate& est) {
  char* p = w.run(32 + json_run::kDateRoom);
  p = json_run::literal(p, "\"receipt\":{\"date_of_care\":");
  w.ran(json_run::date(p, est.date_of_care));
}

}  // namespace

void write_receipt(JsonWriter& w, const Estimate& est, const char* engine_version) {
  write_receipt_head(w, est);
  write_receipt_tail(w, *est.policy, engine_version);
}

void write_warnings(JsonWriter& w, const Estimate& est, Sentences sentences) {
  w.key("warnings");
  write_coded_sentences(w, sentences, Fragment::warnings, est.warnings, {{"code", &Warning::code}}, "message_en",
                        &Warning::message_en, "message_zh", &Warning::message_zh);
}

void open_envelope(JsonWriter& w, const Estimate& est, Sentences sentences) {
  char* p = w.run(48 + json_run::kDateRoom);
  p = json_run::literal(p, "{\"ok\":true,\"result\":{\"benefits_from\":");
  w.ran(est.benefits_from ? json_run::date(p, *est.benefits_from) : json_run::null(p));
  write_cannot_estimate(w, est, sentences);
}

void close_envelope(JsonWriter& w, const Estimate& est, Sentences sentences) {
  write_warnings(w, est, sentences);
  char* p = w.more(2);
  w.ran(json_run::literal(p, "}}"));
}

void write_error_envelope(JsonWriter& w, const Error& error) {
  w.begin_object();
  w.key("error");
  w.begin_object();
  w.key("code");
  w.string(error_code_name(error.code));
  w.key("field");
  w.string(error.field);
  w.key("message_en");
  w.string(error.message_en);
  w.key("message_zh");
  w.string(error.message_zh);
  if (!error.regions.empty()) {
    w.key("regions");
    w.begin_array();
    for (const auto& r : error.regions) w.string(r);
    w.end_array();
  }
  w.end_object();
  w.key("ok");
  w.boolean(false);
  w.end_object();
}

void append_figures_envelope(std::string& out, const Estimate& est, const char* engine_version) {
  // Room for the whole answer at once: growing the string step by step cost a fifth of the writing.
  reserve_more(out, 1024 + 256 * est.items.size() + 512 * (est.cannot_estimate.size() + est.warnings.size()));
  JsonWriter w(out);
  append_figures_envelope(w, est, engine_version);
}

void append_figures_envelope(JsonWriter& w, const Estimate& est, const char* engine_version, Sentences sentences) {
  open_envelope(w, est, sentences);
  w.key("items");
  write_items(w, est.items);
  SplitFigures figures(est, sentences);
  w.key("national");
  write_national(w, figures);
  if (sentences.batch != nullptr) {
    write_receipt_head(w, est);
    w.continued(sentences.batch->receipt_tail(est, engine_version, w.charset()));
  } else {
    write_receipt(w, est, engine_version);
  }
  w.key("split");
  write_split(w, figures);
  close_envelope(w, est, sentences);
}

}  // namespace claimcalc::codec
