#pragma once
// Inverted dropout (Keras' Dropout, tf.nn.dropout): in training a unit is kept
// when a uniform draw u >= rate and then scaled by 1 / (1 - rate), so E[y] = x;
// at inference the layer is the identity. The mask is drawn in its own step
// (draw_mask) so tests can apply a fixed mask.
#include "core/nn/rng.hpp"
#include "core/nn/tensor.hpp"

namespace reglab::nn {

template <class T>
struct Dropout {
  double rate = 0;  // in [0, 1)
  int features = 0;

  // named caches, (max_batch, features)
  Matrix<T> mask;  // 0 or 1 / (1 - rate), from the last draw_mask
  Matrix<T> y;     // output x * mask
  Matrix<T> dx;    // gradient w.r.t. the input: dy * mask

  Dropout(int features_, double rate_) : rate(rate_), features(features_) {}

  void reserve(int max_batch) {
    mask.resize(max_batch, features);
    y.resize(max_batch, features);
    dx.resize(max_batch, features);
  }

  void draw_mask(int n, Rng& rng) {
    const T scale = static_cast<T>(1.0 / (1.0 - rate));
    const float r = static_cast<float>(rate);
    T* m = mask.data();
    for (long i = 0; i < static_cast<long>(n) * features; ++i)
      m[i] = rng.uniform_float() >= r ? scale : T(0);
  }

  ConstView<T> apply_mask(ConstView<T> x) {  // x (n, features), mask drawn for >= n rows
    const auto n = x.rows();
    auto out = top_rows_mut(y, n);
    out = x.cwiseProduct(top_rows(mask, n));
    return as_const(out);
  }

  ConstView<T> forward_train(ConstView<T> x, Rng& rng) {
    draw_mask(static_cast<int>(x.rows()), rng);
    return apply_mask(x);
  }
  ConstView<T> forward_infer(ConstView<T> x) { return x; }
  ConstView<T> output(int n) const { return top_rows(y, n); }

  ConstView<T> backward(ConstView<T> /*x*/, ConstView<T> dy) {  // dy (n, features)
    const auto n = dy.rows();
    auto d = top_rows_mut(dx, n);
    d = dy.cwiseProduct(top_rows(mask, n));
    return as_const(d);
  }
};

}  // namespace reglab::nn
