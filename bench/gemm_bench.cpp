// GEMM micro-benchmark: the MLP's products through gemm.hpp, side by side
// with the portable (Eigen) implementation, in one process so the ratios
// survive a noisy machine. Built natively (bench/CMakeLists.txt: the public
// functions are the Eigen path) and to wasm (bench/wasm: the public functions
// are the SIMD128 kernels, "portable" is Eigen compiled to wasm).
//
//   gemm_bench [--rounds N] [--ms T] [--only SUBSTRING]
//
// Prints one JSON object: for every shape and implementation the best
// GFLOP/s over N interleaved rounds of at least T ms each, and the speedup of
// the public functions over portable. Time is CPU time where there is a CPU
// clock (native; wasm under node), so a busy machine slows the figures less;
// "clock" in the JSON says which. See bench/README.md.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "core/kernels/gemm.hpp"
#include "core/kernels/gemm_backends.hpp"

#if defined(__EMSCRIPTEN__)
#include <emscripten.h>  // EM_JS for the clock; the kernels never see it
#else
#include <time.h>
#endif

namespace {

namespace kn = reglab::kernels;

enum class Op { nn, tn, nt, nn_u8, tn_u8 };
const char* op_name(Op op) {
  switch (op) {
    case Op::nn: return "nn";
    case Op::tn: return "tn";
    case Op::nt: return "nt";
    case Op::nn_u8: return "nn_u8";
    case Op::tn_u8: return "tn_u8";
  }
  return "?";
}

struct Shape {
  const char* name;  // what the product is in the MLP
  Op op;
  int m, n, k;
  bool bias, relu, accumulate;
};

// Forward Y = X W (+b, ReLU), dW += X^T dY, dX = dY W^T for 784-128-10 and
// 784-256-10 at batch 32, 512 and 2048.
const Shape kShapes[] = {
    {"fwd1 X W1, B=32", Op::nn, 32, 128, 784, true, true, false},
    {"fwd1 X W1, B=512 h=256", Op::nn, 512, 256, 784, true, true, false},
    {"fwd1 X W1, B=2048", Op::nn, 2048, 128, 784, true, true, false},
    {"fwd1 u8 X W1, B=32", Op::nn_u8, 32, 128, 784, true, true, false},
    {"fwd1 u8 X W1, B=512 h=256", Op::nn_u8, 512, 256, 784, true, true, false},
    {"fwd1 u8 X W1, B=2048", Op::nn_u8, 2048, 128, 784, true, true, false},
    {"fwd2 H W2, B=32", Op::nn, 32, 10, 128, true, false, false},
    {"fwd2 H W2, B=512 h=256", Op::nn, 512, 10, 256, true, false, false},
    {"fwd2 H W2, B=2048", Op::nn, 2048, 10, 128, true, false, false},
    {"dW1 X^T dH, B=32", Op::tn, 784, 128, 32, false, false, true},
    {"dW1 u8 X^T dH, B=32", Op::tn_u8, 784, 128, 32, false, false, true},
    {"dW1 X^T dH, B=512 h=256", Op::tn, 784, 256, 512, false, false, true},
    {"dW1 u8 X^T dH, B=512 h=256", Op::tn_u8, 784, 256, 512, false, false, true},
    {"dW1 X^T dH, B=2048", Op::tn, 784, 128, 2048, false, false, true},
    {"dW1 u8 X^T dH, B=2048", Op::tn_u8, 784, 128, 2048, false, false, true},
    {"dW2 H^T dY, B=512 h=256", Op::tn, 256, 10, 512, false, false, true},
    {"dW2 H^T dY, B=2048", Op::tn, 128, 10, 2048, false, false, true},
    {"dH dY W2^T, B=32", Op::nt, 32, 128, 10, false, false, false},
    {"dH dY W2^T, B=512 h=256", Op::nt, 512, 256, 10, false, false, false},
    {"dH dY W2^T, B=2048", Op::nt, 2048, 128, 10, false, false, false},
};

struct Impl {
  const char* name;
  decltype(&kn::gemm_nn) nn;
  decltype(&kn::gemm_tn) tn;
  decltype(&kn::gemm_nt) nt;
  decltype(&kn::gemm_nn_u8) nn_u8;
  decltype(&kn::gemm_tn_u8) tn_u8;
};

struct Buffers {
  std::vector<float> a, b, bias, c;
  std::vector<std::uint8_t> a8;
};

void run(const Impl& impl, const Shape& s, Buffers& buf) {
  kn::Epilogue ep;
  ep.bias = s.bias ? buf.bias.data() : nullptr;
  ep.relu = s.relu;
  ep.accumulate = s.accumulate;
  const bool at = s.op == Op::tn || s.op == Op::tn_u8;
  const int lda = at ? s.m : s.k;
  const int ldb = s.op == Op::nt ? s.k : s.n;
  const float scale = 1.0f / 255.0f;
  switch (s.op) {
    case Op::nn: impl.nn(s.m, s.n, s.k, buf.a.data(), lda, buf.b.data(), ldb, buf.c.data(), s.n, ep); break;
    case Op::tn: impl.tn(s.m, s.n, s.k, buf.a.data(), lda, buf.b.data(), ldb, buf.c.data(), s.n, ep); break;
    case Op::nt: impl.nt(s.m, s.n, s.k, buf.a.data(), lda, buf.b.data(), ldb, buf.c.data(), s.n, ep); break;
    case Op::nn_u8:
      impl.nn_u8(s.m, s.n, s.k, buf.a8.data(), lda, scale, buf.b.data(), ldb, buf.c.data(), s.n, ep);
      break;
    case Op::tn_u8:
      impl.tn_u8(s.m, s.n, s.k, buf.a8.data(), lda, scale, buf.b.data(), ldb, buf.c.data(), s.n, ep);
      break;
  }
}

// The clock: CPU time of this thread (native) or of the node process (wasm
// under node), so that other jobs on a shared machine do not count; wall
// time where there is no CPU clock (wasm in a browser).
#if defined(__EMSCRIPTEN__)
EM_JS(double, js_cpu_seconds, (), {
  if (typeof process === "object" && typeof process.cpuUsage === "function") {
    const u = process.cpuUsage();
    return (u.user + u.system) * 1e-6;
  }
  return -1;
});
bool has_cpu_clock() { return js_cpu_seconds() >= 0; }
double cpu_seconds() { return js_cpu_seconds(); }
#else
bool has_cpu_clock() { return true; }
double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}
#endif

