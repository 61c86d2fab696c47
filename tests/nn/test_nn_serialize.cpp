// Saving and loading a model: a round trip keeps every number; a wrong,
// damaged, truncated or mismatched file is refused with a clear InputError.
#include <catch2/catch.hpp>

#include <cstring>

#include "core/errors.hpp"
#include "core/nn/evaluate.hpp"
#include "core/nn/serialize.hpp"
#include "core/nn/trainer.hpp"
#include "nn_test_support.hpp"

using namespace reglab::nn;
using reglab::InputError;

namespace {

Model<float> trained_like_model(const ModelSpec& spec) {
  Model<float> model(spec);
  Rng rng(3);
  model.init(rng);
  for (auto& v : model.state()) v = rng.uniform_float() + 0.5f;  // moving stats != 0 / 1
  return model;
}

ModelSpec bn_spec() {
  ModelSpec s;
  s.hidden = {32, 16};
  s.batchnorm = true;
  s.dropout = 0.25;
  s.l1 = 1e-5;
  s.l2 = 2e-4;
  return s;
}

// Rewrites the trailing checksum so a deliberately edited file passes it.
void reseal(std::vector<std::uint8_t>& bytes) {
  const std::uint32_t crc = crc32(bytes.data(), bytes.size() - 4);
  for (int i = 0; i < 4; ++i) bytes[bytes.size() - 4 + i] = static_cast<std::uint8_t>(crc >> (8 * i));
}

}  // namespace

TEST_CASE("nn: CRC-32 matches zlib's", "[nn][serialize]") {
  const char* text = "123456789";  // the standard check value
  CHECK(crc32(reinterpret_cast<const std::uint8_t*>(text), 9) == 0xcbf43926u);
}

TEST_CASE("nn: save/load round trip keeps spec, scaling, weights and BN stats", "[nn][serialize]") {
  const Model<float> model = trained_like_model(bn_spec());
  const auto bytes = save_model(model, 65025);
  const SavedModel saved = parse_model(bytes.data(), bytes.size());
  CHECK(saved.spec == bn_spec());
  CHECK(saved.input_divisor == 65025);
  Model<float> loaded = build_model(saved);
  CHECK(loaded.values() == model.values());
  CHECK(loaded.state() == model.state());
  CHECK(save_model(loaded, 65025) == bytes);  // byte-identical again
}

TEST_CASE("nn: a saved trained model evaluates identically after loading", "[nn][serialize]") {
  const auto train = test::load_fashion_train();
  TrainConfig c;
  c.model.hidden = {32};
  c.model.batchnorm = true;
  c.epochs = 1;
  c.train_limit = 1000;
  c.batch_size = 64;
  Trainer trainer(train, c);
  trainer.run_to_end();
  const std::vector<int> rows = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
  const Evaluation before = trainer.evaluate(*train, rows);
  const auto bytes = save_model(trainer.model(), c.input_divisor);
  Model<float> loaded = build_model(parse_model(bytes.data(), bytes.size()));
  const Evaluation after = evaluate(loaded, *train, rows, c.input_divisor);
  CHECK(after.loss == before.loss);
  CHECK(after.confusion == before.confusion);
  const Matrix<float> p = predict_proba(loaded, *train, {0, 5}, c.input_divisor);
  CHECK(p.rows() == 2);
  CHECK(p.row(0).sum() == Approx(1.0f));
  const Matrix<float> pictures = first_layer_images(loaded);
  CHECK(pictures.rows() == 32);
  CHECK(pictures.cols() == 784);
  CHECK(pictures(3, 100) == loaded.first_kernel()(100, 3));
}

TEST_CASE("nn: bad model files are refused with a clear InputError", "[nn][serialize][validation]") {
  const Model<float> model = trained_like_model(bn_spec());
  auto bytes = save_model(model, 255);

  SECTION("wrong magic") {
    bytes[0] = 'X';
    CHECK_THROWS_WITH(parse_model(bytes.data(), bytes.size()), Catch::Contains("wrong magic"));
    const std::uint8_t idx[8] = {0, 0, 8, 3, 0, 0, 0, 1};
    CHECK_THROWS_WITH(parse_model(idx, 8), Catch::Contains("not a reglab model"));
  }
  SECTION("unsupported version") {
    bytes[8] = 2;
    CHECK_THROWS_WITH(parse_model(bytes.data(), bytes.size()),
                      Catch::Contains("format version 2 is not supported"));
  }
  SECTION("damaged") {
    bytes[bytes.size() / 2] ^= 0x10;  // one bit in the weights
    CHECK_THROWS_WITH(parse_model(bytes.data(), bytes.size()), Catch::Contains("checksum"));
  }
  SECTION("truncated") {
    for (std::size_t keep : {bytes.size() - 1, bytes.size() / 2, std::size_t(14), std::size_t(3)})
      CHECK_THROWS_AS(parse_model(bytes.data(), keep), InputError);
    CHECK_THROWS_WITH(parse_model(bytes.data(), bytes.size() - 100), Catch::Contains("truncated"));
  }
  SECTION("a parameter count that does not fit the spec") {
    // hidden[0] is the u32 at offset 24 (magic 8, version 4, inputs 4, classes 4, count 4)
    bytes[24] = 33;
    reseal(bytes);
    CHECK_THROWS_WITH(parse_model(bytes.data(), bytes.size()), Catch::Contains("architecture mismatch"));
  }
  SECTION("a spec that fails validation") {
    bytes[20] = 4;  // 4 hidden layers
    reseal(bytes);
    CHECK_THROWS_WITH(parse_model(bytes.data(), bytes.size()), Catch::Contains("hidden layers"));
  }
  SECTION("weights for another architecture") {
    ModelSpec other = bn_spec();
    other.hidden = {64};
    Model<float> target(other);
    const SavedModel saved = parse_model(bytes.data(), bytes.size());
    CHECK_THROWS_WITH(load_weights(target, saved),
                      Catch::Contains("architecture mismatch") && Catch::Contains("784-32-16-10") &&
                          Catch::Contains("784-64-10"));
  }
}
