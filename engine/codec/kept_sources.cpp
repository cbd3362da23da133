#include "engine/codec/kept_sources.hpp"

#include "engine/codec/figures_codec.hpp"
#include "engine/codec/json_writer.hpp"

namespace claimcalc::codec {

namespace {

std::size_t slot(Charset charset) { return charset == Charset::ascii ? 1 : 0; }

bool same_use(const KeptSources::Use& u, const Policy& policy, const Citation& cite) {
  return u.policy == &policy && u.source_id == cite.source_id && u.clause == cite.clause && u.note == cite.note &&
         u.quote == cite.quote;
}

// "<ref>":{confidence, date, doc_no, id, office, title, url} (the source's fields when the policy lists it; its id
// alone when not), as the tree path's std::map of sources orders them.
void write_member(std::string& text, const KeptSources::Document& document, Charset charset) {
  JsonWriter w(text, charset);
  w.key_text(document.ref);
  w.begin_object();
  const Source* s = document.policy->source(document.source_id);
  if (s != nullptr) {
    write_text(w, "confidence", s->confidence == Confidence::official ? "official" : "secondary");
    write_text(w, "date", s->date);
    write_text(w, "doc_no", s->doc_no);
  }
  write_text(w, "id", document.source_id);
  if (s != nullptr) {
    write_text(w, "office", s->office);
    write_text(w, "title", s->title);
    write_text(w, "url", s->url);
  }
  w.end_object();
}

// {clause, id, note?, quote?, ref}.
void write_object(std::string& text, const KeptSources::Use& use, Charset charset) {
  JsonWriter w(text, charset);
  w.begin_object();
  write_text(w, "clause", use.clause);
  write_text(w, "id", use.source_id);
  if (!use.note.empty()) write_text(w, "note", use.note);
  if (!use.quote.empty()) write_text(w, "quote", use.quote);
  write_text(w, "ref", use.document->ref);
  w.end_object();
}

}  // namespace

void KeptSources::start_answer() {
  if (documents_.size() + uses_.size() <= kMaxEntries) return;
  uses_.clear();
  documents_.clear();
}

KeptSources::Document& KeptSources::document(const Policy& policy, const std::string& source_id) {
  for (const auto& d : documents_)
    if (d->policy == &policy && d->source_id == source_id) return *d;
  documents_.push_back(std::make_unique<Document>(Document{&policy, source_id, policy.region + ":" + source_id, {}}));
  return *documents_.back();
}

KeptSources::Use& KeptSources::use(const Policy& policy, const Citation& cite) {
  // Where this citation was found last time first: a batch's steps cite the same figures answer after answer.
  for (const auto& u : uses_)
    if (u->seen == &cite && same_use(*u, policy, cite)) return *u;
  for (const auto& u : uses_) {
    if (same_use(*u, policy, cite)) {
      u->seen = &cite;
      return *u;
    }
  }
  Document& d = document(policy, cite.source_id);
  uses_.push_back(
      std::make_unique<Use>(Use{&policy, &cite, cite.source_id, cite.clause, cite.note, cite.quote, &d, {}}));
  return *uses_.back();
}

std::string_view KeptSources::member(Document& document, Charset charset) {
  std::string& text = document.member[slot(charset)];
  if (text.empty()) write_member(text, document, charset);
  return text;
}

std::string_view KeptSources::object(Use& use, Charset charset) {
  std::string& text = use.object[slot(charset)];
  if (text.empty()) write_object(text, use, charset);
  return text;
}

}  // namespace claimcalc::codec
