#pragma once
// The three matrix products of a Dense layer, on raw row-major buffers. This
// is the one place a faster kernel plugs in (hand-written wasm SIMD
// micro-kernels later): keep it narrow. Every matrix is row-major; ld* is its
// row stride in elements (>= its column count). C must not alias A or B.
//
//   gemm_nn:  C (m, n)  = A (m, k) B (k, n) [+ bias (n)] [ReLU]   Y  = X W + b
//   gemm_tn:  C (m, n) += A^T B,  A (k, m), B (k, n)              dW += X^T dY
//   gemm_nt:  C (m, n)  = A (m, k) B^T,  B (n, k)                 dX  = dY W^T
//
// gemm_tn accumulates (gradients accumulate; zeroing is the caller's step).
// The float versions run training; the double ones serve the gradient checks.
namespace reglab::nn {

// What gemm_nn applies to each row of C after the product, in the same pass.
enum class Epilogue {
  None,      // C = A B
  Bias,      // C = A B + bias
  BiasRelu,  // C = max(0, A B + bias)
};

void gemm_nn(int m, int n, int k, const float* A, int lda, const float* B, int ldb, float* C,
             int ldc, Epilogue epilogue = Epilogue::None, const float* bias = nullptr);
void gemm_tn(int m, int n, int k, const float* A, int lda, const float* B, int ldb, float* C,
             int ldc);
void gemm_nt(int m, int n, int k, const float* A, int lda, const float* B, int ldb, float* C,
             int ldc);

void gemm_nn(int m, int n, int k, const double* A, int lda, const double* B, int ldb, double* C,
             int ldc, Epilogue epilogue = Epilogue::None, const double* bias = nullptr);
void gemm_tn(int m, int n, int k, const double* A, int lda, const double* B, int ldb, double* C,
             int ldc);
void gemm_nt(int m, int n, int k, const double* A, int lda, const double* B, int ldb, double* C,
             int ldc);

}  // namespace reglab::nn
