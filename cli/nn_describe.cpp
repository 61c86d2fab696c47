#include "cli/nn_describe.hpp"

#include <cmath>
#include <cstdio>

#include "core/nn/format.hpp"

namespace reglab::cli {

std::string describe_model(const nn::ModelSpec& s) {
  std::string d = std::to_string(s.inputs);
  for (int h : s.hidden) d += "-" + std::to_string(h);
  d += "-" + std::to_string(s.classes);
  if (s.batchnorm) d += ", batchnorm";
  if (s.dropout > 0) d += ", dropout " + nn::format_number(s.dropout);
  if (s.l1 > 0) d += ", l1 " + nn::format_number(s.l1);
  if (s.l2 > 0) d += ", l2 " + nn::format_number(s.l2);
  return d;
}

std::string describe_optimizer(const nn::OptimizerConfig& optimizer) {
  if (const auto* a = std::get_if<nn::AdamConfig>(&optimizer))
    return "adam lr " + nn::format_number(a->learning_rate);
  const auto& s = std::get<nn::SgdConfig>(optimizer);
  return "sgd lr " + nn::format_number(s.learning_rate) + " momentum " + nn::format_number(s.momentum);
}

std::string format_metric(double value) {
  if (!std::isfinite(value)) return std::isnan(value) ? "nan" : (value > 0 ? "inf" : "-inf");
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", value);
  return buf;
}

}  // namespace reglab::cli
