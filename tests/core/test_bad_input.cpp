// Bad input of every kind ends in a reglab::InputError that says what is
// wrong and where, never a crash or a silent result (docs/robustness.md lists
// each case and where it is tested). Cases already tested next to their code
// (test_csv.cpp, test_linear.cpp, tests/nn/*) are not repeated here.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "core/csv.hpp"
#include "core/errors.hpp"
#include "core/nn/idx.hpp"
#include "core/nn/serialize.hpp"
#include "core/nn/trainer.hpp"
#include "core/regression_experiment.hpp"

using Catch::Contains;
using reglab::InputError;
namespace nn = reglab::nn;

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// n rows of "a,b,c,d,y" with y = 2a - b + c/2 + a small deterministic wiggle.
std::string linear_csv(int n) {
  std::string text = "a,b,c,d,y\n";
  text.reserve(static_cast<std::size_t>(n) * 48);
  std::uint32_t state = 12345;
  auto next = [&state] {  // a small LCG: the test owns its numbers
    state = state * 1664525u + 1013904223u;
    return (state >> 8) / double(1 << 24);
  };
  char line[128];
  for (int i = 0; i < n; ++i) {
    const double a = next(), b = next(), c = next(), d = next();
    const double y = 2 * a - b + 0.5 * c + 0.01 * (next() - 0.5);
    std::snprintf(line, sizeof line, "%.6f,%.6f,%.6f,%.6f,%.6f\n", a, b, c, d, y);
    text += line;
  }
  return text;
}

reglab::RegressionRequest request(std::string csv, std::string model = "ols") {
  reglab::RegressionRequest r;
  r.csv_text = std::move(csv);
  r.target = "y";
  r.model = std::move(model);
  return r;
}

// A dataset of `count` 4 x 4 images with labels 0..classes-1 in turn.
std::shared_ptr<const nn::Dataset> tiny_images(int count) {
  auto d = std::make_shared<nn::Dataset>();
  d->count = count;
  d->rows = d->cols = 4;
  d->features = 16;
  for (int i = 0; i < count * 16; ++i) d->pixels.push_back(static_cast<std::uint8_t>(i * 29));
  for (int i = 0; i < count; ++i) d->labels.push_back(static_cast<std::uint8_t>(i % 10));
  return d;
}

nn::TrainConfig tiny_config() {
  nn::TrainConfig c;
  c.model.inputs = 16;
  c.model.hidden = {4};
  c.epochs = 1;
  return c;
}

void reseal(std::vector<std::uint8_t>& bytes) {
  const std::uint32_t crc = nn::crc32(bytes.data(), bytes.size() - 4);
  for (int i = 0; i < 4; ++i) bytes[bytes.size() - 4 + i] = static_cast<std::uint8_t>(crc >> (8 * i));
}

}  // namespace

// ---- CSV -----------------------------------------------------------------

TEST_CASE("bad input: binary garbage is refused as not CSV text", "[bad_input][csv]") {
  std::string garbage = "x,y\n1,2\n";
  for (int i = 0; i < 256; ++i) garbage += static_cast<char>((i * 167 + 13) & 0xff);
  CHECK_THROWS_WITH(reglab::parse_csv(garbage), Contains("NUL byte") && Contains("not UTF-8 CSV text"));
  CHECK_THROWS_WITH(reglab::parse_csv(std::string("a,b\n1,2\n\n3,\0", 12)), Contains("line 4: a NUL byte"));
  // UTF-16 (Excel's "Unicode text"): every other byte is 0.
  CHECK_THROWS_WITH(reglab::parse_csv(std::string("x\0,\0y\0\n\0", 8)), Contains("line 1") && Contains("UTF-16"));
}

