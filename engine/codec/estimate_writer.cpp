#include "engine/codec/estimate_writer.hpp"

#include <algorithm>
#include <cstring>
#include <optional>
#include <utility>
#include <vector>

#include "engine/codec/ascii_json.hpp"
#include "engine/codec/batch_texts.hpp"
#include "engine/codec/figures_codec.hpp"
#include "engine/codec/json_writer.hpp"
#include "engine/codec/kept_sources.hpp"
#include "engine/core/stable_sort.hpp"

namespace claimcalc::codec {

namespace {

// The uses of documents in the answer, in the order they are written (steps with a source, materials, deadlines,
// channels): each looked up once, for its object where it is cited and its document in result.sources.
class Cited {
 public:
  Cited(KeptSources& kept, const Estimate& est, const Policy& process_policy) : kept_(kept) {
    kept.start_answer();
    for (const auto& s : est.trace.steps())
      if (s.cite) add(*est.layers.holding(*s.cite, est.policy), *s.cite);
    materials_at_ = uses_.size();
    for (const auto& m : est.materials) add(process_policy, m.cite);
    deadlines_at_ = uses_.size();
    for (const auto& d : est.deadlines) add(process_policy, d.cite);
    channels_at_ = uses_.size();
    for (const auto& c : est.channels) add(process_policy, c.cite);
  }
  // Use `at` (counted in the order above) as the "source" member: {clause, id, note?, quote?, ref}.
  void write_source(JsonWriter& w, std::size_t at) {
    w.key("source");
    w.raw(KeptSources::object(*uses_[at], w.charset()));
  }
  // The documents every step, material, deadline and channel cites, each once, in ref order (as the tree path's
  // std::map holds them); the first use of a ref decides its entry, as there.
  void write_sources(JsonWriter& w) {
    std::vector<KeptSources::Document*> documents;
    for (const auto* u : uses_)
      if (std::find(documents.begin(), documents.end(), u->document) == documents.end())
        documents.push_back(u->document);
    stable_sort_list(documents,
                     [](const KeptSources::Document* a, const KeptSources::Document* b) { return a->ref < b->ref; });
    w.key("sources");
    w.begin_object();
    for (std::size_t i = 0; i < documents.size(); ++i)
      if (i == 0 || documents[i]->ref != documents[i - 1]->ref) w.raw(KeptSources::member(*documents[i], w.charset()));
    w.end_object();
  }
  std::size_t materials_at() const { return materials_at_; }
  std::size_t deadlines_at() const { return deadlines_at_; }
  std::size_t channels_at() const { return channels_at_; }

 private:
  void add(const Policy& policy, const Citation& cite) { uses_.push_back(&kept_.use(policy, cite)); }

