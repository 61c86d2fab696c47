#pragma once
// Gathering a batch: rows of a Dataset (uint8) -> X (n, features) as float,
// scaled, in one pass; labels alongside.
#include <array>
#include <cstdint>
#include <vector>

#include "core/nn/idx.hpp"
#include "core/nn/tensor.hpp"

namespace reglab::nn {

// Pixel value v (0..255) -> float, computed like numpy's `images / divisor`
// (float64 division, then float32 as Keras stores it). The post divides by
// 255 once (divisor 255) or, in N3/N4, twice (divisor 65025 = 255 * 255).
// `divisor` is the divisor as a float when float(v) / divisor gives exactly
// value[v] for every v (so for 255 and 65025; checked when the table is made):
// then a batch is converted by a division the compiler vectorizes instead of
// 784 table lookups a row. Otherwise 0, and the table is used.
struct PixelTable {
  std::array<float, 256> value{};
  float divisor = 0;
  float operator[](int v) const { return value[v]; }
};
PixelTable make_pixel_table(double divisor);

// Throws InputError unless divisor is finite and > 0.
void validate_input_divisor(double divisor);

struct Batch {
  Matrix<float> x;                   // (max_batch, features)
  std::vector<std::uint8_t> labels;  // (max_batch)
  int n = 0;                         // rows in use

  Batch(int max_batch, int features) : x(max_batch, features), labels(max_batch) {}
  ConstView<float> inputs() const { return top_rows(x, n); }  // (n, features)
};

// Copies rows[0..n) of data into batch (n <= its capacity).
void gather_batch(const Dataset& data, const int* rows, int n, const PixelTable& table, Batch& batch);

}  // namespace reglab::nn
