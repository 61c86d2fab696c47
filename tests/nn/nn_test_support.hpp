#pragma once
// Helpers shared by the tests in tests/nn: numerical gradients (central
// differences in double precision) and the Fashion-MNIST files.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "cli/io/files.hpp"
#include "core/nn/idx.hpp"

namespace reglab::nn::test {

// d f / d p[i] by central differences, p perturbed in place and restored.
inline std::vector<double> numerical_gradient(const std::function<double()>& f, double* p,
                                              std::size_t n, double h = 1e-6) {
  std::vector<double> g(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double saved = p[i];
    p[i] = saved + h;
    const double up = f();
    p[i] = saved - h;
    const double down = f();
    p[i] = saved;
    g[i] = (up - down) / (2 * h);
  }
  return g;
}

// |a - b| <= atol + rtol * max(|a|, |b|) for every element.
inline void require_close(const std::vector<double>& numeric, const double* analytic,
                          const std::string& what, double atol = 1e-7, double rtol = 1e-6) {
  for (std::size_t i = 0; i < numeric.size(); ++i) {
    const double a = numeric[i], b = analytic[i];
    INFO(what << "[" << i << "]: numeric " << a << " analytic " << b);
    REQUIRE(std::abs(a - b) <= atol + rtol * std::max(std::abs(a), std::abs(b)));
  }
}

inline std::string fashion_path(const std::string& name) {
  return std::string(REGLAB_FASHION_MNIST_DIR) + "/" + name;
}

inline Dataset load_fashion(const std::string& images, const std::string& labels) {
  const auto img = io::read_maybe_gzip(fashion_path(images));
  const auto lab = io::read_maybe_gzip(fashion_path(labels));
  return make_dataset(parse_idx_images(img.data(), img.size()),
                      parse_idx_labels(lab.data(), lab.size()));
}

inline std::shared_ptr<const Dataset> load_fashion_train() {
  return std::make_shared<const Dataset>(
      load_fashion("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"));
}
inline std::shared_ptr<const Dataset> load_fashion_test() {
  return std::make_shared<const Dataset>(
      load_fashion("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"));
}

}  // namespace reglab::nn::test