TEST_CASE("bad input: control characters in messages are shown as \\xNN", "[bad_input][csv]") {
  CHECK_THROWS_WITH(reglab::parse_csv("a,b\n\"1\"\x01,2\n"),
                    Contains("line 2, column 1: unexpected '\\x01' after a closing quote"));
  const reglab::Table t = reglab::parse_csv("x,y\n1,\x1b[31m\n");
  CHECK_THROWS_WITH(reglab::numeric_vector(t, "y"), Contains("'\\x1b[31m' is not a number"));
  // UTF-8 text is left as it is.
  const reglab::Table u = reglab::parse_csv("x,y\n1,d\xc3\xa9j\xc3\xa0\n");
  CHECK_THROWS_WITH(reglab::numeric_vector(u, "y"), Contains("'d\xc3\xa9j\xc3\xa0' is not a number"));
}

TEST_CASE("bad input: a constant column fits (coefficient 0) under every scaling", "[bad_input][csv]") {
  for (const auto scaling : {reglab::Scaling::None, reglab::Scaling::MinMax, reglab::Scaling::ZScore})
    for (const char* model : {"ols", "ridge", "lasso", "elasticnet"}) {
      reglab::RegressionRequest r = request("x,c,y\n1,5,2\n2,5,4\n3,5,6.5\n4,5,8\n", model);
      r.scaling = scaling;
      r.alpha = 0.01;
      INFO(model << ", scaling " << static_cast<int>(scaling));
      const reglab::RegressionResult result = reglab::run_regression(r);
      REQUIRE(result.features == std::vector<std::string>{"x", "c"});
      CHECK(result.fit.coef(1) == 0.0);
      CHECK(std::isfinite(result.fit.coef(0)));
      CHECK(std::isfinite(result.fit.intercept));
    }
}

TEST_CASE("bad input: a single data row is refused with the row count", "[bad_input][csv]") {
  CHECK_THROWS_WITH(reglab::run_regression(request("x,y\n1,2\n")), Contains("at least 2 rows") && Contains("got 1"));
  reglab::RegressionRequest split = request("x,y\n1,2\n2,3\n");
  split.test_size = 0.5;  // one training row left
  CHECK_THROWS_AS(reglab::run_regression(split), InputError);
}

TEST_CASE("bad input: missing values name the line and column in run_regression", "[bad_input][csv]") {
  CHECK_THROWS_WITH(reglab::run_regression(request("x,y\n1,2\n2,\n3,4\n")),
                    Contains("line 3, column 2 ('y'): empty cell is not a number"));
  reglab::RegressionRequest named = request("x,z,y\n1,1,2\n NA ,2,3\n3,5,4\n");
  named.features = {"x", "z"};
  CHECK_THROWS_WITH(reglab::run_regression(named), Contains("line 3, column 1 ('x'): ' NA ' is not a number"));
  // Without --features, a column with a missing value is not all-numeric and
  // so is not chosen as a feature: the fit uses the other columns, and the
  // result's feature list shows which.
  const reglab::RegressionResult chosen = reglab::run_regression(request("x,z,y\n1,1,2\n NA ,2,3\n3,5,4\n"));
  CHECK(chosen.features == std::vector<std::string>{"z"});
  CHECK_THROWS_WITH(reglab::run_regression(request("x,y\n1,2\n NA ,3\n3,4\n")),
                    Contains("no numeric feature columns besides the target 'y'"));
}

TEST_CASE("bad input: 10^5 rows parse and fit in seconds", "[bad_input][csv][large]") {
  const std::string text = linear_csv(100000);  // 4.5 MB
  const auto start = Clock::now();
  const reglab::Table t = reglab::parse_csv(text);
  CHECK(t.n_rows() == 100000);
  for (const char* model : {"ols", "lasso"}) {
    reglab::RegressionRequest r = request(text, model);
    r.alpha = 1e-3;
    r.test_size = 0.2;
    const reglab::RegressionResult result = reglab::run_regression(r);
    CHECK(result.train_indices.size() == 80000u);
    CHECK(result.fit.coef(0) == Approx(2).margin(0.05));
  }
  // Release: ~1.5 s on a shared 2-core CI machine; the bound is for
  // AddressSanitizer builds and catches a quadratic step, not a slow one.
  CHECK(seconds_since(start) < 60);
}

// ---- IDX -----------------------------------------------------------------