  KeptSources& kept_;
  std::vector<KeptSources::Use*> uses_;
  std::size_t materials_at_ = 0, deadlines_at_ = 0, channels_at_ = 0;
};

void write_value(JsonWriter& w, const StepValue& v) {
  switch (v.kind) {
    case StepValue::Kind::money:
      w.money(v.fen);
      return;
    case StepValue::Kind::ratio:
      w.percent(v.ratio);
      return;
    case StepValue::Kind::count:
      w.integer(v.count);
      return;
    case StepValue::Kind::date:
    case StepValue::Kind::text:
      w.string(v.text());
      return;
  }
  w.null();
}

// A step's amounts as an object keyed by name: sorted, and the last value of a repeated name kept (as assigning
// into the tree does). sorted: the steps' one list, cleared for each.
void write_amounts(JsonWriter& w, const std::vector<StepValue>& values, std::vector<const StepValue*>& sorted) {
  sorted.clear();
  for (const auto& v : values) sorted.push_back(&v);
  stable_sort_list(sorted, [](const StepValue* a, const StepValue* b) { return a->name < b->name; });
  w.key("amounts");
  w.begin_object();
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    if (i + 1 < sorted.size() && sorted[i + 1]->name == sorted[i]->name) continue;
    w.key_text(sorted[i]->name);
    write_value(w, *sorted[i]);
  }
  w.end_object();
}

// A step's sentence written from its pieces straight into the answer (engine/core/trace.hpp): the template's text
// copied (escaped in ascii: it is plain UTF-8, literals), numbers and dates written in place; no string composed
// and then escaped whole.
void write_step_sentence(JsonWriter& w, const Step& s, bool zh) {
  SentencePiece pieces[kMaxSentencePieces];
  const std::size_t n = sentence_pieces(s, zh, pieces);
  std::size_t room = 2;  // the quotes; a text value makes its own room
  for (std::size_t i = 0; i < n; ++i) room += pieces[i].value == nullptr ? pieces[i].size : kMoneyChars + kPercentChars;
  const bool ascii = w.charset() == Charset::ascii;
  if (ascii) room *= 3;  // escaped, a character takes at most three times its bytes
  char* p = w.run(room);
  *p++ = '"';
  for (std::size_t i = 0; i < n; ++i) {
    const StepValue* v = pieces[i].value;
    if (v != nullptr && v->kind == StepValue::Kind::text) {
      // A text value may hold anything (the pack's, the request's): written by the writer's own escaping as a JSON
      // string, whose quotes are then taken out. The room counted above is still there after it.
      w.ran_to_key(p);  // the string is the value after a member name: no comma before it
      const std::size_t at = w.offset();
      w.string(v->text());
      const std::size_t size = w.offset() - at;
      p = w.more(room) - size;
      std::memmove(p, p + 1, size - 2);
      p += size - 2;
    } else if (v == nullptr || v->kind == StepValue::Kind::date) {  // the template's text, or a date (ISO: ASCII)
      const std::string_view text = v == nullptr ? pieces[i].view() : v->text();
      if (ascii) {
        p = ascii_escaped(p, text);
      } else if (!text.empty()) {
        std::memcpy(p, text.data(), text.size());
        p += text.size();
      }
    } else if (ascii) {  // a number, with ¥ or 元
      char number[kMoneyChars + kPercentChars];
      p = ascii_escaped(p,
                        std::string_view(number, static_cast<std::size_t>(step_value_text(number, *v, zh) - number)));
    } else {
      p = step_value_text(p, *v, zh);
    }
  }
  *p++ = '"';
  w.ran(p);
}

void write_steps(JsonWriter& w, const Estimate& est, Sentences sentences, Cited& cited) {
  w.key("steps");
  w.begin_array();
  std::vector<const StepValue*> sorted;
  std::size_t cite = 0;
  for (const auto& s : est.trace.steps()) {
    w.begin_object();
    write_amounts(w, s.values, sorted);
    write_text(w, "rule", rule_name(s.rule));
    if (s.cite) {
      cited.write_source(w, cite++);
    } else {
      w.key("source");
      w.null();
    }
    if (has(sentences.texts, Texts::en)) {  // the languages asked for, English first (write_sentences' order)
      w.key("text_en");
      write_step_sentence(w, s, false);
    }
    if (has(sentences.texts, Texts::zh)) {
      w.key("text_zh");
      write_step_sentence(w, s, true);
    }
    w.end_object();
  }
  w.end_array();
}

void write_materials(JsonWriter& w, const std::vector<Material>& materials, Cited& cited) {
  w.key("materials");
  w.begin_array();
  std::size_t cite = cited.materials_at();
  for (const auto& m : materials) {
    w.begin_object();
    write_text(w, "id", m.id);
    write_text(w, "name_en", m.name_en);
    write_text(w, "name_zh", m.name_zh);
    if (!m.note_en.empty()) write_text(w, "note_en", m.note_en);
    if (!m.note_zh.empty()) write_text(w, "note_zh", m.note_zh);
    w.key("original");
    w.boolean(m.original);
    cited.write_source(w, cite++);
    w.end_object();
  }
  w.end_array();
}

void write_deadlines(JsonWriter& w, const std::vector<Deadline>& deadlines, Cited& cited) {
  w.key("deadlines");
  w.begin_array();
  std::size_t cite = cited.deadlines_at();
  for (const auto& d : deadlines) {
    w.begin_object();
    if (d.calendar_source != nullptr) {
      w.key("calendar");
      w.begin_object();
      if (d.notice != nullptr) {
        w.key("notice");
        w.begin_object();
        write_text(w, "date", d.notice->date);
        write_text(w, "doc_no", d.notice->doc_no);
        write_text(w, "office", "国务院办公厅");
        write_text(w, "title", d.notice->title);
        write_text(w, "url", d.notice->url);
        w.end_object();
      }
      write_text(w, "source", d.calendar_source);
      w.end_object();
    }
    write_text(w, "counted_from", d.counted_from.iso());
    write_text(w, "date", d.date.iso());
    if (!d.holiday_note_zh.empty()) {
      write_text(w, "holiday_note_en", d.holiday_note_en);
      write_text(w, "holiday_note_zh", d.holiday_note_zh);
    }
    write_text(w, "id", d.id);
    write_text(w, "label_en", d.label_en);
    write_text(w, "label_zh", d.label_zh);
    write_text(w, "rule_en", d.rule_en);
    write_text(w, "rule_zh", d.rule_zh);
    cited.write_source(w, cite++);
    write_text(w, "statutory_date", d.statutory_date.iso());
    const Weekday day = d.date.weekday();
    write_text(w, "weekday_en", weekday_name_en(day));
    write_text(w, "weekday_zh", weekday_name_zh(day));
    w.end_object();
  }
  w.end_array();
}

void write_channels(JsonWriter& w, const std::vector<Channel>& channels, Cited& cited) {
  w.key("channels");
  w.begin_array();
  std::size_t cite = cited.channels_at();
  for (const auto& c : channels) {
    w.begin_object();
    write_text(w, "kind", c.online ? "online" : "offline");
    write_text(w, "name_en", c.name_en);
    write_text(w, "name_zh", c.name_zh);
    if (!c.note_en.empty()) write_text(w, "note_en", c.note_en);
    if (!c.note_zh.empty()) write_text(w, "note_zh", c.note_zh);
    cited.write_source(w, cite++);
    w.end_object();
  }
  w.end_array();
}

void write_next_questions(JsonWriter& w, const std::vector<Question>& questions, Sentences sentences) {
  w.key("next_questions");
  w.begin_array();
  for (const auto& q : questions) {
    w.begin_object();
    write_text(w, "field", q.field);
    if (q.narrows) {
      w.key("narrows");
      w.begin_object();
      w.key("by");
      if (q.narrows->by) {
        w.money(*q.narrows->by);
      } else {
        w.null();
      }
      write_text(w, "part", q.narrows->part);
      w.end_object();
    }
    write_sentences(w, sentences, "question_en", q.question_en, "question_zh", q.question_zh);
    w.end_object();
  }
  w.end_array();
}

}  // namespace

