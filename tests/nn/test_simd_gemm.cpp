// gemm.hpp against the double-precision reference (core/kernels/gemm_reference.hpp).
// Natively this exercises the portable (Eigen) implementation; the wasm SIMD
// kernels run the same cases in bench/wasm/gemm_check.cpp (tests/node/gemm_kernels.test.mjs).
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/kernels/gemm.hpp"
#include "core/kernels/gemm_backends.hpp"
#include "core/kernels/gemm_reference.hpp"

namespace {

namespace k = reglab::kernels;
namespace ref = reglab::kernels::reference;

const ref::Backend kPublic{"public", k::gemm_nn, k::gemm_tn, k::gemm_nt, k::gemm_nn_u8, k::gemm_tn_u8};
const ref::Backend kPortable{"portable", k::portable::gemm_nn, k::portable::gemm_tn,
                             k::portable::gemm_nt, k::portable::gemm_nn_u8,
                             k::portable::gemm_tn_u8};

const ref::Variant kVariants[] = {ref::Variant::nn, ref::Variant::tn, ref::Variant::nt,
                                  ref::Variant::nn_u8, ref::Variant::tn_u8};

std::string describe(const ref::Case& c, const ref::Result& r) {
  std::ostringstream s;
  s << ref::name(c.variant) << " m=" << c.m << " n=" << c.n << " k=" << c.k << " pads=" << c.pad_a
    << "," << c.pad_b << "," << c.pad_c << " bias=" << c.bias << " relu=" << c.relu
    << " accumulate=" << c.accumulate << " -> worst " << r.worst << " at (" << r.worst_i << ","
    << r.worst_j << ") padding " << (r.padding_intact ? "intact" : "WRITTEN");
  return s.str();
}

void check(const ref::Backend& backend, const ref::Case& c, std::mt19937& rng) {
  const ref::Result r = ref::run_case(backend, c, rng);
  INFO(backend.name << ": " << describe(c, r));
  CHECK(r.ok());
}

}  // namespace

TEST_CASE("gemm kernels: the backend is chosen at compile time", "[nn][gemm]") {
#if defined(__wasm_simd128__)
  CHECK(std::string(k::gemm_backend()) == "simd128");
#else
  CHECK(std::string(k::gemm_backend()) == "portable");
#endif
}

TEST_CASE("gemm kernels: random shapes 1..70 with padding and epilogues", "[nn][gemm]") {
  std::mt19937 rng(Catch::rngSeed());
  for (ref::Variant v : kVariants) {
    for (int t = 0; t < 120; ++t) {
      const ref::Case c = ref::random_case(v, 70, rng);
      check(kPublic, c, rng);
      check(kPortable, c, rng);
    }
  }
}

TEST_CASE("gemm kernels: every edge of a 4x8 tile", "[nn][gemm]") {
  // m and n around the tile sizes (4 rows, 8 and 4 columns), k around 4.
  std::mt19937 rng(Catch::rngSeed() + 1);
  for (ref::Variant v : kVariants)
    for (int m : {1, 2, 3, 4, 5, 7, 8, 9})
      for (int n : {1, 3, 4, 5, 7, 8, 9, 10, 12, 13, 16, 17})
        for (int kk : {1, 3, 4, 5, 9}) {
          ref::Case c{v, m, n, kk, 1, 2, 3};
          c.bias = (m + n) % 2 == 0;
          c.relu = (n + kk) % 2 == 0;
          c.accumulate = (m + kk) % 2 == 1;
          check(kPublic, c, rng);
        }
}

TEST_CASE("gemm kernels: block boundaries of k (256), rows (32) and columns (128)", "[nn][gemm]") {
  // The SIMD kernels' blocks (KC, MC, NC in gemm_simd128.cpp); harmless elsewhere.
  std::mt19937 rng(Catch::rngSeed() + 2);
  for (ref::Variant v : kVariants)
    for (int m : {31, 33, 65})
      for (int n : {127, 129, 260})
        for (int kk : {127, 256, 257, 513}) {
          ref::Case c{v, m, n, kk, 0, 5, 1};
          c.bias = true;
          c.relu = (m + n + kk) % 2 == 0;
          c.accumulate = n % 2 == 1;
          check(kPublic, c, rng);
        }
}

TEST_CASE("gemm kernels: the MLP's products", "[nn][gemm]") {
  std::mt19937 rng(Catch::rngSeed() + 3);
  for (const ref::Case& c : ref::mlp_cases()) check(kPublic, c, rng);
}

TEST_CASE("gemm kernels: k = 0 leaves only the epilogue", "[nn][gemm]") {
  std::mt19937 rng(Catch::rngSeed() + 4);
  for (ref::Variant v : kVariants)
    for (int mask = 0; mask < 8; ++mask) {
      ref::Case c{v, 5, 11, 0, 1, 1, 2};
      c.bias = mask & 1;
      c.relu = mask & 2;
      c.accumulate = mask & 4;
      check(kPublic, c, rng);
    }
}

TEST_CASE("gemm kernels: m = 0 or n = 0 writes nothing", "[nn][gemm]") {
  std::vector<float> a(16, 1.0f), b(16, 1.0f), c(16, 7.0f);
  const float bias[4] = {1, 1, 1, 1};
  k::Epilogue ep;
  ep.bias = bias;
  k::gemm_nn(0, 4, 4, a.data(), 4, b.data(), 4, c.data(), 4, ep);
  k::gemm_tn(4, 0, 4, a.data(), 4, b.data(), 4, c.data(), 4, ep);
  k::gemm_nt(0, 0, 4, a.data(), 4, b.data(), 4, c.data(), 4, ep);
  for (float x : c) CHECK(x == 7.0f);
}

TEST_CASE("gemm kernels: ReLU clamps negatives and keeps NaN", "[nn][gemm]") {
  // C (1, 3) = [1 1] x [[1 -1 nan] [1 -2 0]] = [2 -3 nan] -> ReLU -> [2 0 nan]
  const float a[2] = {1, 1};
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const float b[6] = {1, -1, nan, 1, -2, 0};
  float c[3] = {9, 9, 9};
  k::Epilogue ep;
  ep.relu = true;
  k::gemm_nn(1, 3, 2, a, 2, b, 3, c, 3, ep);
  CHECK(c[0] == 2.0f);
  CHECK(c[1] == 0.0f);
  CHECK(std::isnan(c[2]));
}

TEST_CASE("gemm kernels: u8 pixels are scaled exactly like a float copy", "[nn][gemm]") {
  // 255 * (1/255) and 0 * (1/255): the first layer sees images in [0, 1].
  const std::uint8_t a[4] = {255, 0, 0, 255};  // (2, 2) identity after scaling
  const float b[4] = {1.5f, -2.0f, 3.0f, 4.0f};
  float c[4] = {};
  k::gemm_nn_u8(2, 2, 2, a, 2, 1.0f / 255.0f, b, 2, c, 2);
  CHECK(c[0] == Approx(1.5f));
  CHECK(c[1] == Approx(-2.0f));
  CHECK(c[2] == Approx(3.0f));
  CHECK(c[3] == Approx(4.0f));
}
