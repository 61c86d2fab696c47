#pragma once
// The flat parameter registry. Every trainable tensor of a model is a slot
// (name, offset, shape) in ONE contiguous buffer of values and a parallel
// buffer of gradients with the same layout; layers hold views into them. The
// optimizer is one loop over the two buffers and knows nothing about layers,
// and the weights cross to JavaScript as one Float32Array.
//
// Non-trainable state (BatchNormalization's moving mean and variance) lives in
// a second buffer with its own layout: saved and restored with the weights,
// never touched by the optimizer.
#include <cstddef>
#include <string>
#include <vector>

namespace reglab::nn {

struct ParamSlot {
  std::string name;    // e.g. "dense_0/kernel"
  std::size_t offset;  // into the buffer, in elements
  int rows, cols;      // row-major shape; a vector is (1, n)
};

struct ParamLayout {
  std::vector<ParamSlot> slots;
  std::size_t size = 0;  // total elements

  // Appends a slot and returns its offset.
  std::size_t add(std::string name, int rows, int cols) {
    const std::size_t offset = size;
    slots.push_back({std::move(name), offset, rows, cols});
    size += static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols);
    return offset;
  }
};

}  // namespace reglab::nn
