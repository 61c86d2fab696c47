#include "core/nn/model.hpp"

#include <new>
#include <string>
#include <type_traits>

namespace reglab::nn {


template <class T>
Model<T>::Model(const ModelSpec& spec) : spec_(spec) {
  validate(spec_);
  const KernelRegularizer reg{spec_.l1, spec_.l2};
  int in = spec_.inputs;
  for (std::size_t i = 0; i < spec_.hidden.size(); ++i) {
    const int h = spec_.hidden[i];
    const std::string id = std::to_string(i);
    auto& dense = std::get<Dense<T, Relu>>(layers_.emplace_back(std::in_place_type<Dense<T, Relu>>, in, h, reg));
    dense.declare(param_layout_, "dense_" + id);
    dense.input_grad_needed = i > 0;  // nobody needs d loss / d pixels
    if (spec_.batchnorm) {
      auto& bn = std::get<BatchNorm<T>>(layers_.emplace_back(std::in_place_type<BatchNorm<T>>, h));
      bn.declare(param_layout_, state_layout_, "batch_normalization_" + id);
    }
    if (spec_.dropout > 0) layers_.emplace_back(std::in_place_type<Dropout<T>>, h, spec_.dropout);
    in = h;
  }
  auto& head = std::get<Dense<T, Linear>>(
      layers_.emplace_back(std::in_place_type<Dense<T, Linear>>, in, spec_.classes, reg));
  head.declare(param_layout_, "dense_" + std::to_string(spec_.hidden.size()));

  values_.assign(param_layout_.size, T(0));
  grads_.assign(param_layout_.size, T(0));
  state_.assign(state_layout_.size, T(0));
  for (auto& layer : layers_) {
    std::visit(
        [&](auto& l) {
          using L = std::decay_t<decltype(l)>;
          if constexpr (std::is_same_v<L, BatchNorm<T>>)
            l.bind(values_.data(), grads_.data(), state_.data());
          else if constexpr (!std::is_same_v<L, Dropout<T>>)
            l.bind(values_.data(), grads_.data());
        },
        layer);
  }
}

template <class T>
void Model<T>::init(Rng& rng) {
  for (auto& layer : layers_)
    std::visit(
        [&](auto& l) {
          if constexpr (!std::is_same_v<std::decay_t<decltype(l)>, Dropout<T>>) l.init(rng);
        },
        layer);
}

template <class T>
void Model<T>::reserve(int max_batch) {
  if (max_batch <= max_batch_) return;  // grow only
  for (auto& layer : layers_) std::visit([&](auto& l) { l.reserve(max_batch); }, layer);
  max_batch_ = max_batch;
}

template <class T>
ConstView<T> Model<T>::forward_train(ConstView<T> x, Rng& rng) {
  ConstView<T> h = x;
  for (auto& layer : layers_)
    new (&h) ConstView<T>(std::visit([&](auto& l) { return l.forward_train(h, rng); }, layer));
  return h;
}

template <class T>
ConstView<T> Model<T>::forward_infer(ConstView<T> x) {
  ConstView<T> h = x;
  for (auto& layer : layers_)
    new (&h) ConstView<T>(std::visit([&](auto& l) { return l.forward_infer(h); }, layer));
  return h;
}

template <class T>
ConstView<T> Model<T>::layer_output(std::size_t i, Eigen::Index n) const {
  return std::visit([&](const auto& l) { return l.output(static_cast<int>(n)); }, layers_[i]);
}

template <class T>
void Model<T>::backward(ConstView<T> x, ConstView<T> d_logits) {
  const Eigen::Index n = x.rows();
  ConstView<T> d = d_logits;
  for (std::size_t i = layers_.size(); i-- > 0;) {
    const ConstView<T> in = i == 0 ? x : layer_output(i - 1, n);
    std::visit(
        [&](auto& l) {
          using L = std::decay_t<decltype(l)>;
          if constexpr (std::is_same_v<L, Dense<T, Relu>> || std::is_same_v<L, Dense<T, Linear>>) {
            const ConstView<T> dz = l.activation_grad(d);
            l.accumulate_param_grads(in, dz);
            if (l.input_grad_needed) new (&d) ConstView<T>(l.input_grad(dz));
          } else {
            new (&d) ConstView<T>(l.backward(in, d));
          }
        },
        layers_[i]);
  }
}

template <class T>
void Model<T>::update_moving_stats() {
  for (auto& layer : layers_)
    if (auto* bn = std::get_if<BatchNorm<T>>(&layer)) bn->update_moving_stats();
}

template <class T>
void Model<T>::zero_grad() {
  std::fill(grads_.begin(), grads_.end(), T(0));
}

template <class T>
double Model<T>::penalty() const {
  double sum = 0;
  for (const auto& layer : layers_) {
    if (const auto* d = std::get_if<Dense<T, Relu>>(&layer)) sum += d->penalty();
    if (const auto* d = std::get_if<Dense<T, Linear>>(&layer)) sum += d->penalty();
  }
  return sum;
}

template <class T>
ConstView<T> Model<T>::first_kernel() const {
  const auto& first = std::get<Dense<T, Relu>>(layers_.front());
  return ConstView<T>(first.W, first.in, first.out);
}

template class Model<float>;
template class Model<double>;

}  // namespace reglab::nn
