// What a full answer cites, kept as JSON text: each cited document's member of result.sources and each use's
// {clause, id, note?, quote?, ref}. Their text depends only on the policy (and the charset), yet escaping it afresh
// was ~12 % of a 10-item full estimate (more with an ASCII answer, where every Chinese character becomes \uXXXX).
// An engine keeps one for its pack (engine/api: cleared with the pack, when a region is read or the pack replaced);
// an answer written without one keeps its own for that answer. The bytes are the same either way
// (tests/unit/kept_sources_test.cpp).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/codec/charset.hpp"
#include "engine/core/policy.hpp"

namespace claimcalc::codec {

class KeptSources {
 public:
  // A document as result.sources holds it: under its ref ("<region>:<source id>"), its member text in each charset
  // (empty until first written).
  struct Document {
    const Policy* policy;
    std::string source_id;
    std::string ref;
    std::string member[2];
  };
  // A use of a document: what it was made from (compared whole before it is used again: a citation may be a copy
  // made for one answer, whose address a later one reuses), the document, and its object text in each charset.
  struct Use {
    const Policy* policy;
    const Citation* seen;  // where it was last found: compared first
    std::string source_id, clause, note, quote;
    Document* document;
    std::string object[2];
  };

  // Entries past this many are all dropped when the next answer starts (an answer cites a few dozen at most; a
  // pack's every citation would be thousands): the memory stays under ~1 MB whatever the requests.
  static constexpr std::size_t kMaxEntries = 256;

  // Called before an answer's first lookup (views handed out stay valid until the next call).
  void start_answer();
  // The use of cite from policy (the layer that holds it), made on first need.
  Use& use(const Policy& policy, const Citation& cite);
  // The texts, written on first need in this charset.
  static std::string_view member(Document& document, Charset charset);
  static std::string_view object(Use& use, Charset charset);
  // How many documents and uses are kept.
  std::size_t size() const { return documents_.size() + uses_.size(); }

 private:
  Document& document(const Policy& policy, const std::string& source_id);

  std::vector<std::unique_ptr<Document>> documents_;
  std::vector<std::unique_ptr<Use>> uses_;
};

}  // namespace claimcalc::codec
