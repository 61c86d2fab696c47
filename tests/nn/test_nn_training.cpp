// The trainer on real Fashion-MNIST images: a short run learns, the same seed
// gives the same numbers, chunked runs equal one long run, early stopping and
// divergence stop it; its settings are validated at the boundary.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/errors.hpp"
#include "core/nn/presets.hpp"
#include "core/nn/trainer.hpp"
#include "nn_test_support.hpp"

using namespace reglab::nn;
using reglab::InputError;

namespace {

// The training file's first images are a fair sample (600 per class among the first 6,000).
TrainConfig small_config() {
  TrainConfig c;
  c.model.hidden = {64};
  c.epochs = 2;
  c.batch_size = 32;
  c.train_limit = 3000;
  c.seed = 7;
  return c;
}

}  // namespace

TEST_CASE("nn: a short real training run learns Fashion-MNIST", "[nn][train]") {
  const auto train = test::load_fashion_train();
  const auto test_set = test::load_fashion_test();
  TrainConfig c = small_config();
  c.validation_split = 0.1;
  Trainer trainer(train, c);
  CHECK(trainer.train_rows().size() == 2700u);       // ceil(0.1 * 3000) = 300 for validation
  CHECK(trainer.validation_rows().size() == 300u);
  CHECK(trainer.batches_per_epoch() == 85);          // ceil(2700 / 32): last batch of 12 kept
  const Progress p = trainer.run_to_end();
  CHECK(p.done);
  CHECK_FALSE(p.diverged);
  REQUIRE(trainer.history().size() == 2);
  const EpochMetrics& last = trainer.history().back();
  // Stated accuracy: a 784-64-10 MLP after 2 epochs on 2,700 images is well
  // above 75% (Keras gets ~80%); chance is 10%.
  CHECK(last.accuracy > 0.75);
  CHECK(last.loss < trainer.history().front().loss);
  REQUIRE(last.val_accuracy.has_value());
  CHECK(*last.val_accuracy > 0.72);
  CHECK_FALSE(last.seconds.has_value());  // the core never times anything
  const Evaluation e = trainer.evaluate(*test_set);
  CHECK(e.count == 10000);
  CHECK(e.accuracy > 0.72);
  CHECK(e.loss < 0.9);
  // the confusion matrix adds up, and trousers (class 1) are easy
  long total = 0;
  for (int v : e.confusion) total += v;
  CHECK(total == 10000);
  CHECK(e.class_count[1] == 1000);
  CHECK(e.per_class_accuracy()[1] > 0.85);
}

TEST_CASE("nn: same seed, same numbers; chunked runs equal one run", "[nn][train]") {
  const auto train = test::load_fashion_train();
  TrainConfig c = small_config();
  c.train_limit = 1000;
  c.model.dropout = 0.3;
  c.model.batchnorm = true;
  c.model.l2 = 1e-4;
  c.validation_split = 0.2;

  Trainer a(train, c), b(train, c);
  a.run_to_end();
  while (!b.done()) b.run(7);  // 7 does not divide 25 batches per epoch
  REQUIRE(a.history().size() == b.history().size());
  for (std::size_t i = 0; i < a.history().size(); ++i) {
    CHECK(a.history()[i].loss == b.history()[i].loss);
    CHECK(a.history()[i].accuracy == b.history()[i].accuracy);
    CHECK(*a.history()[i].val_loss == *b.history()[i].val_loss);
  }
  CHECK(a.model().values() == b.model().values());
  CHECK(a.model().state() == b.model().state());

  c.seed = 8;
  Trainer other(train, c);
  other.run_to_end();
  CHECK(other.model().values() != a.model().values());
}

