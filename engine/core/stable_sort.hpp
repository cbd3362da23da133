// The engine's one stable sort: the order std::stable_sort gives, for far less code. Each std::stable_sort
// instantiation brings libc++'s merge, buffer and move steps (~2.5-3 KB of wasm per element type; four of them were
// ~3.3 KB brotli); here a short list (a step's amounts, the questions, the causes) is insertion-sorted in place and a
// long one (the sources of a 5,000-item bill) is ordered by one merge sort over indices, compiled once.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace claimcalc {

using IndexLess = bool (*)(const void* context, std::size_t a, std::size_t b);

// The indices 0..n-1 in the order a stable sort by less(context, a, b) puts them (a merge sort: n log n).
std::vector<std::size_t> stable_order(std::size_t n, IndexLess less, const void* context);

template <class T, class Less>
void stable_sort_list(std::vector<T>& list, Less less) {
  // Up to this many, insertion sort (no allocation, quadratic only in what is short).
  constexpr std::size_t kShortList = 32;
  if (list.size() <= kShortList) {
    for (std::size_t i = 1; i < list.size(); ++i) {
      if (!less(list[i], list[i - 1])) continue;
      T moving = std::move(list[i]);
      std::size_t j = i;
      do {
        list[j] = std::move(list[j - 1]);
        --j;
      } while (j > 0 && less(moving, list[j - 1]));
      list[j] = std::move(moving);
    }
    return;
  }
  struct Context {
    const std::vector<T>* list;
    const Less* less;
  } context{&list, &less};
  const auto order = stable_order(
      list.size(),
      [](const void* c, std::size_t a, std::size_t b) {
        const auto* x = static_cast<const Context*>(c);
        return (*x->less)((*x->list)[a], (*x->list)[b]);
      },
      &context);
  std::vector<T> sorted;
  sorted.reserve(list.size());
  for (const std::size_t i : order) sorted.push_back(std::move(list[i]));
  list = std::move(sorted);
}

}  // namespace claimcalc
