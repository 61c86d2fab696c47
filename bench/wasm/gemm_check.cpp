// Correctness check of the wasm SIMD128 GEMM kernels: the same cases as the
// native Catch2 test (tests/nn/test_simd_gemm.cpp), against the same double
// reference. Prints one line per group and exits non-zero on any mismatch;
// tests/node/gemm_kernels.test.mjs runs it under node.
//
//   gemm_check [seed]
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "core/kernels/gemm.hpp"
#include "core/kernels/gemm_backends.hpp"
#include "core/kernels/gemm_reference.hpp"

namespace {

namespace kn = reglab::kernels;
namespace ref = reglab::kernels::reference;

const ref::Variant kVariants[] = {ref::Variant::nn, ref::Variant::tn, ref::Variant::nt,
                                  ref::Variant::nn_u8, ref::Variant::tn_u8};

struct Tally {
  int cases = 0, failures = 0;
};

void check(const ref::Backend& backend, const ref::Case& c, std::mt19937& rng, Tally& t) {
  const ref::Result r = ref::run_case(backend, c, rng);
  ++t.cases;
  if (r.ok()) return;
  if (++t.failures <= 20)
    std::printf("FAIL %s %s m=%d n=%d k=%d pads=%d,%d,%d bias=%d relu=%d acc=%d: worst %.3g at (%d,%d)%s\n",
                backend.name, ref::name(c.variant), c.m, c.n, c.k, c.pad_a, c.pad_b, c.pad_c, c.bias,
                c.relu, c.accumulate, r.worst, r.worst_i, r.worst_j,
                r.padding_intact ? "" : ", wrote past n");
}

void report(const char* group, const Tally& t) {
  std::printf("%-40s %5d cases, %d failed\n", group, t.cases, t.failures);
}

}  // namespace

int main(int argc, char** argv) {
  const unsigned seed = argc > 1 ? unsigned(std::strtoul(argv[1], nullptr, 10)) : 20240601u;
  std::printf("gemm_check: backend %s, seed %u\n", kn::gemm_backend(), seed);
  std::mt19937 rng(seed);
  const ref::Backend pub{"public", kn::gemm_nn, kn::gemm_tn, kn::gemm_nt, kn::gemm_nn_u8, kn::gemm_tn_u8};
  std::vector<ref::Backend> backends{pub};
#if defined(__wasm_simd128__)
  backends.push_back({"simd128", kn::simd128::gemm_nn, kn::simd128::gemm_tn, kn::simd128::gemm_nt,
                      kn::simd128::gemm_nn_u8, kn::simd128::gemm_tn_u8});
#endif
  backends.push_back({"portable", kn::portable::gemm_nn, kn::portable::gemm_tn, kn::portable::gemm_nt,
                      kn::portable::gemm_nn_u8, kn::portable::gemm_tn_u8});
  int failures = 0;

  if (std::string(kn::gemm_backend()) != (
#if defined(__wasm_simd128__)
                                             "simd128"
#else
                                             "portable"
#endif
                                             )) {
    std::printf("FAIL gemm_backend() is %s\n", kn::gemm_backend());
    ++failures;
  }

  for (const ref::Backend& b : backends) {
    Tally t;
    for (ref::Variant v : kVariants)
      for (int i = 0; i < 120; ++i) check(b, ref::random_case(v, 70, rng), rng, t);
    report((std::string(b.name) + ": random shapes 1..70").c_str(), t);
    failures += t.failures;
  }

  Tally edges;
  for (ref::Variant v : kVariants)
    for (int m : {1, 2, 3, 4, 5, 7, 8, 9})
      for (int n : {1, 3, 4, 5, 7, 8, 9, 10, 12, 13, 16, 17})
        for (int k : {0, 1, 3, 4, 5, 9}) {
          ref::Case c{v, m, n, k, 1, 2, 3};
          c.bias = (m + n) % 2 == 0;
          c.relu = (n + k) % 2 == 0;
          c.accumulate = (m + k) % 2 == 1;
          check(pub, c, rng, edges);
        }
  report("public: tile edges (m 1..9, n 1..17, k 0..9)", edges);
  failures += edges.failures;

  Tally blocks;
  for (ref::Variant v : kVariants)
    for (int m : {31, 33, 65})
      for (int n : {127, 129, 260})
        for (int k : {127, 256, 257, 513}) {
          ref::Case c{v, m, n, k, 0, 5, 1};
          c.bias = true;
          c.relu = (m + n + k) % 2 == 0;
          c.accumulate = n % 2 == 1;
          check(pub, c, rng, blocks);
        }
  report("public: block boundaries (k 256, m 32, n 128)", blocks);
  failures += blocks.failures;

  Tally mlp;
  for (const ref::Case& c : ref::mlp_cases()) check(pub, c, rng, mlp);
  report("public: the MLP's products", mlp);
  failures += mlp.failures;

#if defined(__wasm_simd128__)
  // Rows of C depend only on their row of A (same sums in the same order
  // wherever the row falls in a tile or block), so a batch computed in chunks
  // equals the batch in one call, bit for bit. Checked for the forward pass.
  {
    const int m = 67, n = 130, k = 300, split = 29;  // edges of tiles and blocks
    std::vector<float> a(std::size_t(m) * k), b(std::size_t(k) * n), bias(n);
    std::vector<std::uint8_t> a8(a.size());
    std::uniform_real_distribution<float> uni(-1.0f, 1.0f);
    for (auto& x : a) x = uni(rng);
    for (auto& x : b) x = uni(rng);
    for (auto& x : bias) x = uni(rng);
    for (auto& x : a8) x = static_cast<std::uint8_t>(rng() & 255u);
    kn::Epilogue ep;
    ep.bias = bias.data();
    ep.relu = true;
    std::vector<float> whole(std::size_t(m) * n), parts(whole.size());
    bool same = true;
    for (int u8 = 0; u8 < 2; ++u8) {
      auto run = [&](int row0, int rows, float* c) {
        if (u8) kn::gemm_nn_u8(rows, n, k, a8.data() + std::size_t(row0) * k, k, 1.0f / 255.0f, b.data(), n, c, n, ep);
        else kn::gemm_nn(rows, n, k, a.data() + std::size_t(row0) * k, k, b.data(), n, c, n, ep);
      };
      run(0, m, whole.data());
      run(0, split, parts.data());
      run(split, m - split, parts.data() + std::size_t(split) * n);
      same = same && whole == parts;
    }
    std::printf("%-40s %s\n", "public: chunked batch == one call (bits)", same ? "ok" : "FAIL");
    failures += !same;
  }
#endif

  // ReLU keeps NaN: [1 1] x [[1 -1 nan] [1 -2 0]] = [2 -3 nan] -> [2 0 nan].
  {
    const float a[2] = {1, 1};
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float b[6] = {1, -1, nan, 1, -2, 0};
    float c[3] = {9, 9, 9};
    kn::Epilogue ep;
    ep.relu = true;
    kn::gemm_nn(1, 3, 2, a, 2, b, 3, c, 3, ep);
    const bool ok = c[0] == 2.0f && c[1] == 0.0f && c[2] != c[2];
    std::printf("%-40s %s\n", "public: ReLU keeps NaN", ok ? "ok" : "FAIL");
    failures += !ok;
  }

  std::printf("gemm_check: %s\n", failures ? "FAILED" : "all passed");
  return failures ? 1 : 0;
}
