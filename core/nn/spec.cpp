#include "core/nn/spec.hpp"

#include <cmath>
#include <string>

#include "core/errors.hpp"
#include "core/nn/format.hpp"

namespace reglab::nn {

void validate(const ModelSpec& s) {
  if (s.inputs < 1 || s.inputs > (1 << 20))
    throw InputError("model: inputs must be in 1..1048576, got " + std::to_string(s.inputs));
  if (s.classes < 2 || s.classes > 256)
    throw InputError("model: classes must be in 2..256, got " + std::to_string(s.classes));
  if (s.hidden.empty())
    throw InputError("model: at least one hidden layer is needed");
  if (s.hidden.size() > static_cast<std::size_t>(kMaxHiddenLayers))
    throw InputError("model: at most " + std::to_string(kMaxHiddenLayers) +
                     " hidden layers, got " + std::to_string(s.hidden.size()));
  for (std::size_t i = 0; i < s.hidden.size(); ++i)
    if (s.hidden[i] < 1 || s.hidden[i] > kMaxHiddenUnits)
      throw InputError("model: hidden layer " + std::to_string(i + 1) + " must have 1.." +
                       std::to_string(kMaxHiddenUnits) + " units, got " +
                       std::to_string(s.hidden[i]));
  if (!std::isfinite(s.dropout) || s.dropout < 0 || s.dropout >= 1)
    throw InputError("model: dropout rate must be in [0, 1), got " + format_number(s.dropout));
  if (!std::isfinite(s.l1) || s.l1 < 0)
    throw InputError("model: l1 must be a finite number >= 0, got " + format_number(s.l1));
  if (!std::isfinite(s.l2) || s.l2 < 0)
    throw InputError("model: l2 must be a finite number >= 0, got " + format_number(s.l2));
}

long trainable_parameter_count(const ModelSpec& s) {
  long count = 0;
  int in = s.inputs;
  for (int h : s.hidden) {
    count += static_cast<long>(in) * h + h;
    if (s.batchnorm) count += 2L * h;
    in = h;
  }
  return count + static_cast<long>(in) * s.classes + s.classes;
}

long moving_stat_count(const ModelSpec& s) {
  long count = 0;
  if (s.batchnorm)
    for (int h : s.hidden) count += 2L * h;
  return count;
}

bool operator==(const ModelSpec& a, const ModelSpec& b) {
  return a.inputs == b.inputs && a.hidden == b.hidden && a.classes == b.classes &&
         a.dropout == b.dropout && a.batchnorm == b.batchnorm && a.l1 == b.l1 && a.l2 == b.l2;
}

}  // namespace reglab::nn
