#include "core/nn/optimizer.hpp"

#include <string>

#include "core/errors.hpp"
#include "core/nn/format.hpp"

namespace reglab::nn {

namespace {
void check_lr(double lr) {
  if (!std::isfinite(lr) || lr <= 0 || lr > 10)
    throw InputError("optimizer: learning rate must be in (0, 10], got " + format_number(lr));
}
void check_unit(const char* what, double x) {
  if (!std::isfinite(x) || x < 0 || x >= 1)
    throw InputError(std::string("optimizer: ") + what + " must be in [0, 1), got " +
                     format_number(x));
}
}  // namespace

void validate(const OptimizerConfig& config) {
  if (const auto* a = std::get_if<AdamConfig>(&config)) {
    check_lr(a->learning_rate);
    check_unit("beta1", a->beta1);
    check_unit("beta2", a->beta2);
    if (!std::isfinite(a->epsilon) || a->epsilon <= 0)
      throw InputError("optimizer: epsilon must be > 0, got " + format_number(a->epsilon));
  } else {
    const auto& s = std::get<SgdConfig>(config);
    check_lr(s.learning_rate);
    check_unit("momentum", s.momentum);
  }
}

}  // namespace reglab::nn
