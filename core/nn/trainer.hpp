#pragma once
// Training as Keras' model.fit does it, in chunks a caller (CLI loop, Web
// Worker) can interleave with reporting:
//   * the training rows are reshuffled at the start of every epoch; the last,
//     partial batch is kept (ceil(n / batch_size) steps per epoch);
//   * the printed loss / accuracy are running means over the epoch's batches
//     in training mode, weighted by batch size (Keras' Mean metrics), the
//     loss including the kernel penalty;
//   * val_* are computed after each epoch in inference mode;
//   * optional early stopping on val_loss (patience, best weights restored
//     when it stops, as EarlyStopping(restore_best_weights=True));
//   * a NaN/inf batch loss stops training at that batch (diverged).
// The trainer owns its Rng (init, shuffles, dropout masks): the same data,
// config and seed give bit-identical results on the same build. It never
// reads a clock: a caller that wants seconds measures them itself.
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/nn/batch.hpp"
#include "core/nn/evaluate.hpp"
#include "core/nn/idx.hpp"
#include "core/nn/model.hpp"
#include "core/nn/optimizer.hpp"
#include "core/nn/rng.hpp"
#include "core/nn/softmax_xent.hpp"
#include "core/nn/spec.hpp"

namespace reglab::nn {

struct TrainConfig {
  ModelSpec model;
  OptimizerConfig optimizer = AdamConfig{};
  int epochs = 5;                   // 1..100000
  int batch_size = 32;              // 1..65536
  double validation_split = 0;      // test_size of train_test_split, in [0, 1); 0 = none
  std::uint32_t split_seed = 101;   // its random_state
  double input_divisor = 255;       // pixel / divisor; 65025 replays the post's double division
  int train_limit = 0;              // use only the first N images (before the split); 0 = all
  std::uint32_t seed = 1;           // the trainer's Rng
  int early_stopping_patience = 0;  // epochs without a better val_loss; 0 = off
};

// Throws reglab::InputError naming the first bad setting.
void validate(const TrainConfig& config);

struct EpochMetrics {
  int epoch = 0;  // 1-based
  double loss = 0, accuracy = 0;  // running means over the epoch, training mode
  std::optional<double> val_loss, val_accuracy;  // after the epoch, inference mode
  std::optional<double> seconds;  // never set by the core: the caller times epochs
};

struct Progress {
  int epoch = 0;               // 1-based epoch of the last batch run (0 before any)
  int batch_in_epoch = 0;      // batches done in that epoch
  int batches_per_epoch = 0;
  double loss = 0, accuracy = 0;  // running means over that epoch so far
  bool epoch_finished = false;  // this run() ended an epoch: history().back() is its record
  bool done = false;            // nothing left to run
  bool diverged = false;        // stopped: a batch loss was NaN or infinite
  bool stopped_early = false;   // stopped by early stopping (best weights restored)
};

class Trainer {
 public:
  // Validates the config (InputError), checks the data fit the model, splits
  // train/validation with reglab::train_test_split and initializes the model.
  // The dataset is shared, never copied or changed.
  Trainer(std::shared_ptr<const Dataset> data, TrainConfig config);
  Trainer(const Trainer&) = delete;
  Trainer& operator=(const Trainer&) = delete;

  // Runs up to max_batches (>= 1) training steps; returns early at the end
  // of an epoch (after its validation) and when training is done.
  Progress run(int max_batches);
  // Runs everything that is left; returns the last progress.
  Progress run_to_end();

  Progress progress() const;
  bool done() const { return done_; }
  const std::vector<EpochMetrics>& history() const { return history_; }
  int best_epoch() const { return best_epoch_; }  // early stopping: epoch of the kept weights

  const TrainConfig& config() const { return config_; }
  Model<float>& model() { return model_; }
  const Model<float>& model() const { return model_; }
  const std::vector<int>& train_rows() const { return train_rows_; }
  const std::vector<int>& validation_rows() const { return validation_rows_; }
  int batches_per_epoch() const { return batches_per_epoch_; }

  // Inference-mode evaluation with the config's input scaling (e.g. the test set).
  Evaluation evaluate(const Dataset& data);
  Evaluation evaluate(const Dataset& data, const std::vector<int>& rows);

 private:
  void start_epoch();
  void train_batch();
  void finish_epoch();

  std::shared_ptr<const Dataset> data_;
  TrainConfig config_;
  PixelTable pixel_table_;
  std::vector<int> train_rows_, validation_rows_;
  Rng rng_;
  Model<float> model_;
  SoftmaxCrossEntropy<float> head_;
  Optimizer<float> optimizer_;
  Batch batch_;
  EvalWorkspace eval_;

  int batches_per_epoch_ = 0;
  std::vector<int> order_;  // this epoch's shuffled training rows
  int epoch_ = 0;           // current (or last) epoch, 1-based
  int batch_in_epoch_ = 0;
  double loss_sum_ = 0;     // sum over the epoch's batches of batch loss * batch size
  long correct_ = 0, seen_ = 0;
  std::vector<EpochMetrics> history_;
  bool done_ = false, diverged_ = false, stopped_early_ = false;

  // early stopping
  double best_val_loss_;
  int wait_ = 0, best_epoch_ = 0;
  std::vector<float> best_values_, best_state_;
};

}  // namespace reglab::nn
