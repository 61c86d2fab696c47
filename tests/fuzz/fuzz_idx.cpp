// libFuzzer target: the IDX reader. The whole input is parsed as an image
// file and as a label file; then, if it holds a label file's magic
// (00 00 08 01) after the first four bytes, it is split there into an image
// file and a label file (the seeds are such pairs) and the two are paired
// with make_dataset, as the CLI and the page do.
//
// Checked beyond "no crash": what parses is as big as its header says and
// every label is in range.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/errors.hpp"
#include "core/nn/idx.hpp"
#include "fuzz_support.hpp"

using reglab::InputError;
namespace nn = reglab::nn;

namespace {

void check_images(const nn::ImageSet& s) {
  FUZZ_CHECK(s.count > 0 && s.rows > 0 && s.cols > 0);
  FUZZ_CHECK(s.pixels.size() == static_cast<std::size_t>(s.count) * s.rows * s.cols);
}

void check_labels(const std::vector<std::uint8_t>& labels, int classes) {
  FUZZ_CHECK(!labels.empty());
  for (std::uint8_t l : labels) FUZZ_CHECK(l < classes);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const int classes = size > 0 ? 2 + data[size - 1] % 255 : 10;  // 2..256, as the model allows
  try {
    check_images(nn::parse_idx_images(data, size));
  } catch (const InputError&) {
  }
  try {
    check_labels(nn::parse_idx_labels(data, size), 10);
  } catch (const InputError&) {
  }
  try {
    check_labels(nn::parse_idx_labels(data, size, classes), classes);
  } catch (const InputError&) {
  }

  static const std::uint8_t kLabelMagic[4] = {0, 0, 8, 1};
  for (std::size_t split = 4; split + 4 <= size; ++split) {
    if (std::memcmp(data + split, kLabelMagic, 4) != 0) continue;
    try {
      nn::ImageSet images = nn::parse_idx_images(data, split);
      std::vector<std::uint8_t> labels = nn::parse_idx_labels(data + split, size - split);
      const nn::Dataset d = nn::make_dataset(std::move(images), std::move(labels));
      FUZZ_CHECK(d.features == d.rows * d.cols);
      FUZZ_CHECK(d.pixels.size() == static_cast<std::size_t>(d.count) * d.features);
      FUZZ_CHECK(d.labels.size() == static_cast<std::size_t>(d.count));
      check_labels(d.labels, d.classes);
    } catch (const InputError&) {
    }
    break;
  }
  return 0;
}