TEST_CASE("nn: run() reports progress and stops at each epoch end", "[nn][train]") {
  const auto train = test::load_fashion_train();
  TrainConfig c = small_config();
  c.train_limit = 100;
  c.batch_size = 32;  // 4 batches per epoch: 32, 32, 32, 4
  Trainer t(train, c);
  Progress p = t.run(3);
  CHECK(p.epoch == 1);
  CHECK(p.batch_in_epoch == 3);
  CHECK(p.batches_per_epoch == 4);
  CHECK_FALSE(p.epoch_finished);
  CHECK(p.loss > 0);
  p = t.run(100);  // stops after the one batch left in epoch 1
  CHECK(p.epoch == 1);
  CHECK(p.batch_in_epoch == 4);
  CHECK(p.epoch_finished);
  CHECK_FALSE(p.done);
  CHECK(t.history().size() == 1);
  CHECK(t.history()[0].loss == p.loss);  // running mean over the epoch, weighted by batch size
  CHECK_FALSE(t.history()[0].val_loss.has_value());
  p = t.run(100);
  CHECK(p.epoch == 2);
  CHECK(p.done);
  p = t.run(5);  // nothing left
  CHECK(p.done);
  CHECK(t.history().size() == 2);
  CHECK_THROWS_AS(t.run(0), InputError);
}

TEST_CASE("nn: early stopping restores the best weights", "[nn][train]") {
  const auto train = test::load_fashion_train();
  TrainConfig c = small_config();
  c.train_limit = 400;
  c.validation_split = 0.5;
  c.epochs = 60;
  c.model.hidden = {256};
  c.optimizer = AdamConfig{0.01};  // overfits 200 images fast
  c.early_stopping_patience = 2;
  Trainer t(train, c);
  const Progress p = t.run_to_end();
  CHECK(p.stopped_early);
  CHECK(p.done);
  const int stopped = t.history().back().epoch;
  CHECK(stopped < 60);
  CHECK(t.best_epoch() == stopped - 2);
  // the model now holds the best epoch's weights: re-evaluating gives its val_loss
  const Evaluation e = t.evaluate(*train, t.validation_rows());
  CHECK(e.loss == Approx(*t.history()[t.best_epoch() - 1].val_loss).epsilon(1e-12));
}

TEST_CASE("nn: divergence stops training with a flag", "[nn][train]") {
  const auto train = test::load_fashion_train();
  TrainConfig c = small_config();
  c.train_limit = 2000;
  c.epochs = 3;
  Trainer t(train, c);
  Progress p = t.run(5);
  CHECK_FALSE(p.diverged);
  // What an exploding update leaves behind: an infinite weight. inf * 0 (a
  // black pixel) is NaN, which ReLU keeps, so the next batch loss is NaN.
  t.model().values()[0] = INFINITY;
  p = t.run(100);
  CHECK(p.diverged);
  CHECK(p.done);
  CHECK_FALSE(std::isfinite(p.loss));
  CHECK(p.epoch == 1);
  CHECK(p.batch_in_epoch == 6);  // it stopped at the batch whose loss was not finite
  CHECK_FALSE(p.epoch_finished);
  CHECK(t.history().empty());
  CHECK(t.run(10).done);
}

