#pragma once
// Dense (Keras' Dense): y = act(x W + b). Glorot-uniform kernel, zero bias,
// optional L1/L2 kernel regularizer. The three products go through gemm.hpp.
#include <cmath>
#include <string>

#include "core/nn/activation.hpp"
#include "core/nn/gemm.hpp"
#include "core/nn/params.hpp"
#include "core/nn/regularizer.hpp"
#include "core/nn/rng.hpp"
#include "core/nn/tensor.hpp"

namespace reglab::nn {

template <class T, class Activation>
struct Dense {
  int in = 0, out = 0;
  KernelRegularizer regularizer;
  bool input_grad_needed = true;  // false for a model's first layer: no dx buffer

  // Where this layer's slots sit in the model's flat buffers (declare()).
  std::size_t kernel_offset = 0, bias_offset = 0;
  // Views into the flat buffers (bind()); row-major.
  T* W = nullptr;   // (in, out)  kernel
  T* b = nullptr;   // (out)      bias
  T* dW = nullptr;  // (in, out)  accumulated gradient
  T* db = nullptr;  // (out)

  // named caches, sized by reserve(max_batch)
  Matrix<T> y;   // (max_batch, out) output, after the activation
  Matrix<T> dz;  // (max_batch, out) gradient w.r.t. the pre-activation (ReLU only)
  Matrix<T> dx;  // (max_batch, in)  gradient w.r.t. the input

  Dense(int in_, int out_, KernelRegularizer reg = {}) : in(in_), out(out_), regularizer(reg) {}

  void declare(ParamLayout& layout, const std::string& name) {
    kernel_offset = layout.add(name + "/kernel", in, out);
    bias_offset = layout.add(name + "/bias", 1, out);
  }
  void bind(T* values, T* grads) {
    W = values + kernel_offset;
    b = values + bias_offset;
    dW = grads + kernel_offset;
    db = grads + bias_offset;
  }
  void reserve(int max_batch) {
    y.resize(max_batch, out);
    if (Activation::needs_grad_mask) dz.resize(max_batch, out);
    if (input_grad_needed) dx.resize(max_batch, in);
  }

  // Keras' glorot_uniform: U(-limit, limit), limit = sqrt(6 / (in + out)).
  void init(Rng& rng) {
    const double limit = std::sqrt(6.0 / (in + out));
    for (long i = 0; i < static_cast<long>(in) * out; ++i)
      W[i] = static_cast<T>(limit * (2 * rng.uniform_double() - 1));
    for (int j = 0; j < out; ++j) b[j] = T(0);
  }

  View<T> kernel() { return View<T>(W, in, out); }  // (in, out)
  ConstView<T> kernel() const { return ConstView<T>(W, in, out); }
  VectorView<T> bias() { return VectorView<T>(b, out); }  // (out)
  std::size_t kernel_size() const { return static_cast<std::size_t>(in) * out; }

  double penalty() const { return regularizer.penalty(W, kernel_size()); }

  ConstView<T> forward(ConstView<T> x) {  // x (n, in) -> y (n, out)
    const int n = static_cast<int>(x.rows());
    gemm_nn(n, out, in, x.data(), in, W, out, y.data(), out, Activation::epilogue, b);
    return top_rows(y, n);
  }
  ConstView<T> forward_train(ConstView<T> x, Rng&) { return forward(x); }
  ConstView<T> forward_infer(ConstView<T> x) { return forward(x); }
  ConstView<T> output(int n) const { return top_rows(y, n); }

  // Backward in three steps, so the model can skip the input gradient of the
  // first layer (nobody needs d loss / d pixels).
  // 1. dy (n, out) -> dz (n, out): through the activation.
  ConstView<T> activation_grad(ConstView<T> dy) {
    if constexpr (Activation::needs_grad_mask) {
      const auto n = dy.rows();
      Activation::template backward<T>(top_rows(y, n), dy, top_rows_mut(dz, n));
      return top_rows(dz, n);
    } else {
      return dy;
    }
  }
  // 2. dW += x^T dz + d(penalty)/dW; db += column sums of dz.
  void accumulate_param_grads(ConstView<T> x, ConstView<T> dz_) {
    const int n = static_cast<int>(x.rows());
    gemm_tn(in, out, n, x.data(), in, dz_.data(), out, dW, out);
    VectorView<T>(db, out) += dz_.colwise().sum();
    regularizer.add_gradient(W, dW, kernel_size());
  }
  // 3. dx = dz W^T, (n, in).
  ConstView<T> input_grad(ConstView<T> dz_) {
    const int n = static_cast<int>(dz_.rows());
    gemm_nt(n, in, out, dz_.data(), out, W, out, dx.data(), in);
    return top_rows(dx, n);
  }

  // All three: accumulates parameter gradients and returns dx (n, in).
  ConstView<T> backward(ConstView<T> x, ConstView<T> dy) {
    const ConstView<T> d = activation_grad(dy);
    accumulate_param_grads(x, d);
    return input_grad(d);
  }
};

}  // namespace reglab::nn
