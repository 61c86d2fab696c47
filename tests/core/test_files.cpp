// cli/io's file reading: gzip is unpacked, damaged gzip and "gzip bombs" are
// refused with the file's name, never filling memory.
#include <catch2/catch.hpp>

#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/io/files.hpp"
#include "core/errors.hpp"

using Catch::Contains;

namespace {

// Writes `zeros` zero bytes as a gzip file; returns its path.
std::string gzip_of_zeros(const std::string& name, std::size_t zeros) {
  const std::string path = (std::filesystem::temp_directory_path() / name).string();
  gzFile gz = gzopen(path.c_str(), "wb9");
  REQUIRE(gz != nullptr);
  const std::vector<char> block(1 << 16, 0);
  for (std::size_t left = zeros; left > 0;) {
    const auto n = static_cast<unsigned>(std::min(left, block.size()));
    REQUIRE(gzwrite(gz, block.data(), n) == static_cast<int>(n));
    left -= n;
  }
  REQUIRE(gzclose(gz) == Z_OK);
  return path;
}

}  // namespace

TEST_CASE("files: gzip unpacks up to the cap, and no further", "[bad_input][io]") {
  const std::size_t cap = std::size_t{4} << 20;  // 4 MiB
  const std::string fits = gzip_of_zeros("reglab_test_fits.gz", cap);
  const std::string bomb = gzip_of_zeros("reglab_test_bomb.gz", cap + 1);
  // 4 MiB of zeros packs to a few KB: the ratio of a small "bomb".
  CHECK(std::filesystem::file_size(bomb) < 20000);

  CHECK(reglab::io::read_maybe_gzip(fits, cap).size() == cap);
  CHECK_THROWS_WITH(reglab::io::read_maybe_gzip(bomb, cap),
                    Contains("reglab_test_bomb.gz' unpacks to more than 4 MiB; refusing it"));
  std::remove(fits.c_str());
  std::remove(bomb.c_str());
}
