// Numerical gradient checks, in double precision with central differences,
// for every layer, the loss, the kernel regularizers and a whole model.
// Each layer is driven through L = sum(Y .* R) with a fixed random R, so
// dL/dY = R and the layer's backward must give dL/dX and dL/dparams.
#include <catch2/catch.hpp>

#include "core/nn/activation.hpp"
#include "core/nn/batchnorm.hpp"
#include "core/nn/dense.hpp"
#include "core/nn/dropout.hpp"
#include "core/nn/model.hpp"
#include "core/nn/regularizer.hpp"
#include "core/nn/softmax_xent.hpp"
#include "nn_test_support.hpp"

using namespace reglab::nn;
using reglab::nn::test::numerical_gradient;
using reglab::nn::test::require_close;

namespace {

Matrix<double> random_matrix(int rows, int cols, Rng& rng, double lo = -1, double hi = 1) {
  Matrix<double> m(rows, cols);
  for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = lo + (hi - lo) * rng.uniform_double();
  return m;
}

double weighted_sum(ConstView<double> y, const Matrix<double>& r) {
  return (y.array() * r.topRows(y.rows()).array()).sum();
}

template <class Layer>
void check_input_gradient(Layer& layer, Matrix<double>& x, const Matrix<double>& r,
                          const std::function<ConstView<double>()>& forward) {
  const ConstView<double> xv(x.data(), x.rows(), x.cols());
  forward();
  const ConstView<double> dx = layer.backward(xv, ConstView<double>(r.data(), r.rows(), r.cols()));
  const Matrix<double> analytic = dx;
  const auto numeric = numerical_gradient([&] { return weighted_sum(forward(), r); }, x.data(), x.size());
  require_close(numeric, analytic.data(), "dX");
}

}  // namespace

TEMPLATE_TEST_CASE("nn: Dense gradients (kernel, bias, input)", "[nn][gradient]", Relu, Linear) {
  Rng rng(Catch::rngSeed());
  const int n = 5, in = 4, out = 3;
  Dense<double, TestType> dense(in, out);
  ParamLayout layout;
  dense.declare(layout, "dense");
  std::vector<double> values(layout.size), grads(layout.size, 0.0);
  dense.bind(values.data(), grads.data());
  dense.reserve(n);
  dense.init(rng);
  for (int j = 0; j < out; ++j) dense.b[j] = 0.1 * (j + 1);  // a non-zero bias
  Matrix<double> x = random_matrix(n, in, rng);
  const Matrix<double> r = random_matrix(n, out, rng);
  const ConstView<double> xv(x.data(), n, in);
  auto forward = [&] { return dense.forward(xv); };

  forward();
  const ConstView<double> dx = dense.backward(xv, ConstView<double>(r.data(), n, out));
  const Matrix<double> dx_analytic = dx;
  const std::vector<double> dparams = grads;

  const auto num_params = numerical_gradient([&] { return weighted_sum(forward(), r); }, values.data(), values.size());
  require_close(num_params, dparams.data(), "d kernel/bias");
  const auto num_x = numerical_gradient([&] { return weighted_sum(forward(), r); }, x.data(), x.size());
  require_close(num_x, dx_analytic.data(), "dX");
}

TEST_CASE("nn: Dense gradients accumulate until zeroed", "[nn][gradient]") {
  Rng rng(Catch::rngSeed());
  Dense<double, Linear> dense(3, 2);
  ParamLayout layout;
  dense.declare(layout, "dense");
  std::vector<double> values(layout.size), grads(layout.size, 0.0);
  dense.bind(values.data(), grads.data());
  dense.reserve(4);
  dense.init(rng);
  const Matrix<double> x = random_matrix(4, 3, rng), r = random_matrix(4, 2, rng);
  const ConstView<double> xv(x.data(), 4, 3), rv(r.data(), 4, 2);
  dense.forward(xv);
  dense.backward(xv, rv);
  const std::vector<double> once = grads;
  dense.backward(xv, rv);
  for (std::size_t i = 0; i < grads.size(); ++i) REQUIRE(grads[i] == Approx(2 * once[i]));
}

TEST_CASE("nn: ReLU layer gradient", "[nn][gradient]") {
  Rng rng(Catch::rngSeed());
  ReluLayer<double> relu(6);
  relu.reserve(4);
  Matrix<double> x = random_matrix(4, 6, rng);
  for (Eigen::Index i = 0; i < x.size(); ++i)  // keep away from the kink at 0
    if (std::abs(x.data()[i]) < 1e-3) x.data()[i] = 0.5;
  const Matrix<double> r = random_matrix(4, 6, rng);
  const ConstView<double> xv(x.data(), 4, 6);
  relu.forward(xv);
  const Matrix<double> dx = relu.backward(ConstView<double>(r.data(), 4, 6));
  const auto numeric = numerical_gradient([&] { return weighted_sum(relu.forward(xv), r); }, x.data(), x.size());
  require_close(numeric, dx.data(), "dX");
}

