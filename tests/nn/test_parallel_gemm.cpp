// core/kernels/parallel.hpp: the pool itself, and the products split across
// it (natively the portable path on each block), against the double
// reference. The wasm SIMD path split the same way gives the same bits as one
// thread: tests/browser/trainer_threads.test.mjs trains both ways.
#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>
#include <random>
#include <set>
#include <thread>
#include <tuple>
#include <vector>

#include "core/kernels/gemm.hpp"
#include "core/kernels/gemm_reference.hpp"
#include "core/kernels/parallel.hpp"

namespace {

namespace k = reglab::kernels;
namespace ref = reglab::kernels::reference;

const ref::Backend kPublic{"public", k::gemm_nn, k::gemm_tn, k::gemm_nt, k::gemm_nn_u8, k::gemm_tn_u8};

// Leaves the pool as the other tests expect it: one thread.
struct Threads {
  explicit Threads(int n) { k::set_threads(n); }
  ~Threads() { k::set_threads(1); }
};

}  // namespace

TEST_CASE("parallel: the pool starts at one thread and takes what it is given", "[kernels][threads]") {
  CHECK(k::threads() == 1);
  CHECK(k::max_threads() >= 4);
  {
    Threads pool(3);
    CHECK(k::threads() == 3);
    k::set_threads(1000);
    CHECK(k::threads() == k::max_threads());
    k::set_threads(0);
    CHECK(k::threads() == 1);
  }
  CHECK(k::threads() == 1);
}

TEST_CASE("parallel: every part runs once, part 0 on the caller, others elsewhere", "[kernels][threads]") {
  Threads pool(4);
  const auto caller = std::this_thread::get_id();
  for (int round = 0; round < 2000; ++round) {  // many products back to back, as training does
    const int parts = 1 + round % 4;
    std::vector<std::atomic<int>> calls(parts);
    std::mutex mutex;
    std::set<std::thread::id> ids;
    bool zero_on_caller = false;
    k::run_parts(parts, [&](int part) {
      calls[part].fetch_add(1);
      std::lock_guard<std::mutex> lock(mutex);
      ids.insert(std::this_thread::get_id());
      if (part == 0) zero_on_caller = std::this_thread::get_id() == caller;
    });
    for (int p = 0; p < parts; ++p) REQUIRE(calls[p].load() == 1);
    REQUIRE(zero_on_caller);
    REQUIRE(int(ids.size()) == parts);
  }
}

TEST_CASE("parallel: big products are split, small ones and one thread are not", "[kernels][threads]") {
  std::vector<float> a(512 * 784, 0.5f), b(784 * 256, 0.25f), c(512 * 256);
  const auto split = [&](int m, int n, int k) {
    const long long before = k::split_runs();
    k::gemm_nn(m, n, k, a.data(), k, b.data(), n, c.data(), n);
    return k::split_runs() - before;
  };
  CHECK(split(512, 256, 784) == 0);  // one thread
  Threads pool(2);
  CHECK(split(512, 256, 784) == 1);  // N3's forward product: 103 M multiply-adds
  CHECK(c[0] == Approx(784 * 0.125));
  CHECK(split(32, 128, 784) == 0);   // N2's: 3.2 M, under the threshold
}

TEST_CASE("parallel: products split across 2, 3 and 4 threads match the reference", "[kernels][threads]") {
  std::mt19937 rng(Catch::rngSeed() + 7);
  for (int threads : {2, 3, 4}) {
    Threads pool(threads);
    for (const ref::Case& c : ref::mlp_cases()) {
      const ref::Result r = ref::run_case(kPublic, c, rng);
      INFO(threads << " threads: " << ref::name(c.variant) << " m=" << c.m << " n=" << c.n << " k=" << c.k
                   << " worst " << r.worst << " padding " << (r.padding_intact ? "intact" : "WRITTEN"));
      CHECK(r.ok());
    }
    // Uneven splits, padded strides, bias and ReLU on column blocks.
    for (ref::Variant v : {ref::Variant::nn, ref::Variant::tn, ref::Variant::nt, ref::Variant::nn_u8,
                           ref::Variant::tn_u8}) {
      // Each over the threshold that splits a product (8.4 M multiply-adds).
      for (auto [m, n, kk] : {std::tuple{301, 137, 257}, std::tuple{137, 301, 257}, std::tuple{260, 260, 130},
                              std::tuple{6, 2000, 800}}) {
        ref::Case c{v, m, n, kk, 1, 3, 2};
        c.bias = c.relu = true;
        c.accumulate = m % 2 == 1;
        const ref::Result r = ref::run_case(kPublic, c, rng);
        INFO(threads << " threads: " << ref::name(v) << " m=" << m << " n=" << n << " worst " << r.worst);
        CHECK(r.ok());
      }
    }
  }
}
