#include "cli/nn_data.hpp"

#include <filesystem>

#include "cli/io/files.hpp"
#include "core/errors.hpp"

namespace reglab::cli {

namespace {

// DIR/NAME.gz, else DIR/NAME; InputError with a hint when neither exists.
std::string find_file(const std::string& dir, const std::string& name) {
  for (const std::string& candidate : {dir + "/" + name + ".gz", dir + "/" + name})
    if (std::filesystem::is_regular_file(candidate)) return candidate;
  throw InputError("Fashion-MNIST file '" + name + ".gz' not found in '" + dir +
                   "' (install Debian's dataset-fashion-mnist or pass --data-dir)");
}

}  // namespace

nn::Dataset load_fashion_split(const std::string& dir, const std::string& prefix) {
  const std::string images_path = find_file(dir, prefix + "-images-idx3-ubyte");
  const std::string labels_path = find_file(dir, prefix + "-labels-idx1-ubyte");
  const auto images = io::read_maybe_gzip(images_path);
  const auto labels = io::read_maybe_gzip(labels_path);
  try {
    return nn::make_dataset(nn::parse_idx_images(images.data(), images.size()),
                            nn::parse_idx_labels(labels.data(), labels.size()));
  } catch (const InputError& e) {
    throw InputError("'" + images_path + "' / '" + labels_path + "': " + e.what());
  }
}

}  // namespace reglab::cli