TEST_CASE("nn: Dropout gradient with a fixed mask", "[nn][gradient]") {
  Rng rng(Catch::rngSeed());
  Dropout<double> dropout(8, 0.4);
  dropout.reserve(5);
  Matrix<double> x = random_matrix(5, 8, rng);
  const Matrix<double> r = random_matrix(5, 8, rng);
  const ConstView<double> xv(x.data(), 5, 8);
  dropout.draw_mask(5, rng);
  const Matrix<double> mask = dropout.mask;
  auto forward = [&] { return dropout.apply_mask(xv); };
  check_input_gradient(dropout, x, r, forward);
  REQUIRE(dropout.mask == mask);  // the check used one mask throughout
  // the mask holds only 0 and 1 / (1 - rate): backward scales like forward
  for (Eigen::Index i = 0; i < mask.size(); ++i)
    REQUIRE((mask.data()[i] == 0.0 || mask.data()[i] == Approx(1 / 0.6)));
}

TEST_CASE("nn: BatchNormalization gradients in training mode", "[nn][gradient]") {
  Rng rng(Catch::rngSeed());
  const int n = 6, f = 4;
  BatchNorm<double> bn(f);
  ParamLayout params, state;
  bn.declare(params, state, "bn");
  std::vector<double> values(params.size), grads(params.size, 0.0), stats(state.size);
  bn.bind(values.data(), grads.data(), stats.data());
  bn.reserve(n);
  bn.init(rng);
  for (int j = 0; j < f; ++j) {  // gamma, beta away from 1 and 0
    bn.gamma[j] = 0.5 + rng.uniform_double();
    bn.beta[j] = rng.uniform_double() - 0.5;
  }
  Matrix<double> x = random_matrix(n, f, rng, -2, 3);
  const Matrix<double> r = random_matrix(n, f, rng);
  const ConstView<double> xv(x.data(), n, f);
  auto forward = [&] { return bn.forward_train(xv, rng); };

  forward();
  const Matrix<double> dx = bn.backward(xv, ConstView<double>(r.data(), n, f));
  const std::vector<double> dparams = grads;
  const auto num_x = numerical_gradient([&] { return weighted_sum(forward(), r); }, x.data(), x.size());
  require_close(num_x, dx.data(), "dX");
  const auto num_p = numerical_gradient([&] { return weighted_sum(forward(), r); }, values.data(), values.size());
  require_close(num_p, dparams.data(), "d gamma/beta");
}

TEST_CASE("nn: softmax cross-entropy gradient", "[nn][gradient]") {
  Rng rng(Catch::rngSeed());
  const int n = 5, c = 4;
  SoftmaxCrossEntropy<double> head(c);
  head.reserve(n);
  Matrix<double> z = random_matrix(n, c, rng, -3, 3);
  const std::uint8_t labels[n] = {0, 3, 1, 1, 2};
  const ConstView<double> zv(z.data(), n, c);
  auto loss = [&] { return head.forward(zv, labels).loss_sum / n; };
  loss();
  const Matrix<double> dz = head.backward(labels, n);
  const auto numeric = numerical_gradient(loss, z.data(), z.size());
  require_close(numeric, dz.data(), "d logits");
}

TEST_CASE("nn: L1 and L2 kernel penalty gradients", "[nn][gradient]") {
  Rng rng(Catch::rngSeed());
  std::vector<double> w(12), dw(12, 0.0);
  for (auto& v : w) {
    v = rng.uniform_double() * 2 - 1;
    if (std::abs(v) < 1e-2) v = 0.3;  // L1 has a kink at 0
  }
  for (const KernelRegularizer reg : {KernelRegularizer{0.01, 0}, KernelRegularizer{0, 0.02},
                                      KernelRegularizer{0.003, 0.05}}) {
    std::fill(dw.begin(), dw.end(), 0.0);
    reg.add_gradient(w.data(), dw.data(), w.size());
    const auto numeric =
        numerical_gradient([&] { return reg.penalty(w.data(), w.size()); }, w.data(), w.size());
    require_close(numeric, dw.data(), "d penalty");
  }
}

