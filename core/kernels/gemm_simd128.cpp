// gemm.hpp with hand-written wasm SIMD128 micro-kernels. Compiled only with
// -msimd128; see bench/README.md ("GEMM micro-kernels") for what each choice
// below bought, measured.
//
// The classic blocked GEMM (Goto/BLIS) scaled down to the MLP's shapes:
//
//   for each block of KC steps of k:
//     for each block of NC columns:   pack op(B) into NR-wide panels  (kc, NR)
//       for each block of MC rows:    pack op(A) into MR-tall panels (u8 always,
//                                     float when n > 16; else A is read in place)
//         for each NR panel:          (stays in L1 across the row panels)
//           for each MR panel:        micro-kernel: C tile (MR, NR) = A panel * B panel
//
// The micro-kernel holds a 4x8 tile of C in 8 f32x4 accumulators; each step
// of k loads one row of the B panel (2 vectors), broadcasts 4 values of A
// (v128.load32_splat) and does 8 mul + 8 add (no FMA in wasm SIMD128).
// 8 accumulators + 2 B vectors + 1 broadcast fit the 16 xmm registers V8 uses
// on x86-64; bigger tiles spill. uint8 A is converted (times scale) into
// packed panels once per block, so pixels never need a float copy; float A
// is packed for wide C and read in place for the 10-wide output layer (4 row
// pointers for nn/nt; for tn a step is already 4 contiguous values).
// B is always packed, which also turns nt's B^T into plain rows.
// Partial tiles at the edges are computed in full (duplicated A rows, zero B
// columns) and only their valid corner is stored. The epilogue (accumulate,
// bias, ReLU) is applied when the last block of k stores the tile.
#if defined(__wasm_simd128__)

#include <wasm_simd128.h>

#include <algorithm>
#include <cstddef>

#include "core/kernels/gemm_backends.hpp"

