#pragma once
// Keras' kernel regularizers (keras.regularizers.L1L2): the loss gains
//   l1 * sum|w| + l2 * sum w^2
// over the kernel (never the bias), and the printed loss includes it. The
// gradient adds l1 * sign(w) + 2 * l2 * w (sign(0) = 0, as tf.sign).
#include <cmath>
#include <cstddef>

namespace reglab::nn {

struct KernelRegularizer {
  double l1 = 0;
  double l2 = 0;

  bool active() const { return l1 != 0 || l2 != 0; }

  template <class T>
  double penalty(const T* w, std::size_t n) const {
    if (!active()) return 0;
    double abs_sum = 0, sq_sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
      abs_sum += std::abs(static_cast<double>(w[i]));
      sq_sum += static_cast<double>(w[i]) * static_cast<double>(w[i]);
    }
    return l1 * abs_sum + l2 * sq_sum;
  }

  // dw += d(penalty)/dw
  template <class T>
  void add_gradient(const T* w, T* dw, std::size_t n) const {
    if (!active()) return;
    const T a = static_cast<T>(l1), b = static_cast<T>(2 * l2);
    for (std::size_t i = 0; i < n; ++i) {
      const T sign = w[i] > T(0) ? T(1) : (w[i] < T(0) ? T(-1) : T(0));
      dw[i] += a * sign + b * w[i];
    }
  }
};

}  // namespace reglab::nn
