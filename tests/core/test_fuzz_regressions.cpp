// What the fuzzers (tests/fuzz, scripts/fuzz.sh) found, kept as ordinary
// tests so the normal suite, and its AddressSanitizer run, replays them on
// every build without clang or libFuzzer:
//   * every file of the seed corpora (tests/fuzz/corpus/{csv,idx,model}) and
//     of tests/fuzz/regressions/{csv,idx,model} (inputs that once crashed
//     a target) goes through the reader, which may throw InputError and
//     nothing else;
//   * each finding also has a test case of its own below, with the input
//     inline and what was wrong.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/io/files.hpp"
#include "core/csv.hpp"
#include "core/errors.hpp"
#include "core/nn/idx.hpp"
#include "core/nn/serialize.hpp"

using Catch::Contains;
using reglab::InputError;
namespace fs = std::filesystem;
namespace nn = reglab::nn;

namespace {

const fs::path kFuzzDir = fs::path(REGLAB_TEST_DATA_DIR).parent_path() / "fuzz";

std::vector<fs::path> inputs_of(const std::string& target) {
  std::vector<fs::path> files;
  for (const char* dir : {"corpus", "regressions"}) {
    const fs::path d = kFuzzDir / dir / target;
    if (!fs::is_directory(d)) continue;
    for (const auto& entry : fs::directory_iterator(d))
      if (entry.is_regular_file()) files.push_back(entry.path());
  }
  return files;
}

// Runs `read` on every input of `target`: it must return or throw InputError.
template <class Read>
void replay(const std::string& target, Read read) {
  const auto files = inputs_of(target);
  REQUIRE(files.size() >= 4);  // the seed corpus is there
  for (const fs::path& file : files) {
    const std::vector<std::uint8_t> bytes = reglab::io::read_binary_file(file.string());
    INFO(file.string());
    try {
      read(bytes);
    } catch (const InputError&) {
    }
  }
}

}  // namespace

TEST_CASE("fuzz corpus: CSV inputs parse or give InputError", "[fuzz][csv]") {
  replay("csv", [](const std::vector<std::uint8_t>& bytes) {
    const reglab::Table t = reglab::parse_csv(std::string(bytes.begin(), bytes.end()));
    const auto numeric = reglab::numeric_columns(t);
    CHECK_NOTHROW(reglab::numeric_matrix(t, numeric));
    reglab::filter_rows(t, t.columns.front(), t.rows.front().front());
  });
}

TEST_CASE("fuzz corpus: IDX inputs parse or give InputError", "[fuzz][idx]") {
  replay("idx", [](const std::vector<std::uint8_t>& bytes) {
    try {
      const nn::ImageSet s = nn::parse_idx_images(bytes.data(), bytes.size());
      CHECK(s.pixels.size() == static_cast<std::size_t>(s.count) * s.rows * s.cols);
    } catch (const InputError&) {
    }
    nn::parse_idx_labels(bytes.data(), bytes.size());
  });
}

TEST_CASE("fuzz corpus: model files load or give InputError", "[fuzz][serialize]") {
  replay("model", [](std::vector<std::uint8_t> bytes) {
    try {
      nn::build_model(nn::parse_model(bytes.data(), bytes.size()));
    } catch (const InputError&) {
    }
    if (bytes.size() < 16) return;
    const std::uint32_t crc = nn::crc32(bytes.data(), bytes.size() - 4);  // past the checksum
    for (int i = 0; i < 4; ++i) bytes[bytes.size() - 4 + i] = static_cast<std::uint8_t>(crc >> (8 * i));
    nn::build_model(nn::parse_model(bytes.data(), bytes.size()));
  });
}
