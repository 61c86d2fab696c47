// gemm.hpp: picks the implementation at compile time.
#include "core/kernels/gemm.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "core/kernels/gemm_backends.hpp"
#include "core/kernels/parallel.hpp"

namespace reglab::kernels {

#if defined(__wasm_simd128__)
namespace impl = simd128;
#else
namespace impl = portable;
#endif

namespace {

// Products below this many multiply-adds (~0.2 ms on one wasm thread) stay
// on one thread: waking a sleeping worker costs tens of microseconds, and
// N2's batch of 32 (3.2 M multiply-adds a product) trained no faster on two
// threads than on one while using 60 % more CPU (bench/README.md, "Threads").
constexpr double kMinParallelWork = 1 << 23;

// Splits C into `parts` blocks of whole rows (multiples of 4) or whole
// columns (multiples of 8, the SIMD tile), along its longer side, and runs
// `block(i0, rows, j0, cols)` for each on the pool. Every element of C is
// still summed over k in the same order, so the result is the same bits as
// on one thread.
template <class Block>
void split(int m, int n, int k, const Block& block) {
  const int threads = kernels::threads();
  const bool by_rows = m >= n;
  const int extent = by_rows ? m : n;
  const int unit = by_rows ? 4 : 8;
  // Columns are split only into blocks wider than 16, so each still packs A
  // exactly as the whole product would (gemm_simd128.cpp: kPackAMinN).
  const int min_block = by_rows ? unit : 24;
  int parts = std::min(threads, extent / min_block);
  if (parts < 2 || double(m) * n * k < kMinParallelWork) {
    block(0, m, 0, n);
    return;
  }
  const int units = (extent + unit - 1) / unit;
  run_parts(parts, [&](int part) {
    const int first = int(std::int64_t(units) * part / parts) * unit;
    const int last = std::min(extent, int(std::int64_t(units) * (part + 1) / parts) * unit);
    if (first >= last) return;
    if (by_rows) block(first, last - first, 0, n);
    else block(0, m, first, last - first);
  });
}

using Index = std::ptrdiff_t;
Epilogue shifted(Epilogue ep, int j0) {
  if (ep.bias) ep.bias += j0;
  return ep;
}

}  // namespace

void gemm_nn(int m, int n, int k, const float* A, int lda, const float* B, int ldb, float* C,
             int ldc, Epilogue ep) {
  split(m, n, k, [&](int i0, int rows, int j0, int cols) {
    impl::gemm_nn(rows, cols, k, A + Index(i0) * lda, lda, B + j0, ldb,
                  C + Index(i0) * ldc + j0, ldc, shifted(ep, j0));
  });
}
void gemm_tn(int m, int n, int k, const float* A, int lda, const float* B, int ldb, float* C,
             int ldc, Epilogue ep) {
  split(m, n, k, [&](int i0, int rows, int j0, int cols) {
    impl::gemm_tn(rows, cols, k, A + i0, lda, B + j0, ldb, C + Index(i0) * ldc + j0, ldc,
                  shifted(ep, j0));
  });
}
void gemm_nt(int m, int n, int k, const float* A, int lda, const float* B, int ldb, float* C,
             int ldc, Epilogue ep) {
  split(m, n, k, [&](int i0, int rows, int j0, int cols) {
    impl::gemm_nt(rows, cols, k, A + Index(i0) * lda, lda, B + Index(j0) * ldb, ldb,
                  C + Index(i0) * ldc + j0, ldc, shifted(ep, j0));
  });
}
void gemm_nn_u8(int m, int n, int k, const std::uint8_t* A, int lda, float scale, const float* B,
                int ldb, float* C, int ldc, Epilogue ep) {
  split(m, n, k, [&](int i0, int rows, int j0, int cols) {
    impl::gemm_nn_u8(rows, cols, k, A + Index(i0) * lda, lda, scale, B + j0, ldb,
                     C + Index(i0) * ldc + j0, ldc, shifted(ep, j0));
  });
}
void gemm_tn_u8(int m, int n, int k, const std::uint8_t* A, int lda, float scale, const float* B,
                int ldb, float* C, int ldc, Epilogue ep) {
  split(m, n, k, [&](int i0, int rows, int j0, int cols) {
    impl::gemm_tn_u8(rows, cols, k, A + i0, lda, scale, B + j0, ldb, C + Index(i0) * ldc + j0,
                     ldc, shifted(ep, j0));
  });
}

const char* gemm_backend() {
#if defined(__wasm_simd128__)
  return "simd128";
#else
  return "portable";
#endif
}

}  // namespace reglab::kernels