TEST_CASE("nn: whole-model gradient (BN, dropout, L1/L2, 2 hidden layers)", "[nn][gradient]") {
  ModelSpec spec;
  spec.inputs = 6;
  spec.hidden = {5, 4};
  spec.classes = 3;
  spec.dropout = 0.3;
  spec.batchnorm = true;
  spec.l1 = 0.01;
  spec.l2 = 0.02;
  Model<double> model(spec);
  Rng init_rng(Catch::rngSeed());
  model.init(init_rng);
  // Zero biases and beta would put exact zeros before a ReLU (a kink, where
  // central differences see half a slope): move every parameter off them.
  for (auto& v : model.values()) v += 0.2 * (init_rng.uniform_double() - 0.5);
  model.reserve(7);
  Matrix<double> x = random_matrix(7, 6, init_rng, 0, 1);
  const std::uint8_t labels[7] = {0, 1, 2, 2, 1, 0, 1};
  SoftmaxCrossEntropy<double> head(3);
  head.reserve(7);
  const ConstView<double> xv(x.data(), 7, 6);
  const Rng mask_rng(1234);  // every evaluation draws the same dropout masks
  auto loss = [&] {
    Rng rng = mask_rng;
    return head.forward(model.forward_train(xv, rng), labels).loss_sum / 7 + model.penalty();
  };
  loss();
  model.zero_grad();
  model.backward(xv, head.backward(labels, 7));
  const std::vector<double> analytic = model.grads();
  const auto numeric = numerical_gradient(loss, model.values().data(), model.values().size());
  require_close(numeric, analytic.data(), "d params", 1e-7, 1e-5);
}

TEST_CASE("nn: the float model (core/kernels products) matches the double one", "[nn][gradient]") {
  // The gradient checks above run in double through Eigen; training runs in
  // float through core/kernels. Same weights, same masks: same numbers to
  // float precision, gradients accumulated twice included.
  ModelSpec spec;
  spec.inputs = 40;
  spec.hidden = {33, 17};
  spec.classes = 10;
  spec.dropout = 0.2;
  spec.batchnorm = true;
  spec.l1 = 1e-3;
  spec.l2 = 1e-3;
  Model<float> f(spec);
  Model<double> d(spec);
  Rng rng(Catch::rngSeed());
  d.init(rng);
  for (auto& v : d.values()) v += 0.1 * (rng.uniform_double() - 0.5);
  std::copy(d.values().begin(), d.values().end(), f.values().begin());
  std::copy(d.state().begin(), d.state().end(), f.state().begin());
  const int n = 29;  // odd, not a multiple of any SIMD width
  f.reserve(32);
  d.reserve(32);
  Matrix<double> xd = random_matrix(n, 40, rng, 0, 1);
  const Matrix<float> xf = xd.cast<float>();
  xd = xf.cast<double>();  // the same inputs exactly
  std::uint8_t labels[n];
  for (int i = 0; i < n; ++i) labels[i] = static_cast<std::uint8_t>(rng.up_to(9));
  SoftmaxCrossEntropy<float> hf(10);
  SoftmaxCrossEntropy<double> hd(10);
  hf.reserve(32);
  hd.reserve(32);
  const ConstView<float> xfv(xf.data(), n, 40);
  const ConstView<double> xdv(xd.data(), n, 40);
  const Rng masks(99);
  f.zero_grad();
  d.zero_grad();
  for (int pass = 0; pass < 2; ++pass) {  // gradients accumulate over two passes
    Rng rf = masks, rd = masks;
    const double lf = hf.forward(f.forward_train(xfv, rf), labels).loss_sum;
    const double ld = hd.forward(d.forward_train(xdv, rd), labels).loss_sum;
    CHECK(lf == Approx(ld).epsilon(1e-5));
    f.backward(xfv, hf.backward(labels, n));
    d.backward(xdv, hd.backward(labels, n));
  }
  double max_err = 0, max_grad = 0;
  for (std::size_t i = 0; i < d.grads().size(); ++i) {
    max_err = std::max(max_err, std::abs(d.grads()[i] - static_cast<double>(f.grads()[i])));
    max_grad = std::max(max_grad, std::abs(d.grads()[i]));
  }
  INFO("max |grad| " << max_grad << ", max float error " << max_err);
  CHECK(max_err <= 1e-5 * max_grad + 1e-7);
  // inference too
  const Matrix<float> logits_f = f.forward_infer(xfv);
  const Matrix<double> logits_d = d.forward_infer(xdv);
  CHECK((logits_f.cast<double>() - logits_d).cwiseAbs().maxCoeff() < 1e-4);
}
