#pragma once
// What a model is, as a value: the post's models are
//   Flatten -> Dense(H, relu) -> [Dropout(r) | BatchNormalization()] -> Dense(10, softmax)
// generalized to 1-3 hidden layers. Each hidden block is
//   Dense(H_i, relu) -> [BatchNormalization] -> [Dropout(rate)]
// (BN after the ReLU, as in the post). The L1/L2 kernel regularizer applies to
// every Dense kernel, the output layer's included; biases are never penalized.
#include <vector>

namespace reglab::nn {

struct ModelSpec {
  int inputs = 784;                // features per sample (28 x 28 pixels)
  std::vector<int> hidden = {128};  // 1-3 hidden Dense layers, each 1..4096 units
  int classes = 10;                // 2..256
  double dropout = 0;              // rate in [0, 1) after each hidden layer; 0 = none
  bool batchnorm = false;          // BatchNormalization after each hidden ReLU
  double l1 = 0, l2 = 0;           // kernel regularizer factors, >= 0
};

constexpr int kMaxHiddenLayers = 3;
constexpr int kMaxHiddenUnits = 4096;

// Throws reglab::InputError naming the first bad field.
void validate(const ModelSpec& spec);

// Trainable parameter count (kernels, biases, BN gamma/beta), moving stats excluded.
long trainable_parameter_count(const ModelSpec& spec);
// Non-trainable values: BN moving mean and variance per hidden unit.
long moving_stat_count(const ModelSpec& spec);

bool operator==(const ModelSpec& a, const ModelSpec& b);
inline bool operator!=(const ModelSpec& a, const ModelSpec& b) { return !(a == b); }

}  // namespace reglab::nn
