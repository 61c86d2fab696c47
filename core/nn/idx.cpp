#include "core/nn/idx.hpp"

#include <string>

#include "core/errors.hpp"

namespace reglab::nn {

namespace {

// Sizes above this are refused before anything is allocated (2 GiB is far
// beyond any MNIST-like file, and beyond wasm32's heap).
constexpr std::uint64_t kMaxDataBytes = std::uint64_t(1) << 31;

std::uint32_t read_be32(const std::uint8_t* p) {
  return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) |
         std::uint32_t(p[3]);
}

struct Header {
  std::vector<std::uint32_t> dims;
  std::size_t data_offset = 0;
  std::uint64_t data_bytes = 0;
};

std::string hex32(std::uint32_t v) {
  const char digits[] = "0123456789abcdef";
  std::string s = "0x";
  for (int shift = 28; shift >= 0; shift -= 4) s += digits[(v >> shift) & 0xf];
  return s;
}

Header read_header(const char* what, const std::uint8_t* bytes, std::size_t size,
                   std::uint32_t expected_magic, std::size_t ndims) {
  const std::string w = what;
  if (size < 4) throw InputError(w + ": not an IDX file (only " + std::to_string(size) + " bytes)");
  const std::uint32_t magic = read_be32(bytes);
  if (magic != expected_magic) {
    std::string hint;
    if ((magic >> 16) != 0) hint = " (not an IDX file; gzip data must be unpacked first)";
    else if (((magic >> 8) & 0xff) != 0x08) hint = " (element type is not unsigned byte)";
    else hint = " (" + std::to_string(magic & 0xff) + " dimensions; expected " +
                std::to_string(ndims) + ")";
    throw InputError(w + ": wrong magic number " + hex32(magic) + ", expected " +
                     hex32(expected_magic) + hint);
  }
  Header h;
  h.data_offset = 4 + 4 * ndims;
  if (size < h.data_offset) throw InputError(w + ": truncated header");
  std::uint64_t total = 1;
  std::string shape;  // "60000 x 28 x 28", for the message
  for (std::size_t i = 0; i < ndims; ++i) {
    const std::uint32_t d = read_be32(bytes + 4 + 4 * i);
    if (d == 0) throw InputError(w + ": dimension " + std::to_string(i) + " is 0");
    h.dims.push_back(d);
    shape += (i ? " x " : "") + std::to_string(d);
  }
  for (const std::uint32_t d : h.dims) {
    total *= d;  // at most 2^31 * 2^32 before the check: no overflow
    if (total > kMaxDataBytes)
      throw InputError(w + ": header claims " + shape +
                       " bytes, more than 2 GiB; the file is damaged or not an image set");
  }
  h.data_bytes = total;
  const std::uint64_t available = size - h.data_offset;
  if (available < total)
    throw InputError(w + ": truncated: the header promises " + std::to_string(total) +
                     " bytes of data but only " + std::to_string(available) + " follow");
  if (available > total)
    throw InputError(w + ": " + std::to_string(available - total) +
                     " unexpected bytes after the data");
  return h;
}

}  // namespace

namespace {

// The shape of an image set, its header checked; pixels not yet filled.
ImageSet image_shape(const Header& h) {
  if (h.dims[0] > 0x7fffffffu || h.dims[1] > 4096 || h.dims[2] > 4096)
    throw InputError("IDX images: absurd dimensions (images larger than 4096 x 4096)");
  ImageSet set;
  set.count = static_cast<int>(h.dims[0]);
  set.rows = static_cast<int>(h.dims[1]);
  set.cols = static_cast<int>(h.dims[2]);
  return set;
}

}  // namespace

ImageSet parse_idx_images(const std::uint8_t* bytes, std::size_t size) {
  const Header h = read_header("IDX images", bytes, size, 0x00000803u, 3);
  ImageSet set = image_shape(h);
  set.pixels.assign(bytes + h.data_offset, bytes + h.data_offset + h.data_bytes);
  return set;
}

ImageSet parse_idx_images(std::vector<std::uint8_t>&& file) {
  const Header h = read_header("IDX images", file.data(), file.size(), 0x00000803u, 3);
  ImageSet set = image_shape(h);
  // Drop the header in place: no second buffer as large as the file (for
  // Fashion-MNIST 47 MB that wasm would have to grow into and fault in).
  file.erase(file.begin(), file.begin() + static_cast<std::ptrdiff_t>(h.data_offset));
  set.pixels = std::move(file);
  return set;
}

std::vector<std::uint8_t> parse_idx_labels(const std::uint8_t* bytes, std::size_t size,
                                           int classes) {
  const Header h = read_header("IDX labels", bytes, size, 0x00000801u, 1);
  std::vector<std::uint8_t> labels(bytes + h.data_offset, bytes + h.data_offset + h.data_bytes);
  for (std::size_t i = 0; i < labels.size(); ++i)
    if (labels[i] >= classes)
      throw InputError("IDX labels: label " + std::to_string(labels[i]) + " at index " +
                       std::to_string(i) + " is outside 0.." + std::to_string(classes - 1));
  return labels;
}

Dataset make_dataset(ImageSet images, std::vector<std::uint8_t> labels, int classes) {
  if (static_cast<std::size_t>(images.count) != labels.size())
    throw InputError("dataset: " + std::to_string(images.count) + " images but " +
                     std::to_string(labels.size()) + " labels");
  for (std::size_t i = 0; i < labels.size(); ++i)
    if (labels[i] >= classes)
      throw InputError("dataset: label " + std::to_string(labels[i]) + " at index " +
                       std::to_string(i) + " is outside 0.." + std::to_string(classes - 1));
  Dataset d;
  d.count = images.count;
  d.rows = images.rows;
  d.cols = images.cols;
  d.features = images.rows * images.cols;
  d.classes = classes;
  d.pixels = std::move(images.pixels);
  d.labels = std::move(labels);
  return d;
}

}  // namespace reglab::nn
