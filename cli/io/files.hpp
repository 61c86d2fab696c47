#pragma once
// Reading files for native front ends (CLI, tests, benchmarks). The core
// itself only parses bytes it is handed.
#include <cstdint>
#include <string>
#include <vector>

namespace reglab::io {

// Whole file as bytes; throws reglab::InputError naming the path on failure.
std::string read_text_file(const std::string& path);
std::vector<std::uint8_t> read_binary_file(const std::string& path);

// The file's bytes, gunzipped when they start with the gzip magic (1f 8b).
std::vector<std::uint8_t> read_maybe_gzip(const std::string& path);

// Writes bytes atomically enough for our use (temp file, then rename).
void write_binary_file(const std::string& path, const std::vector<std::uint8_t>& bytes);

}  // namespace reglab::io
