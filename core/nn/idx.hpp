#pragma once
// IDX files (the MNIST / Fashion-MNIST format), parsed from bytes the caller
// has read (and gunzipped). Big-endian header: 0x00 0x00, type 0x08 (ubyte),
// the number of dimensions, then one uint32 per dimension, then the data.
// Images: magic 0x00000803, dims (count, rows, cols). Labels: 0x00000801, (count).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace reglab::nn {

struct ImageSet {
  int count = 0, rows = 0, cols = 0;
  std::vector<std::uint8_t> pixels;  // (count, rows * cols), row-major, as stored
};

// A labelled set of images: the trainer's input. Pixels stay uint8; they are
// scaled to float per batch (batch.hpp).
struct Dataset {
  int count = 0;
  int features = 0;                  // rows * cols
  int rows = 0, cols = 0;            // image shape, for pictures of weights
  int classes = 10;
  std::vector<std::uint8_t> pixels;  // (count, features)
  std::vector<std::uint8_t> labels;  // (count), each in [0, classes)
};

// Each throws reglab::InputError with what is wrong: bad magic, not ubyte,
// wrong number of dimensions, a zero or absurd size, truncated data, trailing
// bytes, or (labels) a label outside [0, classes).
ImageSet parse_idx_images(const std::uint8_t* bytes, std::size_t size);
// The same, taking the file's buffer over (the pixels stay where they are);
// on an error the buffer is left as it was.
ImageSet parse_idx_images(std::vector<std::uint8_t>&& file);
std::vector<std::uint8_t> parse_idx_labels(const std::uint8_t* bytes, std::size_t size,
                                           int classes = 10);

// Pairs images with labels; throws InputError when the counts differ.
Dataset make_dataset(ImageSet images, std::vector<std::uint8_t> labels, int classes = 10);

}  // namespace reglab::nn