double now_s() {
  static const bool cpu = has_cpu_clock();
  if (cpu) return cpu_seconds();
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = 7;
  double min_ms = 20;
  std::string only;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--rounds") && i + 1 < argc) rounds = std::max(1, std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--ms") && i + 1 < argc) min_ms = std::atof(argv[++i]);
    else if (!std::strcmp(argv[i], "--only") && i + 1 < argc) only = argv[++i];
    else {
      std::fprintf(stderr, "usage: gemm_bench [--rounds N] [--ms T] [--only SUBSTRING]\n");
      return 2;
    }
  }
  const Impl impls[] = {
      {kn::gemm_backend(), kn::gemm_nn, kn::gemm_tn, kn::gemm_nt, kn::gemm_nn_u8, kn::gemm_tn_u8},
      {"portable", kn::portable::gemm_nn, kn::portable::gemm_tn, kn::portable::gemm_nt,
       kn::portable::gemm_nn_u8, kn::portable::gemm_tn_u8},
  };
  const int n_impls = std::string(kn::gemm_backend()) == "portable" ? 1 : 2;

#if defined(__EMSCRIPTEN__)
  const char* platform = "wasm";
#else
  const char* platform = "native";
#endif
  std::printf("{\n  \"benchmark\": \"gemm\",\n  \"platform\": \"%s\",\n  \"backend\": \"%s\",\n",
              platform, kn::gemm_backend());
  std::printf("  \"clock\": \"%s\",\n", has_cpu_clock() ? "cpu" : "wall");
  std::printf("  \"rounds\": %d,\n  \"min_ms\": %g,\n  \"results\": [", rounds, min_ms);

  std::mt19937 rng(42);
  std::uniform_real_distribution<float> uni(-1.0f, 1.0f);
  bool first = true;
  for (const Shape& s : kShapes) {
    if (!only.empty() && std::string(s.name).find(only) == std::string::npos) continue;
    Buffers buf;
    const std::size_t a_size = std::size_t(s.m) * s.k, b_size = std::size_t(s.k) * s.n;
    buf.a.resize(a_size);
    buf.a8.resize(a_size);
    buf.b.resize(b_size);
    buf.bias.resize(s.n);
    buf.c.assign(std::size_t(s.m) * s.n, 0.0f);
    for (auto& x : buf.a) x = uni(rng);
    for (auto& x : buf.a8) x = static_cast<std::uint8_t>(rng() & 255u);
    for (auto& x : buf.b) x = uni(rng) * 0.05f;
    for (auto& x : buf.bias) x = uni(rng);

    const double flops = 2.0 * s.m * s.n * s.k;
    // Calls per timed batch: enough for min_ms on a 20 GFLOP/s machine.
    const int calls = std::max(1, int(min_ms * 1e-3 * 20e9 / flops));
    std::vector<double> best(n_impls, 1e30);
    // Warm-up, untimed: page in the buffers and let V8 tier the wasm up
    // from its baseline compiler (Liftoff) to TurboFan.
    for (int i = 0; i < n_impls; ++i)
      for (int c = 0; c < calls; ++c) run(impls[i], s, buf);
    for (int r = 0; r < rounds; ++r)
      for (int i = 0; i < n_impls; ++i) {
        std::fill(buf.c.begin(), buf.c.end(), 0.0f);
        const double t0 = now_s();
        for (int c = 0; c < calls; ++c) run(impls[i], s, buf);
        best[i] = std::min(best[i], (now_s() - t0) / calls);
      }
    // The two implementations on the same inputs (accumulate starts from 0).
    double max_diff = 0, max_ref = 0;
    if (n_impls == 2) {
      std::vector<float> out[2];
      for (int i = 0; i < 2; ++i) {
        std::fill(buf.c.begin(), buf.c.end(), 0.0f);
        run(impls[i], s, buf);
        out[i] = buf.c;
      }
      for (std::size_t j = 0; j < out[0].size(); ++j) {
        max_diff = std::max(max_diff, double(std::fabs(out[0][j] - out[1][j])));
        max_ref = std::max(max_ref, double(std::fabs(out[1][j])));
      }
    }
    std::printf("%s\n    {\"name\": \"%s\", \"op\": \"%s\", \"m\": %d, \"n\": %d, \"k\": %d",
                first ? "" : ",", s.name, op_name(s.op), s.m, s.n, s.k);
    first = false;
    for (int i = 0; i < n_impls; ++i)
      std::printf(", \"%s_gflops\": %.2f, \"%s_us\": %.1f", impls[i].name, flops / best[i] * 1e-9,
                  impls[i].name, best[i] * 1e6);
    if (n_impls == 2)
      std::printf(", \"speedup\": %.2f, \"max_rel_diff\": %.1e", best[1] / best[0],
                  max_ref > 0 ? max_diff / max_ref : 0.0);
    std::printf("}");
    std::fflush(stdout);
  }
  std::printf("\n  ]\n}\n");
  return 0;
}
