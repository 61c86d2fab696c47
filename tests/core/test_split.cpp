// train_test_split and numpy's legacy permutation. Reference indices come
// from numpy 1.24 (np.random.RandomState(seed).permutation(n)) and
// scikit-learn 1.2 (train_test_split), run once by hand.
#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>

#include "core/errors.hpp"
#include "core/split.hpp"

using namespace reglab;

TEST_CASE("legacy_permutation matches numpy RandomState(seed).permutation(n)", "[split]") {
  CHECK(legacy_permutation(10, 0) == std::vector<int>{2, 8, 4, 9, 1, 6, 7, 3, 0, 5});
  CHECK(legacy_permutation(5, 42) == std::vector<int>{1, 4, 2, 0, 3});
  CHECK(legacy_permutation(7, 4294967295u) == std::vector<int>{1, 5, 0, 6, 4, 2, 3});
  // Large n exercises wide masks (the Fashion-MNIST split of Part 2).
  const std::vector<int> p = legacy_permutation(60000, 101);
  CHECK(std::vector<int>(p.begin(), p.begin() + 5) == std::vector<int>{5995, 17823, 33606, 48301, 47869});
  CHECK(std::vector<int>(p.end() - 3, p.end()) == std::vector<int>{17745, 17931, 45919});
  CHECK(legacy_permutation(0, 1).empty());
  CHECK(legacy_permutation(1, 1) == std::vector<int>{0});
}

TEST_CASE("wine split: 0.3 of 178 rows with seed 101", "[split][golden]") {
  const Split s = train_test_split(178, 0.3, 101);
  // EXPERIMENTS.md: 124 train / 54 test; first test rows 37 32 148 42 153 77 168 12 109 98.
  REQUIRE(s.test.size() == 54);
  REQUIRE(s.train.size() == 124);
  CHECK(std::vector<int>(s.test.begin(), s.test.begin() + 10) ==
        std::vector<int>{37, 32, 148, 42, 153, 77, 168, 12, 109, 98});
  std::vector<int> all = s.test;
  all.insert(all.end(), s.train.begin(), s.train.end());
  CHECK(all == legacy_permutation(178, 101));  // test first, then train, in permutation order
}

TEST_CASE("n_test is ceil(test_size * n) without rounding fix-ups, as sklearn", "[split]") {
  // 0.28 * 25 = 7.000000000000001 in binary: sklearn 1.2 puts 8 rows in test.
  CHECK(train_test_split(25, 0.28, 0).test.size() == 8);
  CHECK(train_test_split(50, 0.58, 0).test.size() == 29);  // 28.999999999999996
  CHECK(train_test_split(10, 0.7, 0).test.size() == 7);
}

TEST_CASE("test_size 0 keeps every row for training in order", "[split]") {
  const Split s = train_test_split(5, 0.0, 123);
  CHECK(s.test.empty());
  CHECK(s.train == std::vector<int>{0, 1, 2, 3, 4});
}

TEST_CASE("bad split parameters are InputErrors", "[split][errors]") {
  CHECK_THROWS_AS(train_test_split(10, 1.0, 0), InputError);
  CHECK_THROWS_AS(train_test_split(10, -0.1, 0), InputError);
  CHECK_THROWS_AS(train_test_split(10, std::nan(""), 0), InputError);
  CHECK_THROWS_WITH(train_test_split(1, 0.5, 0), Catch::Contains("both need at least 1"));
  CHECK_THROWS_AS(train_test_split(2, 0.99, 0), InputError);  // ceil(1.98) = 2 leaves no training row
}
