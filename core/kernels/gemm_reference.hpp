#pragma once
// A naive double-precision reference for gemm.hpp and a checker that runs any
// implementation of it on one random case. Shared by the native Catch2 test
// (tests/nn/test_simd_gemm.cpp) and the wasm check (bench/wasm/gemm_check.cpp)
// so both hold every backend to the same cases and the same tolerance.
// Slow on purpose; not for production paths (it allocates).
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "core/kernels/gemm.hpp"

namespace reglab::kernels::reference {

enum class Variant { nn, tn, nt, nn_u8, tn_u8 };
inline const char* name(Variant v) {
  switch (v) {
    case Variant::nn: return "gemm_nn";
    case Variant::tn: return "gemm_tn";
    case Variant::nt: return "gemm_nt";
    case Variant::nn_u8: return "gemm_nn_u8";
    case Variant::tn_u8: return "gemm_tn_u8";
  }
  return "?";
}
inline bool a_is_u8(Variant v) { return v == Variant::nn_u8 || v == Variant::tn_u8; }
inline bool a_transposed(Variant v) { return v == Variant::tn || v == Variant::tn_u8; }

// One implementation of gemm.hpp (portable::, simd128:: or the public one).
struct Backend {
  const char* name;
  decltype(&kernels::gemm_nn) nn;
  decltype(&kernels::gemm_tn) tn;
  decltype(&kernels::gemm_nt) nt;
  decltype(&kernels::gemm_nn_u8) nn_u8;
  decltype(&kernels::gemm_tn_u8) tn_u8;
};

struct Case {
  Variant variant = Variant::nn;
  int m = 1, n = 1, k = 1;
  int pad_a = 0, pad_b = 0, pad_c = 0;  // ld = columns + pad
  bool bias = false, relu = false, accumulate = false;
};

// C = relu?((accumulate ? C : 0) + op(A) op(B) + bias) in double; `magnitude`
// gets the same sum of absolute values of every term (the scale of the
// rounding error a float implementation may make).
template <class TA>
void gemm(Variant v, int m, int n, int k, const TA* A, int lda, double scale, const float* B,
          int ldb, const float* C0, int ldc, const Epilogue& ep, std::vector<double>& value,
          std::vector<double>& magnitude) {
  value.assign(static_cast<std::size_t>(m) * n, 0.0);
  magnitude.assign(static_cast<std::size_t>(m) * n, 0.0);
  const bool at = a_transposed(v), bt = v == Variant::nt;
  for (int i = 0; i < m; ++i)
    for (int j = 0; j < n; ++j) {
      double sum = 0, mag = 0;
      for (int p = 0; p < k; ++p) {
        const double a = scale * double(at ? A[std::size_t(p) * lda + i] : A[std::size_t(i) * lda + p]);
        const double b = bt ? B[std::size_t(j) * ldb + p] : B[std::size_t(p) * ldb + j];
        sum += a * b;
        mag += std::fabs(a * b);
      }
      if (ep.accumulate) {
        sum += C0[std::size_t(i) * ldc + j];
        mag += std::fabs(C0[std::size_t(i) * ldc + j]);
      }
      if (ep.bias) {
        sum += ep.bias[j];
        mag += std::fabs(ep.bias[j]);
      }
      if (ep.relu && sum < 0) sum = 0;
      value[std::size_t(i) * n + j] = sum;
      magnitude[std::size_t(i) * n + j] = mag;
    }
}

struct Result {
  double worst = 0;       // max |C - ref| / (rel_tol * magnitude + abs_tol); ok when <= 1
  int worst_i = -1, worst_j = -1;
  bool padding_intact = true;  // C's columns past n (up to ldc) untouched
  bool ok() const { return worst <= 1.0 && padding_intact; }
};

// Runs `backend` on random data of shape `c` and compares with the reference.
template <class Rng>
Result run_case(const Backend& backend, const Case& c, Rng& rng, double rel_tol = 1e-5,
                double abs_tol = 1e-30) {
  std::uniform_real_distribution<float> uni(-1.0f, 1.0f);
  std::uniform_int_distribution<int> byte(0, 255);
  const bool at = a_transposed(c.variant), bt = c.variant == Variant::nt;
  const int a_rows = at ? c.k : c.m, a_cols = at ? c.m : c.k;
  const int b_rows = bt ? c.n : c.k, b_cols = bt ? c.k : c.n;
  const int lda = a_cols + c.pad_a, ldb = b_cols + c.pad_b, ldc = c.n + c.pad_c;
  // Sizes use max(rows, 1) so that pointers stay valid when a dimension is 0.
  std::vector<float> af(std::size_t(std::max(a_rows, 1)) * std::max(lda, 1));
  std::vector<std::uint8_t> au8(af.size());
  for (auto& x : af) x = uni(rng);
  for (auto& x : au8) x = static_cast<std::uint8_t>(byte(rng));
  std::vector<float> b(std::size_t(std::max(b_rows, 1)) * std::max(ldb, 1));
  for (auto& x : b) x = uni(rng);
  std::vector<float> bias(std::max(c.n, 1));
  for (auto& x : bias) x = uni(rng);
  const float sentinel = 12345.0f;
  std::vector<float> out(std::size_t(std::max(c.m, 1)) * std::max(ldc, 1), sentinel);
  for (int i = 0; i < c.m; ++i)
    for (int j = 0; j < c.n; ++j) out[std::size_t(i) * ldc + j] = uni(rng);
  const std::vector<float> c0 = out;

  Epilogue ep;
  ep.bias = c.bias ? bias.data() : nullptr;
  ep.relu = c.relu;
  ep.accumulate = c.accumulate;
  const float scale = 1.0f / 255.0f;
  std::vector<double> ref, mag;
  switch (c.variant) {
    case Variant::nn: backend.nn(c.m, c.n, c.k, af.data(), lda, b.data(), ldb, out.data(), ldc, ep); break;
    case Variant::tn: backend.tn(c.m, c.n, c.k, af.data(), lda, b.data(), ldb, out.data(), ldc, ep); break;
    case Variant::nt: backend.nt(c.m, c.n, c.k, af.data(), lda, b.data(), ldb, out.data(), ldc, ep); break;
    case Variant::nn_u8:
      backend.nn_u8(c.m, c.n, c.k, au8.data(), lda, scale, b.data(), ldb, out.data(), ldc, ep);
      break;
    case Variant::tn_u8:
      backend.tn_u8(c.m, c.n, c.k, au8.data(), lda, scale, b.data(), ldb, out.data(), ldc, ep);
      break;
  }
  if (a_is_u8(c.variant)) {
    gemm(c.variant, c.m, c.n, c.k, au8.data(), lda, double(scale), b.data(), ldb, c0.data(), ldc, ep, ref, mag);
  } else {
    gemm(c.variant, c.m, c.n, c.k, af.data(), lda, 1.0, b.data(), ldb, c0.data(), ldc, ep, ref, mag);
  }

  Result r;
  for (int i = 0; i < c.m; ++i) {
    for (int j = 0; j < c.n; ++j) {
      const double got = out[std::size_t(i) * ldc + j];
      const double want = ref[std::size_t(i) * c.n + j];
      const double bound = rel_tol * mag[std::size_t(i) * c.n + j] + abs_tol;
      const double e = std::isnan(got) ? INFINITY : std::fabs(got - want) / bound;
      if (e > r.worst) {
        r.worst = e;
        r.worst_i = i;
        r.worst_j = j;
      }
    }
    for (int j = c.n; j < ldc; ++j)
      if (out[std::size_t(i) * ldc + j] != sentinel) r.padding_intact = false;
  }
  return r;
}

// A random case: sizes in [1, max_dim], pads in [0, 3], epilogue flags at random.
template <class Rng>
Case random_case(Variant v, int max_dim, Rng& rng) {
  std::uniform_int_distribution<int> dim(1, max_dim), pad(0, 3), coin(0, 1);
  Case c;
  c.variant = v;
  c.m = dim(rng);
  c.n = dim(rng);
  c.k = dim(rng);
  c.pad_a = pad(rng);
  c.pad_b = pad(rng);
  c.pad_c = pad(rng);
  c.bias = coin(rng);
  c.relu = coin(rng);
  c.accumulate = coin(rng);
  return c;
}

// The MLP's products (784-128-10 and 784-256-10, batch 32..2048) in every
// variant that training uses them in.
inline std::vector<Case> mlp_cases() {
  std::vector<Case> cases;
  for (int batch : {32, 512, 2048}) {
    for (int hidden : {128, 256}) {
      if (batch == 2048 && hidden == 256) continue;  // keeps the reference quick
      Case fwd{Variant::nn, batch, hidden, 784};
      fwd.bias = fwd.relu = true;
      cases.push_back(fwd);
      Case fwd8 = fwd;
      fwd8.variant = Variant::nn_u8;
      cases.push_back(fwd8);
      Case out{Variant::nn, batch, 10, hidden};
      out.bias = true;
      cases.push_back(out);
      Case dw1{Variant::tn_u8, 784, hidden, batch};
      dw1.accumulate = true;
      cases.push_back(dw1);
      Case dw1f = dw1;
      dw1f.variant = Variant::tn;
      cases.push_back(dw1f);
      Case dw2{Variant::tn, hidden, 10, batch};
      dw2.accumulate = true;
      cases.push_back(dw2);
      cases.push_back(Case{Variant::nt, batch, hidden, 10});  // dX = dY W^T
    }
  }
  return cases;
}

}  // namespace reglab::kernels::reference