TEST_CASE("bad input: an absurd IDX size names the whole claimed shape", "[bad_input][idx]") {
  const std::uint8_t huge[16] = {0, 0, 8, 3, 0x7f, 0xff, 0xff, 0xff, 0, 0, 0, 28, 0, 0, 0, 28};
  CHECK_THROWS_WITH(nn::parse_idx_images(huge, sizeof huge),
                    Contains("2147483647 x 28 x 28") && Contains("more than 2 GiB"));
  const std::uint8_t labels[8] = {0, 0, 8, 1, 0xff, 0xff, 0xff, 0xff};
  CHECK_THROWS_WITH(nn::parse_idx_labels(labels, sizeof labels), Contains("4294967295 bytes, more than 2 GiB"));
}

// ---- training parameters ---------------------------------------------------

TEST_CASE("bad input: a batch larger than the data is one batch per epoch", "[bad_input][nn]") {
  nn::TrainConfig c = tiny_config();
  c.batch_size = 100;  // 8 images: Keras runs one batch of 8
  nn::Trainer t(tiny_images(8), c);
  CHECK(t.batches_per_epoch() == 1);
  const nn::Progress p = t.run_to_end();
  CHECK(p.done);
  CHECK_FALSE(p.diverged);
  CHECK(std::isfinite(t.history().back().loss));
}

TEST_CASE("bad input: learning rate 1e3, huge or zero hidden sizes, NaN rates are refused",
          "[bad_input][nn]") {
  const auto data = tiny_images(8);
  auto refused = [&](auto change, const char* message) {
    nn::TrainConfig c = tiny_config();
    change(c);
    INFO(message);
    CHECK_THROWS_WITH(nn::Trainer(data, c), Contains(message));
  };
  refused([](nn::TrainConfig& c) { c.optimizer = nn::AdamConfig{1e3}; }, "learning rate must be in (0, 10], got 1000");
  refused([](nn::TrainConfig& c) { c.optimizer = nn::SgdConfig{1e3}; }, "learning rate must be in (0, 10], got 1000");
  refused([](nn::TrainConfig& c) { c.model.hidden = {4097}; }, "hidden layer 1 must have 1..4096 units, got 4097");
  refused([](nn::TrainConfig& c) { c.model.hidden = {4, 1 << 30}; }, "hidden layer 2");
  refused([](nn::TrainConfig& c) { c.model.dropout = NAN; }, "dropout rate must be in [0, 1), got nan");
  refused([](nn::TrainConfig& c) { c.model.dropout = 1; }, "dropout rate must be in [0, 1), got 1");
  refused([](nn::TrainConfig& c) { c.batch_size = 0; }, "batch size must be in 1..65536, got 0");
  refused([](nn::TrainConfig& c) { c.epochs = 0; }, "epochs must be in 1..100000, got 0");
  refused([](nn::TrainConfig& c) { c.input_divisor = NAN; }, "divisor must be a finite number > 0");
  refused([](nn::TrainConfig& c) { c.model.inputs = 784; }, "16 pixels but the model takes 784");
}

// ---- model files -----------------------------------------------------------

TEST_CASE("bad input: a model file's input divisor must be finite and > 0", "[bad_input][serialize]") {
  nn::ModelSpec spec;
  spec.inputs = 16;
  spec.hidden = {4};
  const nn::Model<float> model(spec);
  // The divisor is the f64 after the spec: magic 8, version 4, inputs, classes,
  // hidden count, one size (4 x u32), dropout, l1, l2 (3 x f64), batchnorm (u8).
  const std::size_t at = 8 + 4 + 4 * 4 + 3 * 8 + 1;
  for (const double bad : {0.0, -255.0, double(NAN), double(INFINITY)}) {
    auto bytes = nn::save_model(model, 255);
    std::memcpy(bytes.data() + at, &bad, 8);
    reseal(bytes);
    INFO(bad);
    CHECK_THROWS_WITH(nn::parse_model(bytes.data(), bytes.size()),
                      Contains("model file: input divisor must be a finite number > 0"));
  }
  const auto good = nn::save_model(model, 255);
  CHECK(nn::parse_model(good.data(), good.size()).input_divisor == 255);
}
