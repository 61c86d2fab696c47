// gemm.hpp with Eigen maps and noalias() products: the native implementation
// (g++ -O3 -march=native vectorizes Eigen's own kernels well) and the
// baseline the wasm SIMD kernels are measured against. Eigen may allocate its
// packing buffers inside large products; this file allocates nothing itself.
#include <Eigen/Core>
#include <algorithm>

#include "core/kernels/gemm_backends.hpp"

namespace reglab::kernels::portable {
namespace {

using RowMajor = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Strided = Eigen::Map<RowMajor, 0, Eigen::OuterStride<>>;
using ConstStrided = Eigen::Map<const RowMajor, 0, Eigen::OuterStride<>>;

// The u8 variants convert A into this many floats on the stack at a time.
constexpr int kChunkFloats = 16384;  // 64 KiB

// C = relu?(C + bias), one pass over each row.
void finish(int m, int n, float* C, int ldc, const Epilogue& ep) {
  if (!ep.bias && !ep.relu) return;
  for (int i = 0; i < m; ++i) {
    float* c = C + static_cast<std::ptrdiff_t>(i) * ldc;
    if (ep.bias) {
      for (int j = 0; j < n; ++j) c[j] += ep.bias[j];
    }
    if (ep.relu) {
      for (int j = 0; j < n; ++j) c[j] = c[j] < 0.0f ? 0.0f : c[j];  // NaN stays NaN
    }
  }
}

// c (=|+=) product, then nothing else: the caller finishes.
template <class Product>
void store(Strided c, const Product& product, bool accumulate) {
  if (accumulate) {
    c.noalias() += product;
  } else {
    c.noalias() = product;
  }
}

}  // namespace

void gemm_nn(int m, int n, int k, const float* A, int lda, const float* B, int ldb, float* C,
             int ldc, Epilogue ep) {
  if (m <= 0 || n <= 0) return;
  ConstStrided a(A, m, k, Eigen::OuterStride<>(lda));  // (m, k)
  ConstStrided b(B, k, n, Eigen::OuterStride<>(ldb));  // (k, n)
  store(Strided(C, m, n, Eigen::OuterStride<>(ldc)), a * b, ep.accumulate);
  finish(m, n, C, ldc, ep);
}

void gemm_tn(int m, int n, int k, const float* A, int lda, const float* B, int ldb, float* C,
             int ldc, Epilogue ep) {
  if (m <= 0 || n <= 0) return;
  ConstStrided a(A, k, m, Eigen::OuterStride<>(lda));  // (k, m)
  ConstStrided b(B, k, n, Eigen::OuterStride<>(ldb));  // (k, n)
  store(Strided(C, m, n, Eigen::OuterStride<>(ldc)), a.transpose() * b, ep.accumulate);
  finish(m, n, C, ldc, ep);
}

void gemm_nt(int m, int n, int k, const float* A, int lda, const float* B, int ldb, float* C,
             int ldc, Epilogue ep) {
  if (m <= 0 || n <= 0) return;
  ConstStrided a(A, m, k, Eigen::OuterStride<>(lda));  // (m, k)
  ConstStrided b(B, n, k, Eigen::OuterStride<>(ldb));  // (n, k)
  store(Strided(C, m, n, Eigen::OuterStride<>(ldc)), a * b.transpose(), ep.accumulate);
  finish(m, n, C, ldc, ep);
}

// A (m, k) in blocks of rows x kc converted to float, each block one product.
void gemm_nn_u8(int m, int n, int k, const std::uint8_t* A, int lda, float scale, const float* B,
                int ldb, float* C, int ldc, Epilogue ep) {
  if (m <= 0 || n <= 0) return;
  if (k <= 0) return portable::gemm_nn(m, n, 0, nullptr, 0, B, ldb, C, ldc, ep);
  alignas(64) float buf[kChunkFloats];
  const int kc_max = std::min(k, kChunkFloats);
  const int rows_max = kChunkFloats / kc_max;
  for (int p0 = 0; p0 < k; p0 += kc_max) {
    const int kc = std::min(kc_max, k - p0);
    ConstStrided b(B + static_cast<std::ptrdiff_t>(p0) * ldb, kc, n, Eigen::OuterStride<>(ldb));
    for (int i0 = 0; i0 < m; i0 += rows_max) {
      const int rows = std::min(rows_max, m - i0);
      for (int i = 0; i < rows; ++i) {
        const std::uint8_t* src = A + static_cast<std::ptrdiff_t>(i0 + i) * lda + p0;
        for (int p = 0; p < kc; ++p) buf[i * kc + p] = scale * static_cast<float>(src[p]);
      }
      Eigen::Map<const RowMajor> a(buf, rows, kc);  // (rows, kc)
      Strided c(C + static_cast<std::ptrdiff_t>(i0) * ldc, rows, n, Eigen::OuterStride<>(ldc));
      store(c, a * b, ep.accumulate || p0 > 0);
    }
  }
  finish(m, n, C, ldc, ep);
}

// A (k, m) in blocks of rows x mc converted to float; C accumulates over the
// row blocks (rank-`rows` updates).
void gemm_tn_u8(int m, int n, int k, const std::uint8_t* A, int lda, float scale, const float* B,
                int ldb, float* C, int ldc, Epilogue ep) {
  if (m <= 0 || n <= 0) return;
  if (k <= 0) return portable::gemm_tn(m, n, 0, nullptr, 0, B, ldb, C, ldc, ep);
  alignas(64) float buf[kChunkFloats];
  const int mc_max = std::min(m, kChunkFloats);
  const int rows_max = kChunkFloats / mc_max;
  for (int i0 = 0; i0 < m; i0 += mc_max) {
    const int mc = std::min(mc_max, m - i0);
    Strided c(C + i0 * static_cast<std::ptrdiff_t>(ldc), mc, n, Eigen::OuterStride<>(ldc));
    for (int p0 = 0; p0 < k; p0 += rows_max) {
      const int rows = std::min(rows_max, k - p0);
      for (int p = 0; p < rows; ++p) {
        const std::uint8_t* src = A + static_cast<std::ptrdiff_t>(p0 + p) * lda + i0;
        for (int i = 0; i < mc; ++i) buf[p * mc + i] = scale * static_cast<float>(src[i]);
      }
      Eigen::Map<const RowMajor> a(buf, rows, mc);  // (rows, mc)
      ConstStrided b(B + static_cast<std::ptrdiff_t>(p0) * ldb, rows, n, Eigen::OuterStride<>(ldb));
      store(c, a.transpose() * b, ep.accumulate || p0 > 0);
    }
  }
  finish(m, n, C, ldc, ep);
}

}  // namespace reglab::kernels::portable
