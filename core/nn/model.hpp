#pragma once
// A model: the sequence of layers a ModelSpec describes, its flat parameter
// registry (params.hpp) and the moving statistics of its BatchNorm layers.
// x is (batch, inputs); the model returns logits (batch, classes), and the
// softmax + cross-entropy head (softmax_xent.hpp) sits outside it.
//
// One training step, each its own call (nothing happens behind the caller):
//   zero_grad(); logits = forward_train(x, rng); ... head.forward/backward ...
//   backward(x, d_logits); update_moving_stats(); optimizer.step(...)
#include <variant>
#include <vector>

#include "core/nn/activation.hpp"
#include "core/nn/batchnorm.hpp"
#include "core/nn/dense.hpp"
#include "core/nn/dropout.hpp"
#include "core/nn/params.hpp"
#include "core/nn/rng.hpp"
#include "core/nn/spec.hpp"
#include "core/nn/tensor.hpp"

namespace reglab::nn {

template <class T>
using Layer = std::variant<Dense<T, Relu>, Dense<T, Linear>, Dropout<T>, BatchNorm<T>>;

template <class T>
class Model {
 public:
  // Validates the spec (InputError) and lays out the buffers: weights are
  // zero until init().
  explicit Model(const ModelSpec& spec);
  // Layers hold views into the buffers: moving keeps them valid, copying would not.
  Model(Model&&) noexcept = default;
  Model& operator=(Model&&) noexcept = default;
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  const ModelSpec& spec() const { return spec_; }

  // Glorot-uniform kernels, zero biases, BN gamma 1 / beta 0, moving mean 0 / var 1.
  void init(Rng& rng);
  // Sizes every cache for batches of up to max_batch rows (grow only); the
  // training loop allocates nothing afterwards.
  void reserve(int max_batch);
  int max_batch() const { return max_batch_; }

  ConstView<T> forward_train(ConstView<T> x, Rng& rng);  // x (n, inputs) -> logits (n, classes)
  ConstView<T> forward_infer(ConstView<T> x);             // dropout off, BN moving stats
  // grads += d loss / d params, for the last forward_train on the same x.
  void backward(ConstView<T> x, ConstView<T> d_logits);
  void update_moving_stats();  // BN: fold the last training batch into the moving stats
  void zero_grad();
  double penalty() const;  // sum of the kernel regularizer terms

  // The registry: trainable values and grads share param_layout(); the BN
  // moving stats live in state() with state_layout().
  const ParamLayout& param_layout() const { return param_layout_; }
  const ParamLayout& state_layout() const { return state_layout_; }
  std::vector<T>& values() { return values_; }
  const std::vector<T>& values() const { return values_; }
  std::vector<T>& grads() { return grads_; }
  const std::vector<T>& grads() const { return grads_; }
  std::vector<T>& state() { return state_; }
  const std::vector<T>& state() const { return state_; }

  std::vector<Layer<T>>& layers() { return layers_; }
  const std::vector<Layer<T>>& layers() const { return layers_; }
  // The first Dense layer's kernel, (inputs, hidden[0]).
  ConstView<T> first_kernel() const;

 private:
  ConstView<T> layer_output(std::size_t i, Eigen::Index n) const;

  ModelSpec spec_;
  std::vector<Layer<T>> layers_;
  ParamLayout param_layout_, state_layout_;
  std::vector<T> values_, grads_, state_;
  int max_batch_ = 0;
};

extern template class Model<float>;
extern template class Model<double>;

}  // namespace reglab::nn
