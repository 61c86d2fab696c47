// Forward values computed by hand, inference-mode behaviour, and the
// statistics of dropout and initialization.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/nn/activation.hpp"
#include "core/nn/batchnorm.hpp"
#include "core/nn/dense.hpp"
#include "core/nn/dropout.hpp"
#include "core/nn/gemm.hpp"
#include "core/nn/model.hpp"
#include "core/nn/softmax_xent.hpp"

using namespace reglab::nn;


TEST_CASE("nn: Dense + ReLU forward, by hand", "[nn][layer]") {
  // X = [1 2], W = [[1 -1 0.5], [2 0 -1]], b = [0.5 0.5 0.5]
  // X W = [1+4, -1+0, 0.5-2] = [5, -1, -1.5]; + b = [5.5, -0.5, -1]; ReLU -> [5.5, 0, 0]
  Dense<float, Relu> dense(2, 3);
  ParamLayout layout;
  dense.declare(layout, "d");
  std::vector<float> values(layout.size), grads(layout.size);
  dense.bind(values.data(), grads.data());
  dense.reserve(1);
  dense.kernel() << 1, -1, 0.5, 2, 0, -1;
  dense.bias() << 0.5, 0.5, 0.5;
  const float x[2] = {1, 2};
  const auto y = dense.forward(ConstView<float>(x, 1, 2));
  CHECK(y(0, 0) == 5.5f);
  CHECK(y(0, 1) == 0.0f);
  CHECK(y(0, 2) == 0.0f);
  Dense<float, Linear> linear(2, 3);
  ParamLayout l2;
  linear.declare(l2, "l");
  linear.bind(values.data(), grads.data());  // same layout, same numbers
  linear.reserve(1);
  const auto z = linear.forward(ConstView<float>(x, 1, 2));
  CHECK(z(0, 1) == -0.5f);
  CHECK(z(0, 2) == -1.0f);
}

TEST_CASE("nn: Glorot-uniform init within +-sqrt(6/(in+out)), zero bias", "[nn][layer]") {
  Dense<double, Relu> dense(784, 128);
  ParamLayout layout;
  dense.declare(layout, "d");
  std::vector<double> values(layout.size, 7.0), grads(layout.size);
  dense.bind(values.data(), grads.data());
  Rng rng(Catch::rngSeed());
  dense.init(rng);
  const double limit = std::sqrt(6.0 / (784 + 128));
  const auto W = dense.kernel();
  CHECK(W.maxCoeff() <= limit);
  CHECK(W.minCoeff() >= -limit);
  CHECK(W.maxCoeff() > 0.99 * limit);  // 100k draws span the range
  // uniform: variance limit^2 / 3 = 2 / (in + out)
  const double mean = W.mean();
  const double var = (W.array() - mean).square().mean();
  CHECK(std::abs(mean) < 0.002);
  CHECK(var == Approx(2.0 / (784 + 128)).epsilon(0.02));
  CHECK(dense.bias().isZero());
}

TEST_CASE("nn: BatchNormalization training forward, by hand", "[nn][layer]") {
  // one feature, batch [1, 3]: mean 2, biased variance 1, eps 1e-3
  // xhat = [-1, 1] / sqrt(1.001) = [-0.99950037.., 0.99950037..]
  // gamma 2, beta 0.5: y = [-1.49900074937..., 2.49900074937...]
  BatchNorm<double> bn(1);
  ParamLayout p, s;
  bn.declare(p, s, "bn");
  std::vector<double> values(p.size), grads(p.size), state(s.size);
  bn.bind(values.data(), grads.data(), state.data());
  bn.reserve(2);
  Rng rng(1);
  bn.init(rng);
  CHECK(bn.moving_mean[0] == 0.0);  // Keras: moving stats start at 0 / 1
  CHECK(bn.moving_var[0] == 1.0);
  bn.gamma[0] = 2;
  bn.beta[0] = 0.5;
  const double x[2] = {1, 3};
  const auto y = bn.forward_train(ConstView<double>(x, 2, 1), rng);
  CHECK(bn.batch_var[0] == 1.0);  // biased: ((1-2)^2 + (3-2)^2) / 2
  CHECK(y(0, 0) == Approx(-1.4990007493755464).epsilon(1e-14));
  CHECK(y(1, 0) == Approx(2.499000749375546).epsilon(1e-14));
}

