#pragma once
// Single-precision matrix products for the MLP's hot loops, on raw row-major
// buffers. Every matrix is row-major; ld* is its row stride in elements
// (>= its column count). C must not alias A, B or bias.
//
//   gemm_nn:    C (m, n) = A (m, k)   B (k, n)          forward      Y  = X W
//   gemm_tn:    C (m, n) = A (k, m)^T B (k, n)          weight grad  dW = X^T dY
//   gemm_nt:    C (m, n) = A (m, k)   B (n, k)^T        input grad   dX = dY W^T
//   gemm_*_u8:  the same with A stored as uint8 and read as scale * A, so raw
//               pixels (scale 1/255) never need a float copy: the conversion
//               is fused into the packing of A.
//
// Every product ends with the epilogue, applied in the same pass over C:
//
//   C = relu?( (accumulate ? C : 0) + op(A) op(B) + bias )
//
// bias (n) is added to every row; relu is max(0, x) and keeps NaN as NaN.
// m, n or k may be 0 (k = 0 leaves the epilogue alone: C = relu?(C? + bias)).
//
// Big products are split across the threads of parallel.hpp (set_threads;
// 1 by default, so nothing is split unless a front end asks): by whole rows
// or columns of C, so every element is summed in the same order and the
// SIMD path gives the same bits on any number of threads.
//
// Which code runs is fixed at compile time: with -msimd128 (wasm SIMD128)
// hand-written 4x8 micro-kernels over packed panels (gemm_simd128.cpp);
// everywhere else Eigen products (gemm_portable.cpp). Neither keeps state
// and neither allocates (Eigen may, inside its own large products): packed
// panels live on the stack, at most 160 KiB (SIMD) or 64 KiB (portable u8).
// Emscripten 3.1.6's default stack is 5 MiB; from 3.1.27 it is 64 KiB, so
// a newer Emscripten needs -sSTACK_SIZE=1MB or more for these calls.
#include <cstdint>

namespace reglab::kernels {

struct Epilogue {
  const float* bias = nullptr;  // (n) added to every row of C, or none
  bool relu = false;            // C = max(0, C) last
  bool accumulate = false;      // C += op(A) op(B) instead of C = op(A) op(B)
};

// C(m,n) = A(m,k) * B(k,n)       forward  Y = X W
void gemm_nn(int m, int n, int k, const float* A, int lda, const float* B, int ldb, float* C,
             int ldc, Epilogue ep = {});
// C(m,n) = A(k,m)^T * B(k,n)     weight gradient dW = X^T dY
void gemm_tn(int m, int n, int k, const float* A, int lda, const float* B, int ldb, float* C,
             int ldc, Epilogue ep = {});
// C(m,n) = A(m,k) * B(n,k)^T     input gradient dX = dY W^T
void gemm_nt(int m, int n, int k, const float* A, int lda, const float* B, int ldb, float* C,
             int ldc, Epilogue ep = {});
// First layer on raw pixels: A is uint8 (m,k), read as scale * A.
void gemm_nn_u8(int m, int n, int k, const std::uint8_t* A, int lda, float scale, const float* B,
                int ldb, float* C, int ldc, Epilogue ep = {});
// Weight gradient of the first layer: A is uint8 (k,m), read as scale * A.
void gemm_tn_u8(int m, int n, int k, const std::uint8_t* A, int lda, float scale, const float* B,
                int ldb, float* C, int ldc, Epilogue ep = {});

// "simd128" or "portable": which implementation the functions above run.
const char* gemm_backend();

}  // namespace reglab::kernels
