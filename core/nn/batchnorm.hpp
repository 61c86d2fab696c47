#pragma once
// BatchNormalization with Keras semantics (2-D input, non-fused path):
//   training:  y = gamma * (x - mean_B) / sqrt(var_B + eps) + beta, with the
//              batch mean and BIASED batch variance (tf.nn.moments);
//   inference: the same with the moving mean and variance.
// The moving statistics start at mean 0 / variance 1 and are updated in their
// own step after a training forward (update_moving_stats), as Keras does
// with momentum m:  moving = moving * m + batch * (1 - m).
#include <cmath>
#include <string>

#include "core/nn/params.hpp"
#include "core/nn/rng.hpp"
#include "core/nn/tensor.hpp"

namespace reglab::nn {

struct BatchNormConfig {
  double momentum = 0.99;
  double epsilon = 1e-3;
};

template <class T>
struct BatchNorm {
  int features = 0;
  BatchNormConfig config;

  std::size_t gamma_offset = 0, beta_offset = 0;              // trainable buffer
  std::size_t moving_mean_offset = 0, moving_var_offset = 0;  // state buffer
  T* gamma = nullptr;        // (features), starts at 1
  T* beta = nullptr;         // (features), starts at 0
  T* dgamma = nullptr;       // (features)
  T* dbeta = nullptr;        // (features)
  T* moving_mean = nullptr;  // (features), starts at 0
  T* moving_var = nullptr;   // (features), starts at 1

  // named caches of the last training forward
  RowVector<T> batch_mean;  // (features)
  RowVector<T> batch_var;   // (features) biased
  RowVector<T> inv_std;     // (features) 1 / sqrt(batch_var + eps)
  Matrix<T> xhat;           // (max_batch, features) normalized input
  Matrix<T> y;              // (max_batch, features) output
  Matrix<T> dx;             // (max_batch, features) gradient w.r.t. the input
  RowVector<T> infer_scale, infer_shift;  // (features) inference: y = x * scale + shift
  RowVector<T> dy_mean, dy_xhat_mean, grad_scale;  // (features) backward scratch

  BatchNorm(int features_, BatchNormConfig config_ = {}) : features(features_), config(config_) {}

  void declare(ParamLayout& params, ParamLayout& state, const std::string& name) {
    gamma_offset = params.add(name + "/gamma", 1, features);
    beta_offset = params.add(name + "/beta", 1, features);
    moving_mean_offset = state.add(name + "/moving_mean", 1, features);
    moving_var_offset = state.add(name + "/moving_variance", 1, features);
  }
  void bind(T* values, T* grads, T* state) {
    gamma = values + gamma_offset;
    beta = values + beta_offset;
    dgamma = grads + gamma_offset;
    dbeta = grads + beta_offset;
    moving_mean = state + moving_mean_offset;
    moving_var = state + moving_var_offset;
  }
  void reserve(int max_batch) {
    batch_mean.resize(features);
    batch_var.resize(features);
    inv_std.resize(features);
    infer_scale.resize(features);
    infer_shift.resize(features);
    dy_mean.resize(features);
    dy_xhat_mean.resize(features);
    grad_scale.resize(features);
    xhat.resize(max_batch, features);
    y.resize(max_batch, features);
    dx.resize(max_batch, features);
  }
  void init(Rng&) {
    for (int j = 0; j < features; ++j) {
      gamma[j] = T(1);
      beta[j] = T(0);
      moving_mean[j] = T(0);
      moving_var[j] = T(1);
    }
  }

  VectorView<T> gamma_view() { return VectorView<T>(gamma, features); }
  VectorView<T> beta_view() { return VectorView<T>(beta, features); }
  VectorView<T> moving_mean_view() { return VectorView<T>(moving_mean, features); }
  VectorView<T> moving_var_view() { return VectorView<T>(moving_var, features); }

  ConstView<T> forward_train(ConstView<T> x, Rng&) {  // x (n, features)
    const auto n = x.rows();
    batch_mean = x.colwise().mean();
    auto xc = top_rows_mut(xhat, n);
    xc = x.rowwise() - batch_mean;
    batch_var = xc.array().square().colwise().mean();
    inv_std = (batch_var.array() + static_cast<T>(config.epsilon)).rsqrt();
    xc.array().rowwise() *= inv_std.array();
    auto out = top_rows_mut(y, n);
    out = (xc.array().rowwise() * gamma_view().array()).rowwise() + beta_view().array();
    return as_const(out);
  }

  ConstView<T> forward_infer(ConstView<T> x) {
    const auto n = x.rows();
    infer_scale = (moving_var_view().array() + static_cast<T>(config.epsilon)).rsqrt() *
                  gamma_view().array();
    infer_shift = beta_view().array() - moving_mean_view().array() * infer_scale.array();
    auto out = top_rows_mut(y, n);
    out = (x.array().rowwise() * infer_scale.array()).rowwise() + infer_shift.array();
    return as_const(out);
  }
  ConstView<T> output(int n) const { return top_rows(y, n); }

  // After a training forward: moving = moving * m + batch * (1 - m).
  void update_moving_stats() {
    const T m = static_cast<T>(config.momentum), one_minus = static_cast<T>(1 - config.momentum);
    moving_mean_view() = moving_mean_view() * m + batch_mean * one_minus;
    moving_var_view() = moving_var_view() * m + batch_var * one_minus;
  }

  // dgamma += sum dy * xhat; dbeta += sum dy; with dxhat = dy * gamma,
  // dx = inv_std / n * (n dxhat - sum dxhat - xhat sum(dxhat xhat))
  //    = gamma * inv_std * (dy - mean(dy) - xhat * mean(dy xhat)).
  ConstView<T> backward(ConstView<T> /*x*/, ConstView<T> dy) {  // dy (n, features)
    const auto n = dy.rows();
    const auto xh = top_rows(xhat, n);
    // column sums first (they are the gamma / beta gradients), then means,
    // scaled in place: broadcasting an expression would allocate a temporary
    dy_mean = dy.colwise().sum();
    dy_xhat_mean = dy.cwiseProduct(xh).colwise().sum();
    VectorView<T>(dgamma, features) += dy_xhat_mean;
    VectorView<T>(dbeta, features) += dy_mean;
    const T inv_n = T(1) / static_cast<T>(n);
    dy_mean *= inv_n;
    dy_xhat_mean *= inv_n;
    grad_scale = gamma_view().cwiseProduct(inv_std);
    auto d = top_rows_mut(dx, n);
    d = ((dy.rowwise() - dy_mean).array() - xh.array().rowwise() * dy_xhat_mean.array())
            .rowwise() *
        grad_scale.array();
    return as_const(d);
  }
};

}  // namespace reglab::nn
