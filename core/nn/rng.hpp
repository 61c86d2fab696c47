#pragma once
// The trainer's random numbers: weight init, the per-epoch shuffle and the
// dropout masks all draw from one Rng that the trainer owns (nothing global).
// std::mt19937 is specified bit for bit by the standard; the distributions
// below are our own because std::uniform_*_distribution and std::shuffle are
// implementation-defined (libstdc++ natively, libc++ under Emscripten), so the
// native and wasm builds draw identical numbers from the same seed.
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace reglab::nn {

struct Rng {
  std::mt19937 engine;

  explicit Rng(std::uint32_t seed = 0) : engine(seed) {}

  std::uint32_t next_u32() { return static_cast<std::uint32_t>(engine()); }

  // Uniform in [0, 1) with 24 random bits: exact as a float.
  float uniform_float() { return static_cast<float>(next_u32() >> 8) * (1.0f / 16777216.0f); }

  // Uniform in [0, 1) with 53 random bits (numpy's random_sample recipe).
  double uniform_double() {
    const std::uint32_t a = next_u32() >> 5, b = next_u32() >> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }

  // Uniform integer in [0, max], by masked rejection (no modulo bias).
  std::uint32_t up_to(std::uint32_t max) {
    std::uint32_t mask = max;
    mask |= mask >> 1;
    mask |= mask >> 2;
    mask |= mask >> 4;
    mask |= mask >> 8;
    mask |= mask >> 16;
    std::uint32_t r;
    do r = next_u32() & mask;
    while (r > max);
    return r;
  }

  // Fisher-Yates, from the last index down.
  template <class V>
  void shuffle(std::vector<V>& v) {
    for (std::size_t i = v.size(); i > 1; --i) {
      const std::size_t j = up_to(static_cast<std::uint32_t>(i - 1));
      std::swap(v[i - 1], v[j]);
    }
  }
};

}  // namespace reglab::nn