TEST_CASE("nn: BatchNormalization moving statistics and inference", "[nn][layer]") {
  BatchNorm<double> bn(1);
  ParamLayout p, s;
  bn.declare(p, s, "bn");
  std::vector<double> values(p.size), grads(p.size), state(s.size);
  bn.bind(values.data(), grads.data(), state.data());
  bn.reserve(2);
  Rng rng(1);
  bn.init(rng);
  // batch [0, 4]: mean 2, variance 4. momentum 0.99:
  // moving mean 0.99 * 0 + 0.01 * 2 = 0.02; moving var 0.99 * 1 + 0.01 * 4 = 1.03
  const double x[2] = {0, 4};
  bn.forward_train(ConstView<double>(x, 2, 1), rng);
  CHECK(bn.moving_mean[0] == 0.0);  // forward alone changes nothing
  bn.update_moving_stats();
  CHECK(bn.moving_mean[0] == Approx(0.02).epsilon(1e-14));
  CHECK(bn.moving_var[0] == Approx(1.03).epsilon(1e-14));

  // inference uses the moving stats, not the batch: moving mean 1, var 4,
  // gamma 1.5, beta -0.25, x = 5: 1.5 * (5 - 1) / sqrt(4.001) - 0.25 = 2.74962507029785...
  bn.moving_mean[0] = 1;
  bn.moving_var[0] = 4;
  bn.gamma[0] = 1.5;
  bn.beta[0] = -0.25;
  const double xi[2] = {5, 5};  // a constant batch: batch stats would give beta
  const auto y = bn.forward_infer(ConstView<double>(xi, 2, 1));
  CHECK(y(0, 0) == Approx(2.7496250702978546).epsilon(1e-14));
  CHECK(y(1, 0) == Approx(2.7496250702978546).epsilon(1e-14));
}

TEST_CASE("nn: Dropout is the identity at inference and keeps E[x] in training", "[nn][layer]") {
  const int n = 2000, f = 50;
  Dropout<double> dropout(f, 0.9);
  dropout.reserve(n);
  Matrix<double> x = Matrix<double>::Constant(n, f, 2.0);
  const ConstView<double> xv(x.data(), n, f);
  const auto inferred = dropout.forward_infer(xv);
  CHECK(inferred.data() == x.data());  // no copy, no change
  Rng rng(Catch::rngSeed());
  const auto y = dropout.forward_train(xv, rng);
  // kept units are x / (1 - 0.9) = 20, dropped are 0; the mean stays near 2
  const double kept = (y.array() != 0).cast<double>().mean();
  CHECK(kept == Approx(0.1).margin(0.005));  // 100k draws: sd 0.001
  CHECK(y.mean() == Approx(2.0).margin(0.1));
  CHECK((y.array() == 0 || (y.array() - 20).abs() < 1e-9).all());
}

TEST_CASE("nn: softmax cross-entropy forward, by hand", "[nn][layer]") {
  // logits [0, ln 2, ln 3]: softmax = [1, 2, 3] / 6; label 2 -> loss -ln(1/2) = ln 2,
  // label 0 -> ln 6. Accuracy: argmax is class 2.
  SoftmaxCrossEntropy<double> head(3);
  head.reserve(2);
  const double z[6] = {0, std::log(2.0), std::log(3.0), 0, std::log(2.0), std::log(3.0)};
  const std::uint8_t labels[2] = {2, 0};
  const LossSum r = head.forward(ConstView<double>(z, 2, 3), labels);
  CHECK(r.loss_sum == Approx(std::log(2.0) + std::log(6.0)).epsilon(1e-14));
  CHECK(r.correct == 1);
  CHECK(head.probs(0, 0) == Approx(1.0 / 6));
  // huge logits stay finite (no exp overflow, no clipping needed)
  const float big[3] = {1000.f, 0.f, -1000.f};
  SoftmaxCrossEntropy<float> h(3);
  h.reserve(1);
  const std::uint8_t l1[1] = {2};
  CHECK(h.forward(ConstView<float>(big, 1, 3), l1).loss_sum == Approx(2000.0));
}

