#pragma once
// The implementations behind gemm.hpp, named so that benchmarks and tests can
// run them side by side. Production code calls gemm.hpp, which picks one at
// compile time. Same contracts as gemm.hpp.
#include "core/kernels/gemm.hpp"

namespace reglab::kernels {

// Eigen maps and noalias() products; the u8 variants convert A in stack-sized
// chunks. Built everywhere (natively it is the implementation; in wasm it is
// the baseline the SIMD kernels are measured against).
namespace portable {
void gemm_nn(int m, int n, int k, const float* A, int lda, const float* B, int ldb, float* C,
             int ldc, Epilogue ep = {});
void gemm_tn(int m, int n, int k, const float* A, int lda, const float* B, int ldb, float* C,
             int ldc, Epilogue ep = {});
void gemm_nt(int m, int n, int k, const float* A, int lda, const float* B, int ldb, float* C,
             int ldc, Epilogue ep = {});
void gemm_nn_u8(int m, int n, int k, const std::uint8_t* A, int lda, float scale, const float* B,
                int ldb, float* C, int ldc, Epilogue ep = {});
void gemm_tn_u8(int m, int n, int k, const std::uint8_t* A, int lda, float scale, const float* B,
                int ldb, float* C, int ldc, Epilogue ep = {});
}  // namespace portable

#if defined(__wasm_simd128__)
// Hand-written wasm SIMD128 micro-kernels (4x8 register tiles over packed
// panels). Only exists when compiling with -msimd128.
namespace simd128 {
void gemm_nn(int m, int n, int k, const float* A, int lda, const float* B, int ldb, float* C,
             int ldc, Epilogue ep = {});
void gemm_tn(int m, int n, int k, const float* A, int lda, const float* B, int ldb, float* C,
             int ldc, Epilogue ep = {});
void gemm_nt(int m, int n, int k, const float* A, int lda, const float* B, int ldb, float* C,
             int ldc, Epilogue ep = {});
void gemm_nn_u8(int m, int n, int k, const std::uint8_t* A, int lda, float scale, const float* B,
                int ldb, float* C, int ldc, Epilogue ep = {});
void gemm_tn_u8(int m, int n, int k, const std::uint8_t* A, int lda, float scale, const float* B,
                int ldb, float* C, int ldc, Epilogue ep = {});
}  // namespace simd128
#endif

}  // namespace reglab::kernels
