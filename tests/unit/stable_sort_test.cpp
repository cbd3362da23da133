// core/stable_sort: the order std::stable_sort gives (ties keep their order), short lists and long ones.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "engine/core/stable_sort.hpp"

TEST_CASE("stable_sort_list orders as std::stable_sort does, ties in their order") {
  std::mt19937 rng(10);
  int differ = 0;
  for (std::size_t n = 0; n < 200; ++n) {
    for (int round = 0; round < 20; ++round) {
      // Few distinct keys, so most elements tie; the second member tells the tied ones apart.
      std::vector<std::pair<int, std::string>> list;
      for (std::size_t i = 0; i < n; ++i) list.emplace_back(static_cast<int>(rng() % 5), std::to_string(i));
      auto expected = list;
      const auto by_key = [](const auto& a, const auto& b) { return a.first < b.first; };
      std::stable_sort(expected.begin(), expected.end(), by_key);
      claimcalc::stable_sort_list(list, by_key);
      if (list != expected) ++differ;
    }
  }
  CHECK(differ == 0);
  std::vector<int> descending{5, 4, 3, 2, 1};
  claimcalc::stable_sort_list(descending, [](int a, int b) { return a < b; });
  CHECK(descending == std::vector<int>{1, 2, 3, 4, 5});
}