namespace reglab::kernels::simd128 {
namespace {

constexpr int MR = 4;    // rows of the register tile
constexpr int NR = 8;    // columns of the register tile (2 f32x4)
// Block sizes (bench/README.md has the measurements): a longer KC means fewer
// passes over C and fewer tile set-ups; NC = 128 packs B once for the 784-128
// layer and A once per block. The two buffers live on the stack.
constexpr int KC = 256;  // steps of k per packed block
constexpr int MC = 32;   // rows of A packed at a time: MC * KC floats = 32 KiB
constexpr int NC = 128;  // columns of B packed at a time: KC * NC floats = 128 KiB
static_assert((MC + NC) * KC * sizeof(float) <= 160 * 1024, "stack budget of gemm.hpp");

static_assert(MC % MR == 0 && NC % NR == 0, "blocks hold whole panels");

// Float A (nn, nt) is packed when C is wider than this: packing costs one pass
// over A per block and pays back once A is reused by enough NR panels; the
// output layer (n = 10) reads A in place.
constexpr int kPackAMinN = 16;

using Index = std::ptrdiff_t;

// Width of the packed panel that holds `cols` (<= NR) columns: a lone tail of
// up to 4 columns (n = 10 -> 8 + 2) gets a 4-wide panel and a 4x4 kernel.
constexpr int panel_width(int cols) { return cols > 4 ? 8 : 4; }

// ---- helpers --------------------------------------------------------------------

// Transposes four rows of four floats into four columns.
inline void transpose4(v128_t& r0, v128_t& r1, v128_t& r2, v128_t& r3) {
  const v128_t t0 = wasm_i32x4_shuffle(r0, r1, 0, 4, 1, 5);
  const v128_t t1 = wasm_i32x4_shuffle(r2, r3, 0, 4, 1, 5);
  const v128_t t2 = wasm_i32x4_shuffle(r0, r1, 2, 6, 3, 7);
  const v128_t t3 = wasm_i32x4_shuffle(r2, r3, 2, 6, 3, 7);
  r0 = wasm_i32x4_shuffle(t0, t1, 0, 1, 4, 5);
  r1 = wasm_i32x4_shuffle(t0, t1, 2, 3, 6, 7);
  r2 = wasm_i32x4_shuffle(t2, t3, 0, 1, 4, 5);
  r3 = wasm_i32x4_shuffle(t2, t3, 2, 3, 6, 7);
}

// Four uint8 at p, as floats times scale.
inline v128_t load4_u8(const std::uint8_t* p, v128_t scale) {
  const v128_t bytes = wasm_v128_load32_zero(p);
  const v128_t ints = wasm_u32x4_extend_low_u16x8(wasm_u16x8_extend_low_u8x16(bytes));
  return wasm_f32x4_mul(wasm_f32x4_convert_i32x4(ints), scale);
}

// ---- A: read in place or packed ---------------------------------------------------
// A source gives the micro-kernel an accessor for the panel of MR rows at i:
// AStrided (the MR values of a step are contiguous, steps `ks` apart: packed
// panels and tn's A) or ARows (four row pointers: nn's and nt's A).

struct AStrided {
  const float* p;
  int ks;
  v128_t splat(int r) const { return wasm_v128_load32_splat(p + r); }
  void step() { p += ks; }
};

struct ARows {
  const float* row[MR];
  v128_t splat(int r) const { return wasm_v128_load32_splat(row[r]); }
  void step() {
    for (int r = 0; r < MR; ++r) ++row[r];
  }
};

// op(A)(i, p) = A[i * lda + p]: rows past the edge repeat row i (their sums
// are never stored), so no read leaves A.
struct RowsA {
  static constexpr bool kPacked = false;
  const float* a;
  int lda;
  ARows panel(int i, int mr, int p0, int /*kc*/, float* /*edge*/) const {
    const float* r0 = a + Index(i) * lda + p0;
    ARows acc{};
    for (int r = 0; r < MR; ++r) acc.row[r] = r < mr ? r0 + r * Index(lda) : r0;
    return acc;
  }
};

// op(A)(i, p) = A[p * lda + i]: a step is MR contiguous values. A panel at the
// edge (mr < MR) is copied to `edge`, zero-padded, so no read leaves A.
struct ColsA {
  static constexpr bool kPacked = false;
  const float* a;
  int lda;
  AStrided panel(int i, int mr, int p0, int kc, float* edge) const {
    const float* src = a + Index(p0) * lda + i;
    if (mr == MR) return {src, lda};
    for (int p = 0; p < kc; ++p)
      for (int r = 0; r < MR; ++r) edge[p * MR + r] = r < mr ? src[p * Index(lda) + r] : 0.0f;
    return {edge, MR};
  }
};

// Packed A: for each panel of MR rows, kc steps of MR values (row r at + r),
// rows past the edge are zero. Filled once per block of MC rows and reused by
// every NR panel; uint8 is converted (times scale) here.

inline v128_t load4(const float* p, v128_t /*scale*/) { return wasm_v128_load(p); }
inline v128_t load4(const std::uint8_t* p, v128_t scale) { return load4_u8(p, scale); }
inline float load1(const float* p, float /*scale*/) { return *p; }
inline float load1(const std::uint8_t* p, float scale) { return scale * float(*p); }

// op(A)(i, p) = scale * A[i * lda + p]: 4x4 transposes of row pieces.
template <class T>
struct PackedRowsA {
  static constexpr bool kPacked = true;
  const T* a;
  int lda;
  float scale;
  void pack(int i0, int mc, int p0, int kc, float* dst) const {
    const v128_t vscale = wasm_f32x4_splat(scale);
    for (int ir = 0; ir < mc; ir += MR, dst += MR * kc) {
      const int mr = std::min(MR, mc - ir);
      const T* src = a + Index(i0 + ir) * lda + p0;
      if (mr == MR) {
        const T* s0 = src;
        const T* s1 = src + lda;
        const T* s2 = src + 2 * Index(lda);
        const T* s3 = src + 3 * Index(lda);
        int p = 0;
        for (; p + 4 <= kc; p += 4) {
          v128_t r0 = load4(s0 + p, vscale), r1 = load4(s1 + p, vscale);
          v128_t r2 = load4(s2 + p, vscale), r3 = load4(s3 + p, vscale);
          transpose4(r0, r1, r2, r3);
          wasm_v128_store(dst + p * MR, r0);
          wasm_v128_store(dst + p * MR + 4, r1);
          wasm_v128_store(dst + p * MR + 8, r2);
          wasm_v128_store(dst + p * MR + 12, r3);
        }
        for (; p < kc; ++p) {
          dst[p * MR + 0] = load1(s0 + p, scale);
          dst[p * MR + 1] = load1(s1 + p, scale);
          dst[p * MR + 2] = load1(s2 + p, scale);
          dst[p * MR + 3] = load1(s3 + p, scale);
        }
      } else {
        for (int p = 0; p < kc; ++p)
          for (int r = 0; r < MR; ++r)
            dst[p * MR + r] = r < mr ? load1(src + r * Index(lda) + p, scale) : 0.0f;
      }
    }
  }
};

// op(A)(i, p) = scale * A[p * lda + i]: a step is MR contiguous values.
template <class T>
struct PackedColsA {
  static constexpr bool kPacked = true;
  const T* a;
  int lda;
  float scale;
  void pack(int i0, int mc, int p0, int kc, float* dst) const {
    const v128_t vscale = wasm_f32x4_splat(scale);
    for (int ir = 0; ir < mc; ir += MR, dst += MR * kc) {
      const int mr = std::min(MR, mc - ir);
      const T* src = a + Index(p0) * lda + i0 + ir;
      if (mr == MR) {
        for (int p = 0; p < kc; ++p) wasm_v128_store(dst + p * MR, load4(src + p * Index(lda), vscale));
      } else {
        for (int p = 0; p < kc; ++p)
          for (int r = 0; r < MR; ++r)
            dst[p * MR + r] = r < mr ? load1(src + p * Index(lda) + r, scale) : 0.0f;
      }
    }
  }
};

// ---- B: always packed --------------------------------------------------------------
// For each panel of NR columns, kc steps of panel_width values; columns past
// the edge are zero. Panel j of a block starts at j * NR * kc.

// op(B)(p, j) = B[p * ldb + j]: each step of k is a contiguous row piece.
struct RowsB {
  const float* b;
  int ldb;
  void pack(int p0, int kc, int j0, int nc, float* dst) const {
    for (int jr = 0; jr < nc; jr += NR, dst += NR * kc) {
      const int nr = std::min(NR, nc - jr);
      const int w = panel_width(nr);
      const float* src = b + Index(p0) * ldb + j0 + jr;
      if (nr == 8) {
        for (int p = 0; p < kc; ++p, src += ldb) {
          wasm_v128_store(dst + p * 8, wasm_v128_load(src));
          wasm_v128_store(dst + p * 8 + 4, wasm_v128_load(src + 4));
        }
      } else if (nr == 4) {
        for (int p = 0; p < kc; ++p, src += ldb) wasm_v128_store(dst + p * 4, wasm_v128_load(src));
      } else {
        for (int p = 0; p < kc; ++p, src += ldb)
          for (int c = 0; c < w; ++c) dst[p * w + c] = c < nr ? src[c] : 0.0f;
      }
    }
  }
};

// op(B)(p, j) = B[j * ldb + p]: rows of B become the columns of a panel.
struct ColsB {
  const float* b;
  int ldb;
  void pack(int p0, int kc, int j0, int nc, float* dst) const {
    for (int jr = 0; jr < nc; jr += NR, dst += NR * kc) {
      const int nr = std::min(NR, nc - jr);
      const int w = panel_width(nr);
      const float* src = b + Index(j0 + jr) * ldb + p0;
      int c = 0;
      // Four rows of B at a time: 4x4 transposes write four panel columns.
      for (; c + 4 <= nr; c += 4) {
        const float* s0 = src + Index(c) * ldb;
        const float* s1 = s0 + ldb;
        const float* s2 = s1 + ldb;
        const float* s3 = s2 + ldb;
        int p = 0;
        for (; p + 4 <= kc; p += 4) {
          v128_t r0 = wasm_v128_load(s0 + p), r1 = wasm_v128_load(s1 + p);
          v128_t r2 = wasm_v128_load(s2 + p), r3 = wasm_v128_load(s3 + p);
          transpose4(r0, r1, r2, r3);
          wasm_v128_store(dst + (p + 0) * w + c, r0);
          wasm_v128_store(dst + (p + 1) * w + c, r1);
          wasm_v128_store(dst + (p + 2) * w + c, r2);
          wasm_v128_store(dst + (p + 3) * w + c, r3);
        }
        for (; p < kc; ++p) {
          dst[p * w + c + 0] = s0[p];
          dst[p * w + c + 1] = s1[p];
          dst[p * w + c + 2] = s2[p];
          dst[p * w + c + 3] = s3[p];
        }
      }
      for (; c < w; ++c) {
        if (c < nr) {
          const float* s = src + Index(c) * ldb;
          for (int p = 0; p < kc; ++p) dst[p * w + c] = s[p];
        } else {
          for (int p = 0; p < kc; ++p) dst[p * w + c] = 0.0f;
        }
      }
    }
  }
};

// ---- the micro-kernel ---------------------------------------------------------

// What a tile does with its sums when it stores them.
struct TileStore {
  bool load_c;        // add what C holds (a later block of k, or accumulate)
  const float* bias;  // (n) at the tile's first column, last block only
  bool relu;          // last block only
};

inline v128_t finish(v128_t x, const float* c, const float* bias, const TileStore& st) {
  if (st.load_c) x = wasm_f32x4_add(x, wasm_v128_load(c));
  if (st.bias) x = wasm_f32x4_add(x, wasm_v128_load(bias));
  if (st.relu) x = wasm_f32x4_max(x, wasm_f32x4_splat(0.0f));  // NaN stays NaN
  return x;
}

// C tile (mr, nr) = finish(A panel (MR, kc) * B panel (kc, 4 * NV)); NV = 2
// (8 columns) or 1 (4 columns); A is an AStrided or ARows accessor.
template <int NV, class APanel>
inline __attribute__((always_inline)) void micro_kernel(int kc, APanel a,
                                                        const float* __restrict bp, float* c,
                                                        int ldc, int mr, int nr,
                                                        const TileStore& st) {
  constexpr int W = 4 * NV;
  v128_t acc[MR][NV];
  for (int r = 0; r < MR; ++r)
    for (int v = 0; v < NV; ++v) acc[r][v] = wasm_f32x4_splat(0.0f);
  // One step of k per iteration. Unrolling (by hand or by clang) was slower:
  // clang hoists the loads of the unrolled steps and V8 spills.
  for (int p = 0; p < kc; ++p) {
    v128_t b[NV];
    for (int v = 0; v < NV; ++v) b[v] = wasm_v128_load(bp + 4 * v);
    for (int r = 0; r < MR; ++r) {
      const v128_t ar = a.splat(r);
      for (int v = 0; v < NV; ++v) acc[r][v] = wasm_f32x4_add(acc[r][v], wasm_f32x4_mul(ar, b[v]));
    }
    a.step();
    bp += W;
  }
  if (mr == MR && nr == W) {
    for (int r = 0; r < MR; ++r)
      for (int v = 0; v < NV; ++v) {
        float* cv = c + r * Index(ldc) + 4 * v;
        wasm_v128_store(cv, finish(acc[r][v], cv, st.bias ? st.bias + 4 * v : nullptr, st));
      }
    return;
  }
  // Edge tile: sums through a buffer, only the (mr, nr) corner reaches C.
  alignas(16) float tile[MR][W];
  for (int r = 0; r < MR; ++r)
    for (int v = 0; v < NV; ++v) wasm_v128_store(&tile[r][4 * v], acc[r][v]);
  for (int r = 0; r < mr; ++r) {
    float* cr = c + r * Index(ldc);
    for (int j = 0; j < nr; ++j) {
      float x = tile[r][j];
      if (st.load_c) x += cr[j];
      if (st.bias) x += st.bias[j];
      if (st.relu) x = x < 0.0f ? 0.0f : x;
      cr[j] = x;
    }
  }
}

// ---- the blocked driver --------------------------------------------------------

template <class ASource, class PackB>
void gemm(int m, int n, int k, const ASource& a_src, const PackB& pack_b, float* C, int ldc,
          const Epilogue& ep) {
  if (m <= 0 || n <= 0) return;
  alignas(16) float bbuf[KC * NC];
  // Packed A blocks (uint8), or one zero-padded edge panel (float tn).
  alignas(16) float abuf[ASource::kPacked ? MC * KC : MR * KC];
  int p0 = 0;
  do {  // at least once: k = 0 still applies the epilogue
    const int kc = std::min(KC, k - p0);
    const bool last = p0 + kc >= k;
    const bool load_c = p0 > 0 || ep.accumulate;
    for (int j0 = 0; j0 < n; j0 += NC) {
      const int nc = std::min(NC, n - j0);
      pack_b.pack(p0, kc, j0, nc, bbuf);
      for (int i0 = 0; i0 < m; i0 += MC) {
        const int mc = std::min(MC, m - i0);
        if constexpr (ASource::kPacked) a_src.pack(i0, mc, p0, kc, abuf);
        for (int jr = 0; jr < nc; jr += NR) {
          const int nr = std::min(NR, nc - jr);
          const float* bp = bbuf + Index(jr) * kc;
          const TileStore st{load_c, last && ep.bias ? ep.bias + j0 + jr : nullptr, last && ep.relu};
          float* c = C + Index(i0) * ldc + j0 + jr;
          for (int ir = 0; ir < mc; ir += MR, c += MR * Index(ldc)) {
            const int mr = std::min(MR, mc - ir);
            if constexpr (ASource::kPacked) {
              const AStrided a{abuf + Index(ir) * kc, MR};
              if (nr > 4) micro_kernel<2>(kc, a, bp, c, ldc, mr, nr, st);
              else micro_kernel<1>(kc, a, bp, c, ldc, mr, nr, st);
            } else {
              const auto a = a_src.panel(i0 + ir, mr, p0, kc, abuf);
              if (nr > 4) micro_kernel<2>(kc, a, bp, c, ldc, mr, nr, st);
              else micro_kernel<1>(kc, a, bp, c, ldc, mr, nr, st);
            }
          }
        }
      }
    }
    p0 += kc;
  } while (p0 < k);
}

}  // namespace

void gemm_nn(int m, int n, int k, const float* A, int lda, const float* B, int ldb, float* C,
             int ldc, Epilogue ep) {
  if (n > kPackAMinN) {
    gemm(m, n, k, PackedRowsA<float>{A, lda, 1.0f}, RowsB{B, ldb}, C, ldc, ep);
  } else {
    gemm(m, n, k, RowsA{A, lda}, RowsB{B, ldb}, C, ldc, ep);
  }
}
void gemm_tn(int m, int n, int k, const float* A, int lda, const float* B, int ldb, float* C,
             int ldc, Epilogue ep) {
  // Read in place, a tile's kc steps touch kc rows of A, lda apart: for the
  // first layer's dW (A = X, 784 floats a row) one page per step, and the
  // TLB and L1 thrash. Packed, a block is contiguous; the sums are the same.
  if (n > kPackAMinN) {
    gemm(m, n, k, PackedColsA<float>{A, lda, 1.0f}, RowsB{B, ldb}, C, ldc, ep);
  } else {
    gemm(m, n, k, ColsA{A, lda}, RowsB{B, ldb}, C, ldc, ep);
  }
}
void gemm_nt(int m, int n, int k, const float* A, int lda, const float* B, int ldb, float* C,
             int ldc, Epilogue ep) {
  if (n > kPackAMinN) {
    gemm(m, n, k, PackedRowsA<float>{A, lda, 1.0f}, ColsB{B, ldb}, C, ldc, ep);
  } else {
    gemm(m, n, k, RowsA{A, lda}, ColsB{B, ldb}, C, ldc, ep);
  }
}
void gemm_nn_u8(int m, int n, int k, const std::uint8_t* A, int lda, float scale, const float* B,
                int ldb, float* C, int ldc, Epilogue ep) {
  gemm(m, n, k, PackedRowsA<std::uint8_t>{A, lda, scale}, RowsB{B, ldb}, C, ldc, ep);
}
void gemm_tn_u8(int m, int n, int k, const std::uint8_t* A, int lda, float scale, const float* B,
                int ldb, float* C, int ldc, Epilogue ep) {
  gemm(m, n, k, PackedColsA<std::uint8_t>{A, lda, scale}, RowsB{B, ldb}, C, ldc, ep);
}

}  // namespace reglab::kernels::simd128

#endif  // __wasm_simd128__
