#pragma once
// Shared by the libFuzzer targets. A target feeds bytes to one reader of the
// core; the reader may throw reglab::InputError (that is its contract for bad
// input) and nothing else. Any other exception, a sanitizer report, an Eigen
// assertion (the fuzz build keeps them: no NDEBUG) or a failed FUZZ_CHECK is a
// finding, which libFuzzer saves as a crash-* file.
#include <cstdio>
#include <cstdlib>
#include <string>

#define FUZZ_CHECK(cond)                                                                 \
  do {                                                                                   \
    if (!(cond)) {                                                                       \
      std::fprintf(stderr, "FUZZ_CHECK failed at %s:%d: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                      \
    }                                                                                    \
  } while (0)

namespace reglab::fuzz {

// Little-endian u32 into the last four bytes: the model format's trailing
// CRC-32, recomputed so that mutations reach the fields behind the checksum.
inline void put_le32(unsigned char* p, unsigned v) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<unsigned char>(v >> (8 * i));
}

}  // namespace reglab::fuzz
