// Optimizers against hand-computed steps and a known optimum.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/errors.hpp"
#include "core/nn/optimizer.hpp"

using namespace reglab::nn;

TEST_CASE("nn: Adam's first steps, by hand (Keras 2.x formula)", "[nn][optimizer]") {
  // w0 = 1, gradients 0.5, -0.25, 1.0; lr 1e-3, b1 0.9, b2 0.999, eps 1e-7.
  // t=1: m = 0.05, v = 0.00025, lr_t = 1e-3 sqrt(1 - 0.999) / (1 - 0.9) = 3.16227766e-4,
  //      w = 1 - lr_t * 0.05 / (sqrt(0.00025) + 1e-7) = 0.9990000063245154
  // t=2: m = 0.02, v = 0.00031225, lr_t = 2.3531672532745276e-4, w = 0.9987336707920792
  // t=3: m = 0.118, v = 0.00131193775, lr_t = 2.020105974389679e-4, w = 0.9980755610087696
  // (float64 arithmetic, straight from the formulas above)
  const AdamConfig config;
  AdamState<double> state(1);
  double w = 1.0;
  const double expected[3] = {0.9990000063245154, 0.9987336707920792, 0.9980755610087696};
  const double grads[3] = {0.5, -0.25, 1.0};
  for (int t = 0; t < 3; ++t) {
    adam_step(config, state, &w, &grads[t], 1);
    CHECK(state.t == t + 1);
    CHECK(w == Approx(expected[t]).epsilon(1e-15));
  }
  CHECK(state.m[0] == Approx(0.118).epsilon(1e-14));
  CHECK(state.v[0] == Approx(0.00131193775).epsilon(1e-14));
}

TEST_CASE("nn: Adam reaches the minimum of a quadratic bowl", "[nn][optimizer]") {
  // f(w) = sum_i a_i (w_i - c_i)^2, minimum at w = c
  const std::vector<double> a = {1, 10, 0.1, 3}, c = {1.5, -2, 0.25, 4};
  std::vector<double> w(4, 0.0), g(4);
  AdamConfig config;
  config.learning_rate = 0.05;
  AdamState<double> state(4);
  for (int step = 0; step < 5000; ++step) {
    for (int i = 0; i < 4; ++i) g[i] = 2 * a[i] * (w[i] - c[i]);
    adam_step(config, state, w.data(), g.data(), 4);
  }
  for (int i = 0; i < 4; ++i) CHECK(w[i] == Approx(c[i]).margin(1e-3));
}

TEST_CASE("nn: SGD with momentum, by hand (Keras formula)", "[nn][optimizer]") {
  // f = w^2, g = 2w, lr 0.1, momentum 0.9, w0 = 1
  // v1 = -0.1 * 2 = -0.2, w1 = 0.8; v2 = 0.9 * -0.2 - 0.1 * 1.6 = -0.34, w2 = 0.46
  SgdConfig config{0.1, 0.9};
  SgdState<double> state(1);
  double w = 1.0;
  for (double expected : {0.8, 0.46}) {
    const double g = 2 * w;
    sgd_step(config, state, &w, &g, 1);
    CHECK(w == Approx(expected).epsilon(1e-14));
  }
  // one loop over a flat buffer through the Optimizer wrapper
  Optimizer<double> opt(SgdConfig{0.5, 0}, 3);
  std::vector<double> values = {1, 2, 3}, grads = {2, 2, 2};
  opt.step(values, grads);
  CHECK(values == std::vector<double>{0, 1, 2});
}

TEST_CASE("nn: optimizer settings are validated", "[nn][optimizer][validation]") {
  using reglab::InputError;
  CHECK_THROWS_AS(validate(OptimizerConfig{AdamConfig{0}}), InputError);
  CHECK_THROWS_AS(validate(OptimizerConfig{AdamConfig{-1e-3}}), InputError);
  CHECK_THROWS_AS(validate(OptimizerConfig{AdamConfig{11}}), InputError);
  CHECK_THROWS_AS(validate(OptimizerConfig{AdamConfig{NAN}}), InputError);
  CHECK_THROWS_AS(validate(OptimizerConfig{AdamConfig{1e-3, 1.0}}), InputError);
  CHECK_THROWS_AS(validate(OptimizerConfig{SgdConfig{0.01, 1.0}}), InputError);
  CHECK_THROWS_AS(validate(OptimizerConfig{SgdConfig{0.01, -0.1}}), InputError);
  CHECK_THROWS_WITH(validate(OptimizerConfig{AdamConfig{0}}), Catch::Contains("learning rate"));
  CHECK_NOTHROW(validate(OptimizerConfig{AdamConfig{}}));
  CHECK_NOTHROW(validate(OptimizerConfig{SgdConfig{0.01, 0.9}}));
}
