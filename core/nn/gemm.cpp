// gemm.hpp: the float products (training) go to core/kernels, which use
// hand-written wasm SIMD128 micro-kernels in the browser and Eigen natively;
// the double products (gradient checks) use Eigen maps and noalias().
#include "core/nn/gemm.hpp"

#include <Eigen/Core>

#include "core/kernels/gemm.hpp"

namespace reglab::nn {
namespace {

template <class T>
using RowMajor = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
template <class T>
using Strided = Eigen::Map<RowMajor<T>, 0, Eigen::OuterStride<>>;
template <class T>
using ConstStrided = Eigen::Map<const RowMajor<T>, 0, Eigen::OuterStride<>>;

template <class T>
void nn(int m, int n, int k, const T* A, int lda, const T* B, int ldb, T* C, int ldc,
        Epilogue epilogue, const T* bias) {
  ConstStrided<T> a(A, m, k, Eigen::OuterStride<>(lda));  // (m, k)
  ConstStrided<T> b(B, k, n, Eigen::OuterStride<>(ldb));  // (k, n)
  Strided<T> c(C, m, n, Eigen::OuterStride<>(ldc));       // (m, n)
  c.noalias() = a * b;
  if (epilogue == Epilogue::None) return;
  // One pass over C. ReLU as (v < 0 ? 0 : v) keeps NaN as NaN (as tf.nn.relu),
  // so a diverged model shows a NaN loss.
  const bool relu = epilogue == Epilogue::BiasRelu;
  for (int i = 0; i < m; ++i) {
    T* row = C + static_cast<long>(i) * ldc;
    for (int j = 0; j < n; ++j) {
      const T v = row[j] + bias[j];
      row[j] = relu && v < T(0) ? T(0) : v;
    }
  }
}

template <class T>
void tn(int m, int n, int k, const T* A, int lda, const T* B, int ldb, T* C, int ldc) {
  ConstStrided<T> a(A, k, m, Eigen::OuterStride<>(lda));  // (k, m)
  ConstStrided<T> b(B, k, n, Eigen::OuterStride<>(ldb));  // (k, n)
  Strided<T> c(C, m, n, Eigen::OuterStride<>(ldc));       // (m, n)
  c.noalias() += a.transpose() * b;
}

template <class T>
void nt(int m, int n, int k, const T* A, int lda, const T* B, int ldb, T* C, int ldc) {
  ConstStrided<T> a(A, m, k, Eigen::OuterStride<>(lda));  // (m, k)
  ConstStrided<T> b(B, n, k, Eigen::OuterStride<>(ldb));  // (n, k)
  Strided<T> c(C, m, n, Eigen::OuterStride<>(ldc));       // (m, n)
  c.noalias() = a * b.transpose();
}

}  // namespace

void gemm_nn(int m, int n, int k, const float* A, int lda, const float* B, int ldb, float* C,
             int ldc, Epilogue epilogue, const float* bias) {
  kernels::Epilogue ep;
  if (epilogue != Epilogue::None) ep.bias = bias;
  ep.relu = epilogue == Epilogue::BiasRelu;
  kernels::gemm_nn(m, n, k, A, lda, B, ldb, C, ldc, ep);
}
void gemm_tn(int m, int n, int k, const float* A, int lda, const float* B, int ldb, float* C,
             int ldc) {
  kernels::Epilogue ep;
  ep.accumulate = true;  // gradients accumulate
  kernels::gemm_tn(m, n, k, A, lda, B, ldb, C, ldc, ep);
}
void gemm_nt(int m, int n, int k, const float* A, int lda, const float* B, int ldb, float* C,
             int ldc) {
  kernels::gemm_nt(m, n, k, A, lda, B, ldb, C, ldc);
}

void gemm_nn(int m, int n, int k, const double* A, int lda, const double* B, int ldb, double* C,
             int ldc, Epilogue epilogue, const double* bias) {
  nn(m, n, k, A, lda, B, ldb, C, ldc, epilogue, bias);
}
void gemm_tn(int m, int n, int k, const double* A, int lda, const double* B, int ldb, double* C,
             int ldc) {
  tn(m, n, k, A, lda, B, ldb, C, ldc);
}
void gemm_nt(int m, int n, int k, const double* A, int lda, const double* B, int ldb, double* C,
             int ldc) {
  nt(m, n, k, A, lda, B, ldb, C, ldc);
}

}  // namespace reglab::nn