TEST_CASE("nn: training settings are validated at the boundary", "[nn][train][validation]") {
  const auto train = test::load_fashion_train();
  auto bad = [&](auto change, const char* message) {
    TrainConfig c = small_config();
    change(c);
    INFO(message);
    CHECK_THROWS_WITH(Trainer(train, c), Catch::Contains(message));
  };
  bad([](TrainConfig& c) { c.model.dropout = 1.0; }, "dropout rate must be in [0, 1)");
  bad([](TrainConfig& c) { c.model.dropout = -0.1; }, "dropout rate");
  bad([](TrainConfig& c) { c.batch_size = 0; }, "batch size");
  bad([](TrainConfig& c) { c.epochs = 0; }, "epochs");
  bad([](TrainConfig& c) { c.model.hidden = {0}; }, "hidden layer 1 must have 1..4096 units");
  bad([](TrainConfig& c) { c.model.hidden = {128, 5000}; }, "hidden layer 2");
  bad([](TrainConfig& c) { c.model.hidden = {8, 8, 8, 8}; }, "at most 3 hidden layers");
  bad([](TrainConfig& c) { c.model.hidden = {}; }, "at least one hidden layer");
  bad([](TrainConfig& c) { c.optimizer = AdamConfig{0}; }, "learning rate");
  bad([](TrainConfig& c) { c.optimizer = AdamConfig{INFINITY}; }, "learning rate");
  bad([](TrainConfig& c) { c.optimizer = SgdConfig{20}; }, "learning rate");
  bad([](TrainConfig& c) { c.model.l1 = -1e-3; }, "l1");
  bad([](TrainConfig& c) { c.model.l2 = NAN; }, "l2");
  bad([](TrainConfig& c) { c.validation_split = 1.0; }, "validation split");
  bad([](TrainConfig& c) { c.validation_split = -0.1; }, "validation split");
  bad([](TrainConfig& c) { c.train_limit = -1; }, "train limit");
  bad([](TrainConfig& c) { c.input_divisor = 0; }, "divisor");
  bad([](TrainConfig& c) { c.early_stopping_patience = 3; }, "needs a validation split");
  bad([](TrainConfig& c) { c.early_stopping_patience = -1; }, "patience");
  bad([](TrainConfig& c) { c.model.inputs = 100; }, "784 pixels but the model takes 100");
  CHECK_THROWS_WITH(Trainer(nullptr, small_config()), Catch::Contains("no data"));
}

TEST_CASE("nn: the six presets carry the post's settings", "[nn][train]") {
  const auto all = presets();
  REQUIRE(all.size() == 6);
  const TrainConfig n1 = preset_config("dropout-0.9-5ep");
  CHECK(n1.model.hidden == std::vector<int>{128});
  CHECK(n1.model.dropout == 0.9);
  CHECK(n1.epochs == 5);
  CHECK(n1.batch_size == 32);
  CHECK(n1.validation_split == 0);
  CHECK(n1.input_divisor == 255);
  const TrainConfig n3 = preset_config("overfit-no-dropout-200ep");
  CHECK(n3.model.hidden == std::vector<int>{256});
  CHECK(n3.epochs == 200);
  CHECK(n3.batch_size == 512);
  CHECK(n3.validation_split == 0.01);
  CHECK(n3.split_seed == 101u);
  CHECK(n3.input_divisor == 65025);
  CHECK(preset_config("overfit-dropout-0.5-200ep").model.dropout == 0.5);
  const TrainConfig n6 = preset_config("batchnorm-20ep");
  CHECK(n6.model.batchnorm);
  CHECK(n6.batch_size == 2048);
  CHECK(n6.validation_split == 0.3);
  CHECK_FALSE(preset_config("no-batchnorm-20ep").model.batchnorm);
  CHECK(std::holds_alternative<AdamConfig>(n6.optimizer));
  CHECK_THROWS_WITH(preset_config("nope"), Catch::Contains("dropout-0.9-5ep"));
  for (const Preset& p : all) CHECK_NOTHROW(validate(p.config));
}

TEST_CASE("nn: preset splits match the post's sizes", "[nn][train]") {
  const auto train = test::load_fashion_train();
  // N3/N4: test_size 0.01 -> 59,400 / 600, 117 steps of 512; N5/N6: 0.3 -> 42,000 / 18,000, 21 steps
  TrainConfig n3 = preset_config("overfit-no-dropout-200ep");
  Trainer t3(train, n3);
  CHECK(t3.train_rows().size() == 59400u);
  CHECK(t3.validation_rows().size() == 600u);
  CHECK(t3.batches_per_epoch() == 117);
  Trainer t5(train, preset_config("no-batchnorm-20ep"));
  CHECK(t5.train_rows().size() == 42000u);
  CHECK(t5.validation_rows().size() == 18000u);
  CHECK(t5.batches_per_epoch() == 21);
  Trainer t1(train, preset_config("dropout-0.9-5ep"));
  CHECK(t1.batches_per_epoch() == 1875);
}
