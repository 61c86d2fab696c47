#include "cli/io/files.hpp"

#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "core/errors.hpp"

namespace reglab::io {

namespace {
template <class Bytes>
Bytes read_all(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw InputError("'" + path + "' is a folder, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("cannot open file '" + path + "'");
  Bytes bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw InputError("cannot read file '" + path + "'");
  return bytes;
}
}  // namespace

std::string read_text_file(const std::string& path) { return read_all<std::string>(path); }

std::vector<std::uint8_t> read_binary_file(const std::string& path) {
  return read_all<std::vector<std::uint8_t>>(path);
}

std::vector<std::uint8_t> read_maybe_gzip(const std::string& path, std::size_t max_unpacked) {
  std::vector<std::uint8_t> raw = read_binary_file(path);
  if (raw.size() < 2 || raw[0] != 0x1f || raw[1] != 0x8b) return raw;

  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) throw InputError("zlib: cannot start inflate");
  zs.next_in = raw.data();
  zs.avail_in = static_cast<uInt>(raw.size());
  std::vector<std::uint8_t> out;
  std::uint8_t chunk[1 << 16];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    zs.next_out = chunk;
    zs.avail_out = sizeof chunk;
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&zs);
      throw InputError("'" + path + "' is not a valid gzip file (truncated or damaged)");
    }
    const std::size_t produced = sizeof chunk - zs.avail_out;
    if (out.size() + produced > max_unpacked) {
      inflateEnd(&zs);
      throw InputError("'" + path + "' unpacks to more than " + std::to_string(max_unpacked >> 20) +
                       " MiB; refusing it (no data set here is that large)");
    }
    out.insert(out.end(), chunk, chunk + produced);
  }
  inflateEnd(&zs);
  return out;
}

void write_binary_file(const std::string& path, const std::vector<std::uint8_t>& bytes) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    if (!out) throw InputError("cannot write file '" + path + "'");
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw InputError("cannot write file '" + path + "'");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) throw InputError("cannot write file '" + path + "'");
}

}  // namespace reglab::io
