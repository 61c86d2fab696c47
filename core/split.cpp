#include "core/split.hpp"

#include <cmath>
#include <random>
#include <string>

#include "core/errors.hpp"
#include "core/number_text.hpp"

namespace reglab {

namespace {
// numpy's random_interval(max) for max < 2^32: the smallest all-ones mask
// covering max, then 32-bit draws masked and rejected until <= max.
std::uint32_t bounded_draw(std::mt19937& rng, std::uint32_t max) {
  if (max == 0) return 0;
  std::uint32_t mask = max;
  mask |= mask >> 1;
  mask |= mask >> 2;
  mask |= mask >> 4;
  mask |= mask >> 8;
  mask |= mask >> 16;
  std::uint32_t value;
  while ((value = static_cast<std::uint32_t>(rng()) & mask) > max) {
  }
  return value;
}
}  // namespace

std::vector<int> legacy_permutation(int n, std::uint32_t seed) {
  if (n < 0) throw InputError("permutation size must be >= 0");
  std::vector<int> perm(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) perm[i] = i;
  std::mt19937 rng(seed);  // same init_genrand seeding as RandomState(int)
  for (int i = n - 1; i >= 1; --i) {
    const auto j = static_cast<int>(bounded_draw(rng, static_cast<std::uint32_t>(i)));
    std::swap(perm[i], perm[j]);
  }
  return perm;
}

Split train_test_split(int n, double test_size, std::uint32_t seed) {
  if (!(test_size >= 0.0 && test_size < 1.0))
    throw InputError("test size must be in [0, 1) (got " + format_number(test_size) + ")");
  Split split;
  if (test_size == 0.0) {
    for (int i = 0; i < n; ++i) split.train.push_back(i);
    return split;
  }
  // sklearn: n_test = ceil(test_size * n) with no rounding fix-up.
  const int n_test = static_cast<int>(std::ceil(test_size * n));
  const int n_train = n - n_test;
  if (n_test < 1 || n_train < 1)
    throw InputError("test size " + format_number(test_size) + " of " + std::to_string(n) +
                     " rows leaves " + std::to_string(n_train) + " training and " +
                     std::to_string(n_test) + " test rows; both need at least 1");
  const std::vector<int> perm = legacy_permutation(n, seed);
  split.test.assign(perm.begin(), perm.begin() + n_test);
  split.train.assign(perm.begin() + n_test, perm.end());
  return split;
}

}  // namespace reglab