TEST_CASE("nn: model layout follows the spec", "[nn][layer]") {
  ModelSpec spec;
  spec.hidden = {128};
  spec.batchnorm = true;
  Model<float> model(spec);
  // 784*128 + 128 + 2*128 (gamma, beta) + 128*10 + 10
  CHECK(model.values().size() == 784u * 128 + 128 + 256 + 1280 + 10);
  CHECK(static_cast<long>(model.values().size()) == trainable_parameter_count(spec));
  CHECK(model.state().size() == 256u);
  CHECK(model.param_layout().slots.front().name == "dense_0/kernel");
  CHECK(model.state_layout().slots.back().name == "batch_normalization_0/moving_variance");
  REQUIRE(model.layers().size() == 3);
  CHECK(std::holds_alternative<BatchNorm<float>>(model.layers()[1]));
  spec.batchnorm = false;
  spec.dropout = 0.5;
  spec.hidden = {64, 32};
  Model<float> m2(spec);
  REQUIRE(m2.layers().size() == 5);  // dense, dropout, dense, dropout, dense
  CHECK(std::holds_alternative<Dropout<float>>(m2.layers()[3]));
}

TEST_CASE("nn: gemm kernels match naive products (strides, epilogues)", "[nn][gemm]") {
  Rng rng(Catch::rngSeed());
  const int m = 7, n = 5, k = 9, pad = 3;
  auto fill = [&](std::vector<double>& v) {
    for (auto& e : v) e = rng.uniform_double() * 2 - 1;
  };
  std::vector<double> A(m * (k + pad)), B(k * (n + pad)), bias(n), C(m * (n + pad), 0.0);
  fill(A), fill(B), fill(bias);
  auto a = [&](int i, int p) { return A[i * (k + pad) + p]; };
  auto b = [&](int p, int j) { return B[p * (n + pad) + j]; };
  for (Epilogue ep : {Epilogue::None, Epilogue::Bias, Epilogue::BiasRelu}) {
    gemm_nn(m, n, k, A.data(), k + pad, B.data(), n + pad, C.data(), n + pad, ep, bias.data());
    for (int i = 0; i < m; ++i)
      for (int j = 0; j < n; ++j) {
        double s = 0;
        for (int p = 0; p < k; ++p) s += a(i, p) * b(p, j);
        if (ep != Epilogue::None) s += bias[j];
        if (ep == Epilogue::BiasRelu) s = std::max(s, 0.0);
        REQUIRE(C[i * (n + pad) + j] == Approx(s).epsilon(1e-12).margin(1e-14));
      }
  }
  // gemm_tn accumulates: C (k, n) += A^T B with A (m, k), B (m, n)
  std::vector<double> At(m * k), Bt(m * n), Ct(k * n, 1.0);
  fill(At), fill(Bt);
  gemm_tn(k, n, m, At.data(), k, Bt.data(), n, Ct.data(), n);
  for (int i = 0; i < k; ++i)
    for (int j = 0; j < n; ++j) {
      double s = 1.0;
      for (int p = 0; p < m; ++p) s += At[p * k + i] * Bt[p * n + j];
      REQUIRE(Ct[i * n + j] == Approx(s).epsilon(1e-12));
    }
  // gemm_nt: C (m, k) = A (m, n) B^T with B (k, n)
  std::vector<double> An(m * n), Bn(k * n), Cn(m * k);
  fill(An), fill(Bn);
  gemm_nt(m, k, n, An.data(), n, Bn.data(), n, Cn.data(), k);
  for (int i = 0; i < m; ++i)
    for (int j = 0; j < k; ++j) {
      double s = 0;
      for (int p = 0; p < n; ++p) s += An[i * n + p] * Bn[j * n + p];
      REQUIRE(Cn[i * k + j] == Approx(s).epsilon(1e-12).margin(1e-14));
    }
}
