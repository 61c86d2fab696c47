#pragma once
// Reading files for native front ends (CLI, tests, benchmarks). The core
// itself only parses bytes it is handed.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace reglab::io {

// Whole file as bytes; throws reglab::InputError naming the path on failure.
std::string read_text_file(const std::string& path);
std::vector<std::uint8_t> read_binary_file(const std::string& path);

// The most bytes a gzip file may unpack to. Fashion-MNIST's largest file is
// 47 MB unpacked; the cap stops a small "gzip bomb" from filling memory.
inline constexpr std::size_t kMaxUnpackedBytes = std::size_t{1} << 30;  // 1 GiB

// The file's bytes, gunzipped when they start with the gzip magic (1f 8b).
// Throws reglab::InputError when the gzip data is damaged or unpacks to more
// than max_unpacked bytes.
std::vector<std::uint8_t> read_maybe_gzip(const std::string& path,
                                          std::size_t max_unpacked = kMaxUnpackedBytes);

// Writes bytes atomically enough for our use (temp file, then rename).
void write_binary_file(const std::string& path, const std::vector<std::uint8_t>& bytes);

}  // namespace reglab::io
