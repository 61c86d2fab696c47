#pragma once
// A trained model as bytes: spec, input scaling, weights and BN moving stats,
// in a small versioned little-endian format (the CLI writes it to a file, the
// page offers it as a download):
//
//   "REGLABNN"            8 bytes magic
//   version               u32 (1)
//   inputs, classes       u32, u32
//   hidden count, sizes   u32, u32 x count
//   dropout, l1, l2       f64 x 3
//   batchnorm             u8
//   input_divisor         f64
//   param count           u64, then the trainable values, f32 each (registry order)
//   state count           u64, then the BN moving stats, f32 each
//   crc32                 u32 (IEEE, of every byte before it)
//
// Loading throws reglab::InputError for a wrong magic or version, a truncated
// or damaged file (checksum), a spec that fails validation, or parameter
// counts that do not match the spec (architecture mismatch).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/nn/model.hpp"
#include "core/nn/spec.hpp"

namespace reglab::nn {

constexpr std::uint32_t kModelFormatVersion = 1;

struct SavedModel {
  ModelSpec spec;
  double input_divisor = 255;
  std::vector<float> values;  // trainable, in param_layout() order
  std::vector<float> state;   // BN moving stats, in state_layout() order
};

std::vector<std::uint8_t> save_model(const Model<float>& model, double input_divisor);
SavedModel parse_model(const std::uint8_t* bytes, std::size_t size);

// A ready model from the parsed file.
Model<float> build_model(const SavedModel& saved);
// Copies saved weights into an existing model; InputError if its spec differs.
void load_weights(Model<float>& model, const SavedModel& saved);

// CRC-32 (IEEE 802.3, as zlib's crc32).
std::uint32_t crc32(const std::uint8_t* bytes, std::size_t size);

}  // namespace reglab::nn
