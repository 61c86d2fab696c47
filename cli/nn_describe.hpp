#pragma once
// One-line descriptions of nn settings for the CLI's human-readable output.
#include <string>

#include "core/nn/spec.hpp"
#include "core/nn/trainer.hpp"

namespace reglab::cli {

std::string describe_model(const nn::ModelSpec& spec);     // "784-128-10, batchnorm, dropout 0.5"
std::string describe_optimizer(const nn::OptimizerConfig& optimizer);  // "adam lr 0.001"
std::string format_metric(double value);                    // Keras' 4 decimals; "nan"

}  // namespace reglab::cli
