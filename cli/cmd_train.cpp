// `reglab train`: trains an MLP on Fashion-MNIST the way the post's Keras
// runs do (core/nn/trainer.hpp), from a preset and/or flags, and prints a
// Keras-like log or one JSON object per epoch (--json-lines).
#include <chrono>
#include <cstdint>
#include <functional>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/io/files.hpp"
#include "cli/nn_data.hpp"
#include "cli/nn_describe.hpp"
#include "core/errors.hpp"
#include "core/kernels/parallel.hpp"
#include "core/nn/format.hpp"
#include "core/nn/presets.hpp"
#include "core/nn/serialize.hpp"
#include "core/nn/trainer.hpp"

namespace reglab::cli {

namespace {

using Json = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

struct TrainOptions {
  std::string data_dir = kDefaultFashionDir;
  std::string preset;
  std::string save;
  bool json_lines = false;
  int threads = 1;
  // Flags that override the preset (or the defaults): each applies itself
  // only when it was given on the command line.
  std::vector<std::function<void(nn::TrainConfig&)>> overrides;
};

template <class V>
CLI::Option* add_override(CLI::App* cmd, TrainOptions& options, const std::string& name,
                          const std::string& help,
                          std::function<void(nn::TrainConfig&, const V&)> apply) {
  auto value = std::make_shared<V>();
  CLI::Option* option = cmd->add_option(name, *value, help);
  options.overrides.push_back([option, value, apply](nn::TrainConfig& c) {
    if (option->count() > 0) apply(c, *value);
  });
  return option;
}

Json optional_json(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

struct EpochTiming {
  int epoch = 0;
  double seconds = 0;
};

void print_header(const nn::Trainer& t) {
  const nn::TrainConfig& c = t.config();
  std::cout << "model " << describe_model(c.model) << " | " << describe_optimizer(c.optimizer)
            << " | " << t.train_rows().size() << " train / " << t.validation_rows().size()
            << " validation images, inputs / " << nn::format_number(c.input_divisor) << " | batch "
            << c.batch_size << ", " << c.epochs << " epochs | seed " << c.seed << "\n";
}

void print_epoch(const nn::Trainer& t, const nn::EpochMetrics& m, bool json_lines) {
  const double samples = static_cast<double>(t.train_rows().size());
  if (json_lines) {
    Json j;
    j["epoch"] = m.epoch;
    j["loss"] = m.loss;
    j["accuracy"] = m.accuracy;
    j["val_loss"] = optional_json(m.val_loss);
    j["val_accuracy"] = optional_json(m.val_accuracy);
    j["seconds"] = *m.seconds;
    j["samples_per_s"] = *m.seconds > 0 ? Json(samples / *m.seconds) : Json(nullptr);
    std::cout << j.dump() << std::endl;
    return;
  }
  char time[32];
  std::snprintf(time, sizeof time, "%.1fs", *m.seconds);
  std::cout << "Epoch " << m.epoch << "/" << t.config().epochs << "\n"
            << t.batches_per_epoch() << "/" << t.batches_per_epoch() << " - " << time
            << " - loss: " << format_metric(m.loss) << " - accuracy: " << format_metric(m.accuracy);
  if (m.val_loss)
    std::cout << " - val_loss: " << format_metric(*m.val_loss)
              << " - val_accuracy: " << format_metric(*m.val_accuracy);
  std::cout << std::endl;
}

void run_train(const TrainOptions& o) {
  nn::TrainConfig config = o.preset.empty() ? nn::TrainConfig{} : nn::preset_config(o.preset);
  for (const auto& apply : o.overrides) apply(config);
  nn::validate(config);  // before minutes of reading data
  kernels::set_threads(o.threads);

  auto train = std::make_shared<const nn::Dataset>(load_fashion_split(o.data_dir, "train"));
  const nn::Dataset test = load_fashion_split(o.data_dir, "t10k");
  nn::Trainer trainer(train, config);
  if (!o.json_lines) print_header(trainer);

  EpochTiming timing;
  nn::Progress p;
  while (!trainer.done()) {
    const auto start = Clock::now();
    p = trainer.run(trainer.batches_per_epoch());
    timing.seconds += std::chrono::duration<double>(Clock::now() - start).count();
    if (p.epoch_finished) {
      nn::EpochMetrics m = trainer.history().back();
      m.seconds = timing.seconds;  // the core never reads a clock
      print_epoch(trainer, m, o.json_lines);
      timing.seconds = 0;
    }
  }
  if (p.diverged)
    std::cerr << "reglab train: diverged at epoch " << p.epoch << ", batch " << p.batch_in_epoch
              << " (loss " << format_metric(p.loss) << "); stopped\n";
  if (p.stopped_early && !o.json_lines)
    std::cout << "early stopping after epoch " << trainer.history().back().epoch
              << "; restored the weights of epoch " << trainer.best_epoch() << "\n";

  const nn::Evaluation e = trainer.evaluate(test);
  if (o.json_lines) {
    Json j;
    j["test_loss"] = e.loss;
    j["test_accuracy"] = e.accuracy;
    j["epochs_run"] = trainer.history().size();
    j["diverged"] = p.diverged;
    j["stopped_early"] = p.stopped_early;
    j["best_epoch"] = p.stopped_early ? Json(trainer.best_epoch()) : Json(nullptr);
    std::cout << j.dump() << std::endl;
  } else {
    std::cout << "test_loss: " << format_metric(e.loss)
              << " - test_accuracy: " << format_metric(e.accuracy) << "\n";
  }
  if (!o.save.empty()) io::write_binary_file(o.save, nn::save_model(trainer.model(), config.input_divisor));
}

}  // namespace

void add_train_command(CLI::App& app) {
  auto options = std::make_shared<TrainOptions>();
  TrainOptions& o = *options;
  auto* cmd = app.add_subcommand("train", "Train an MLP on Fashion-MNIST (the post's Keras runs)");
  cmd->add_option("--data-dir", o.data_dir, "Directory with the four Fashion-MNIST IDX files")
      ->capture_default_str();
  std::string preset_ids;
  for (const auto& p : nn::presets()) preset_ids += (preset_ids.empty() ? "" : ", ") + p.id;
  cmd->add_option("--preset", o.preset, "One of the post's six runs: " + preset_ids);

  add_override<std::vector<int>>(cmd, o, "--hidden", "Hidden layer sizes, e.g. 128 or 256,128 (1-3 layers)",
                                 [](nn::TrainConfig& c, const std::vector<int>& v) { c.model.hidden = v; })
      ->delimiter(',');
  add_override<double>(cmd, o, "--dropout", "Dropout rate after each hidden layer, in [0, 1)",
                       [](nn::TrainConfig& c, const double& v) { c.model.dropout = v; });
  auto batchnorm = std::make_shared<bool>(false);
  auto* bn = cmd->add_flag("--batchnorm,!--no-batchnorm", *batchnorm,
                           "BatchNormalization after each hidden ReLU (or not)");
  o.overrides.push_back([bn, batchnorm](nn::TrainConfig& c) {
    if (bn->count() > 0) c.model.batchnorm = *batchnorm;
  });
  add_override<double>(cmd, o, "--l1", "L1 kernel regularizer factor (l1 * sum|w|)",
                       [](nn::TrainConfig& c, const double& v) { c.model.l1 = v; });
  add_override<double>(cmd, o, "--l2", "L2 kernel regularizer factor (l2 * sum w^2)",
                       [](nn::TrainConfig& c, const double& v) { c.model.l2 = v; });
  add_override<std::string>(cmd, o, "--optimizer", "adam (Keras defaults) or sgd",
                            [](nn::TrainConfig& c, const std::string& v) {
                              if (v == "adam") c.optimizer = nn::AdamConfig{};
                              else if (v == "sgd") c.optimizer = nn::SgdConfig{};
                              else throw InputError("--optimizer must be adam or sgd, got '" + v + "'");
                            });
  add_override<double>(cmd, o, "--lr", "Learning rate (adam 0.001, sgd 0.01 by default)",
                       [](nn::TrainConfig& c, const double& v) {
                         std::visit([&](auto& opt) { opt.learning_rate = v; }, c.optimizer);
                       });
  add_override<double>(cmd, o, "--momentum", "SGD momentum in [0, 1)",
                       [](nn::TrainConfig& c, const double& v) {
                         auto* sgd = std::get_if<nn::SgdConfig>(&c.optimizer);
                         if (!sgd) throw InputError("--momentum needs --optimizer sgd");
                         sgd->momentum = v;
                       });
  add_override<int>(cmd, o, "--epochs", "Epochs",
                    [](nn::TrainConfig& c, const int& v) { c.epochs = v; });
  add_override<int>(cmd, o, "--batch-size", "Batch size",
                    [](nn::TrainConfig& c, const int& v) { c.batch_size = v; });
  add_override<double>(cmd, o, "--validation-split",
                       "Validation fraction, as train_test_split(test_size=F); 0 = none",
                       [](nn::TrainConfig& c, const double& v) { c.validation_split = v; });
  add_override<std::uint32_t>(cmd, o, "--split-seed", "random_state of the split (101 in the post)",
                              [](nn::TrainConfig& c, const std::uint32_t& v) { c.split_seed = v; });
  add_override<double>(cmd, o, "--input-scale",
                       "Pixels are divided by this: 255, or 65025 to replay the post's double division",
                       [](nn::TrainConfig& c, const double& v) { c.input_divisor = v; });
  add_override<int>(cmd, o, "--train-limit", "Use only the first N training images (0 = all)",
                    [](nn::TrainConfig& c, const int& v) { c.train_limit = v; });
  add_override<std::uint32_t>(cmd, o, "--seed", "Seed of the trainer's RNG (init, shuffle, dropout)",
                              [](nn::TrainConfig& c, const std::uint32_t& v) { c.seed = v; });
  add_override<int>(cmd, o, "--early-stopping",
                    "Stop after P epochs without a better val_loss; restore the best weights",
                    [](nn::TrainConfig& c, const int& v) { c.early_stopping_patience = v; });
  cmd->add_option("--save", o.save, "Write the trained model to FILE (reglab evaluate --model FILE)");
  cmd->add_option("--threads", o.threads,
                  "Threads for the matrix products (default 1)")
      ->check(CLI::Range(1, kernels::max_threads()));
  cmd->add_flag("--json-lines", o.json_lines,
                "One JSON object per epoch, then one with test_loss and test_accuracy");
  cmd->callback([options] { run_train(*options); });
}

}  // namespace reglab::cli
