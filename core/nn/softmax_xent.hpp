#pragma once
// Softmax fused with sparse categorical cross-entropy, from the logits.
//
// What Keras does: Dense(10, activation='softmax') + 'sparse_categorical_
// crossentropy' with from_logits=False. Keras' backend does NOT clip here:
// the softmax output carries its logits (`_keras_logits`, or in older 2.x the
// graph's Softmax op input), so the loss is tf.nn.sparse_softmax_cross_
// entropy_with_logits on the logits. The clip to [1e-7, 1 - 1e-7] only runs
// for probabilities that did not come out of a softmax. So we compute
//   loss_i = logsumexp(z_i) - z_i[label_i]   (no clipping)
// and the gradient of the batch mean, (softmax(z) - onehot) / n. Accuracy is
// Keras' sparse_categorical_accuracy: argmax (first on ties) == label.
#include <cmath>
#include <cstdint>

#include "core/nn/tensor.hpp"

namespace reglab::nn {

struct LossSum {
  double loss_sum = 0;  // sum over the batch of -log p(label)
  long correct = 0;     // argmax == label
};

template <class T>
struct SoftmaxCrossEntropy {
  int classes = 0;
  // named caches, (max_batch, classes)
  Matrix<T> probs;     // softmax of the last forward
  Matrix<T> d_logits;  // gradient of the batch-mean loss w.r.t. the logits

  explicit SoftmaxCrossEntropy(int classes_) : classes(classes_) {}

  void reserve(int max_batch) {
    probs.resize(max_batch, classes);
    d_logits.resize(max_batch, classes);
  }

  // logits (n, classes); labels[n], each in [0, classes).
  LossSum forward(ConstView<T> logits, const std::uint8_t* labels) {
    LossSum r;
    const auto n = logits.rows();
    for (Eigen::Index i = 0; i < n; ++i) {
      const auto z = logits.row(i);
      Eigen::Index arg = 0;
      const T max = z.maxCoeff(&arg);
      auto p = probs.row(i);
      p = (z.array() - max).exp();
      const T sum = p.sum();
      p /= sum;
      const T log_sum_exp = max + std::log(sum);
      r.loss_sum += static_cast<double>(log_sum_exp - z(labels[i]));
      if (arg == labels[i]) ++r.correct;
    }
    return r;
  }

  // d(mean loss)/d logits = (probs - onehot) / n, for the last forward's n rows.
  ConstView<T> backward(const std::uint8_t* labels, Eigen::Index n) {
    auto d = top_rows_mut(d_logits, n);
    const T inv_n = T(1) / static_cast<T>(n);
    d = top_rows(probs, n) * inv_n;
    for (Eigen::Index i = 0; i < n; ++i) d(i, labels[i]) -= inv_n;
    return as_const(d);
  }
};

}  // namespace reglab::nn
