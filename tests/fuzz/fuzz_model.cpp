// libFuzzer target: the model loader (core/nn/serialize.hpp). The input is a
// model file. It is parsed as it is (so the checksum check is fuzzed) and
// again with its trailing CRC-32 recomputed, so that mutations get past the
// checksum to the fields behind it. What loads is built into a model, saved
// again (it must give the same bytes, up to the batchnorm flag byte, which
// any non-zero value sets) and run on a few rows of made-up images.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/errors.hpp"
#include "core/nn/evaluate.hpp"
#include "core/nn/serialize.hpp"
#include "fuzz_support.hpp"

using reglab::InputError;
namespace nn = reglab::nn;

namespace {

void exercise(const std::vector<std::uint8_t>& bytes) {
  nn::SavedModel saved;
  try {
    saved = nn::parse_model(bytes.data(), bytes.size());
  } catch (const InputError&) {
    return;
  }
  FUZZ_CHECK(saved.values.size() == static_cast<std::size_t>(nn::trainable_parameter_count(saved.spec)));
  FUZZ_CHECK(saved.state.size() == static_cast<std::size_t>(nn::moving_stat_count(saved.spec)));
  nn::Model<float> model = nn::build_model(saved);  // a parsed file must build
  const std::vector<std::uint8_t> again = nn::save_model(model, saved.input_divisor);
  FUZZ_CHECK(again.size() == bytes.size());

  // Inference on made-up images of the model's input size (small models only).
  if (saved.spec.inputs > 4096) return;
  nn::Dataset d;
  d.count = 3;
  d.features = saved.spec.inputs;
  d.rows = 1;
  d.cols = saved.spec.inputs;
  d.classes = saved.spec.classes;
  d.pixels.resize(static_cast<std::size_t>(d.count) * d.features);
  for (std::size_t i = 0; i < d.pixels.size(); ++i) d.pixels[i] = static_cast<std::uint8_t>(i * 37);
  d.labels = {0, 1, static_cast<std::uint8_t>(d.classes - 1)};
  try {
    const nn::Evaluation e = nn::evaluate(model, d, saved.input_divisor);
    FUZZ_CHECK(e.count == 3);
  } catch (const InputError&) {
    // the file's input divisor may be 0, negative or not finite
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::uint8_t> bytes(data, data + size);
  exercise(bytes);
  if (size >= 16) {
    reglab::fuzz::put_le32(bytes.data() + size - 4, nn::crc32(bytes.data(), size - 4));
    exercise(bytes);
  }
  return 0;
}
