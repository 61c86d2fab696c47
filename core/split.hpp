#pragma once
// scikit-learn's train_test_split(test_size, random_state), bit for bit:
// numpy's legacy RandomState(seed).permutation(n); test = perm[:n_test].
#include <cstdint>
#include <vector>

namespace reglab {

struct Split {
  std::vector<int> train;  // row indices, in split order
  std::vector<int> test;
};

// numpy.random.RandomState(seed).permutation(n)
std::vector<int> legacy_permutation(int n, std::uint32_t seed);

// n_test = ceil(test_size * n); test_size in [0, 1). test_size 0 -> all train,
// in original order. Throws InputError when either side would be empty.
Split train_test_split(int n, double test_size, std::uint32_t seed);

}  // namespace reglab
