#include "engine/core/stable_sort.hpp"

#include <algorithm>

namespace claimcalc {

std::vector<std::size_t> stable_order(std::size_t n, IndexLess less, const void* context) {
  std::vector<std::size_t> from(n);
  std::vector<std::size_t> to(n);
  for (std::size_t i = 0; i < n; ++i) from[i] = i;
  // Bottom-up: runs of width are merged pairwise; the left run wins ties, which keeps the sort stable.
  for (std::size_t width = 1; width < n; width *= 2) {
    for (std::size_t lo = 0; lo < n; lo += 2 * width) {
      const std::size_t mid = std::min(lo + width, n);
      const std::size_t hi = std::min(lo + 2 * width, n);
      std::size_t i = lo;
      std::size_t j = mid;
      std::size_t k = lo;
      while (i < mid && j < hi) to[k++] = less(context, from[j], from[i]) ? from[j++] : from[i++];
      while (i < mid) to[k++] = from[i++];
      while (j < hi) to[k++] = from[j++];
    }
    from.swap(to);
  }
  return from;
}

}  // namespace claimcalc
