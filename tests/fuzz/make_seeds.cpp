// Writes the binary seeds of the fuzz corpus with the core's own writers:
//   corpus/idx/*    image file + label file, concatenated (fuzz_idx.cpp splits
//                   them at the label magic), and a few nearly valid ones
//   corpus/model/*  small saved models (core/nn/serialize.hpp)
// Usage: fuzz_make_seeds tests/fuzz/corpus
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "core/nn/model.hpp"
#include "core/nn/rng.hpp"
#include "core/nn/serialize.hpp"

namespace nn = reglab::nn;
using Bytes = std::vector<std::uint8_t>;

namespace {

void write(const std::string& path, const Bytes& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!out) std::perror(path.c_str());
}

void be32(Bytes& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(v >> shift));
}

Bytes images(std::uint32_t count, std::uint32_t rows, std::uint32_t cols) {
  Bytes out;
  be32(out, 0x803);
  be32(out, count);
  be32(out, rows);
  be32(out, cols);
  for (std::uint32_t i = 0; i < count * rows * cols; ++i) out.push_back(static_cast<std::uint8_t>(i * 29));
  return out;
}

Bytes labels(const Bytes& values) {
  Bytes out;
  be32(out, 0x801);
  be32(out, static_cast<std::uint32_t>(values.size()));
  out.insert(out.end(), values.begin(), values.end());
  return out;
}

Bytes concat(Bytes a, const Bytes& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

Bytes model(int inputs, std::vector<int> hidden, int classes, bool batchnorm, double dropout,
            double l1, double l2, double divisor) {
  nn::ModelSpec spec;
  spec.inputs = inputs;
  spec.hidden = std::move(hidden);
  spec.classes = classes;
  spec.batchnorm = batchnorm;
  spec.dropout = dropout;
  spec.l1 = l1;
  spec.l2 = l2;
  nn::Model<float> m(spec);
  nn::Rng rng(7);
  m.init(rng);
  for (auto& v : m.state()) v = rng.uniform_float() + 0.5f;
  return nn::save_model(m, divisor);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: fuzz_make_seeds CORPUS_DIR\n");
    return 2;
  }
  const std::string idx = std::string(argv[1]) + "/idx/", mod = std::string(argv[1]) + "/model/";

  write(idx + "pair_3x2x2", concat(images(3, 2, 2), labels({1, 0, 2})));
  write(idx + "pair_8x4x4", concat(images(8, 4, 4), labels({0, 1, 2, 3, 4, 5, 6, 7})));
  write(idx + "images_only", images(2, 3, 3));
  write(idx + "labels_only", labels({9, 0, 5}));
  write(idx + "label_out_of_range", concat(images(2, 2, 2), labels({3, 10})));
  write(idx + "count_mismatch", concat(images(3, 2, 2), labels({1, 2})));
  Bytes truncated = images(3, 2, 2);
  truncated.pop_back();
  write(idx + "truncated", concat(truncated, labels({1, 0, 2})));
  Bytes huge;  // a 2 GB size field in a 16-byte header
  be32(huge, 0x803);
  be32(huge, 0x7fffffffu);
  be32(huge, 28);
  be32(huge, 28);
  write(idx + "huge_count", concat(huge, labels({1})));

  write(mod + "small", model(16, {4}, 10, false, 0, 0, 0, 255));
  write(mod + "batchnorm_2_layers", model(16, {3, 2}, 10, true, 0.25, 1e-5, 2e-4, 65025));
  write(mod + "two_classes", model(4, {2}, 2, false, 0.5, 0, 1e-3, 1));
  write(mod + "three_layers", model(2, {2, 2, 2}, 3, true, 0, 0, 0, 255));
  return 0;
}