void append_estimate_envelope(std::string& out, const Estimate& est, const char* engine_version, Texts texts) {
  JsonWriter w(out);
  append_estimate_envelope(w, est, engine_version, texts);
}

void append_estimate_envelope(JsonWriter& w, const Estimate& est, const char* engine_version, Texts texts,
                              KeptSources* kept) {
  std::size_t step_bytes = 0;
  // A step's sentence is up to about 300 bytes in each language.
  for (const auto& s : est.trace.steps()) step_bytes += (s.languages != Texts::none ? 512 : 0) + 64 * s.values.size();
  // Capacity for the whole answer at once (the step texts are most of it; in ascii, Chinese takes twice its bytes):
  // grown as it was written, a 10-item answer was copied at each of six growths.
  const std::size_t room =
      4096 + 2 * step_bytes + 256 * est.items.size() +
      512 * (est.cannot_estimate.size() + est.warnings.size() + est.materials.size() + est.deadlines.size());
  w.reserve(w.charset() == Charset::ascii ? 2 * room : room);
  const Policy& process_policy = est.process_policy != nullptr ? *est.process_policy : *est.policy;
  const Sentences sentences{texts};
  // Without an engine's kept texts (a test, an answer of its own), this answer's own.
  std::optional<KeptSources> own;
  if (kept == nullptr) kept = &own.emplace();
  Cited cited(*kept, est, process_policy);
  open_envelope(w, est, sentences);
  write_channels(w, est.channels, cited);
  write_deadlines(w, est.deadlines, cited);
  w.key("items");
  write_items(w, est.items);
  write_materials(w, est.materials, cited);
  SplitFigures figures(est, sentences);
  w.key("national");
  write_national(w, figures);
  write_next_questions(w, est.next_questions, sentences);
  write_receipt(w, est, engine_version);
  cited.write_sources(w);
  w.key("split");
  write_split(w, figures);
  write_steps(w, est, sentences, cited);
  close_envelope(w, est, sentences);
}

}  // namespace claimcalc::codec
