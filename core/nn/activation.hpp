#pragma once
// Activations, as types. Dense<T, Relu> fuses bias + ReLU into its forward
// product (gemm.hpp's epilogue); ReluLayer is the same function as a layer of
// its own (used by tests and by anyone composing layers by hand).
#include "core/nn/gemm.hpp"
#include "core/nn/tensor.hpp"

namespace reglab::nn {

struct Linear {
  static constexpr Epilogue epilogue = Epilogue::Bias;
  static constexpr bool needs_grad_mask = false;
};

struct Relu {
  static constexpr Epilogue epilogue = Epilogue::BiasRelu;
  static constexpr bool needs_grad_mask = true;

  // dx = dy where the output was positive, else 0. y (n, f), dy (n, f), dx (n, f)
  template <class T>
  static void backward(ConstView<T> y, ConstView<T> dy, View<T> dx) {
    dx = (y.array() > T(0)).select(dy, T(0));
  }
};

template <class T>
struct ReluLayer {
  int features = 0;
  // named caches, (max_batch, features)
  Matrix<T> y;   // output max(0, x); backward masks with y > 0
  Matrix<T> dx;  // gradient w.r.t. the input

  explicit ReluLayer(int features_) : features(features_) {}

  void reserve(int max_batch) {
    y.resize(max_batch, features);
    dx.resize(max_batch, features);
  }

  ConstView<T> forward(ConstView<T> x) {  // x (n, features)
    auto out = top_rows_mut(y, x.rows());
    out = x.unaryExpr([](T v) { return v < T(0) ? T(0) : v; });  // NaN stays NaN
    return as_const(out);
  }

  ConstView<T> backward(ConstView<T> dy) {  // dy (n, features)
    auto d = top_rows_mut(dx, dy.rows());
    Relu::backward<T>(top_rows(y, dy.rows()), dy, d);
    return as_const(d);
  }
};

}  // namespace reglab::nn
