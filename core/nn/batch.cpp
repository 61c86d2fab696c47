#include "core/nn/batch.hpp"

#include <cmath>

#include "core/errors.hpp"
#include "core/nn/format.hpp"

namespace reglab::nn {

void validate_input_divisor(double divisor) {
  if (!std::isfinite(divisor) || divisor <= 0)
    throw InputError("input scale: the divisor must be a finite number > 0, got " +
                     format_number(divisor));
}

PixelTable make_pixel_table(double divisor) {
  validate_input_divisor(divisor);
  PixelTable t;
  for (int v = 0; v < 256; ++v) t.value[v] = static_cast<float>(v / divisor);
  const auto d = static_cast<float>(divisor);
  bool exact = static_cast<double>(d) == divisor;
  for (int v = 0; v < 256 && exact; ++v) exact = static_cast<float>(v) / d == t.value[v];
  t.divisor = exact ? d : 0.0f;
  return t;
}

void gather_batch(const Dataset& data, const int* rows, int n, const PixelTable& table, Batch& batch) {
  const int f = data.features;
  for (int i = 0; i < n; ++i) {
    const std::uint8_t* src = data.pixels.data() + static_cast<std::size_t>(rows[i]) * f;
    float* dst = batch.x.data() + static_cast<std::size_t>(i) * f;
    if (table.divisor != 0.0f) {
      const float d = table.divisor;
      for (int j = 0; j < f; ++j) dst[j] = static_cast<float>(src[j]) / d;  // == table[src[j]]
    } else {
      for (int j = 0; j < f; ++j) dst[j] = table.value[src[j]];
    }
    batch.labels[i] = data.labels[rows[i]];
  }
  batch.n = n;
}

}  // namespace reglab::nn
