#pragma once
// Fashion-MNIST for the native front ends: reads the four IDX files (gzip or
// not) from a directory and hands the bytes to the core's parser.
#include <memory>
#include <string>

#include "core/nn/idx.hpp"

namespace reglab::cli {

// Debian's dataset-fashion-mnist package installs the files here.
inline const char* kDefaultFashionDir = "/usr/share/datasets/fashion-mnist";

// "train" (train-images-idx3-ubyte[.gz] + labels) or "t10k" (the test set).
// Throws InputError naming the missing or bad file.
nn::Dataset load_fashion_split(const std::string& dir, const std::string& prefix);

}  // namespace reglab::cli
