// gemm.hpp: picks the implementation at compile time.
#include "core/kernels/gemm.hpp"

#include "core/kernels/gemm_backends.hpp"

namespace reglab::kernels {

#if defined(__wasm_simd128__)
namespace impl = simd128;
#else
namespace impl = portable;
#endif

void gemm_nn(int m, int n, int k, const float* A, int lda, const float* B, int ldb, float* C,
             int ldc, Epilogue ep) {
  impl::gemm_nn(m, n, k, A, lda, B, ldb, C, ldc, ep);
}
void gemm_tn(int m, int n, int k, const float* A, int lda, const float* B, int ldb, float* C,
             int ldc, Epilogue ep) {
  impl::gemm_tn(m, n, k, A, lda, B, ldb, C, ldc, ep);
}
void gemm_nt(int m, int n, int k, const float* A, int lda, const float* B, int ldb, float* C,
             int ldc, Epilogue ep) {
  impl::gemm_nt(m, n, k, A, lda, B, ldb, C, ldc, ep);
}
void gemm_nn_u8(int m, int n, int k, const std::uint8_t* A, int lda, float scale, const float* B,
                int ldb, float* C, int ldc, Epilogue ep) {
  impl::gemm_nn_u8(m, n, k, A, lda, scale, B, ldb, C, ldc, ep);
}
void gemm_tn_u8(int m, int n, int k, const std::uint8_t* A, int lda, float scale, const float* B,
                int ldb, float* C, int ldc, Epilogue ep) {
  impl::gemm_tn_u8(m, n, k, A, lda, scale, B, ldb, C, ldc, ep);
}

const char* gemm_backend() {
#if defined(__wasm_simd128__)
  return "simd128";
#else
  return "portable";
#endif
}

}  // namespace reglab::kernels
