#include "core/nn/trainer.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

#include "core/errors.hpp"
#include "core/nn/format.hpp"
#include "core/split.hpp"

namespace reglab::nn {

namespace {

constexpr int kMinEvalChunk = 256;

const TrainConfig& validated(const TrainConfig& c) {
  validate(c);
  return c;
}

int eval_chunk(const TrainConfig& c) { return std::max(c.batch_size, kMinEvalChunk); }

// The first train_limit rows, split like sklearn's train_test_split.
void split_rows(const Dataset& data, const TrainConfig& c, std::vector<int>& train,
                std::vector<int>& validation) {
  const int n = c.train_limit > 0 ? std::min(c.train_limit, data.count) : data.count;
  if (c.validation_split > 0) {
    Split s = train_test_split(n, c.validation_split, c.split_seed);
    train = std::move(s.train);
    validation = std::move(s.test);
  } else {
    train.resize(n);
    std::iota(train.begin(), train.end(), 0);
  }
  if (train.empty()) throw InputError("train: no training images");
}

}  // namespace

void validate(const TrainConfig& c) {
  validate(c.model);
  validate(c.optimizer);
  if (c.epochs < 1 || c.epochs > 100000)
    throw InputError("train: epochs must be in 1..100000, got " + std::to_string(c.epochs));
  if (c.batch_size < 1 || c.batch_size > 65536)
    throw InputError("train: batch size must be in 1..65536, got " + std::to_string(c.batch_size));
  if (!std::isfinite(c.validation_split) || c.validation_split < 0 || c.validation_split >= 1)
    throw InputError("train: validation split must be in [0, 1), got " +
                     format_number(c.validation_split));
  validate_input_divisor(c.input_divisor);
  if (c.train_limit < 0)
    throw InputError("train: train limit must be >= 0 (0 = all images), got " +
                     std::to_string(c.train_limit));
  if (c.early_stopping_patience < 0)
    throw InputError("train: early-stopping patience must be >= 0, got " +
                     std::to_string(c.early_stopping_patience));
  if (c.early_stopping_patience > 0 && c.validation_split == 0)
    throw InputError("train: early stopping watches val_loss and needs a validation split > 0");
}

Trainer::Trainer(std::shared_ptr<const Dataset> data, TrainConfig config)
    : data_(std::move(data)),
      config_(validated(config)),
      pixel_table_(make_pixel_table(config_.input_divisor)),
      rng_(config_.seed),
      model_(config_.model),
      head_(config_.model.classes),
      optimizer_(config_.optimizer, model_.values().size()),
      batch_(config_.batch_size, config_.model.inputs),
      eval_(eval_chunk(config_), config_.model.inputs, config_.model.classes),
      best_val_loss_(std::numeric_limits<double>::infinity()) {
  if (!data_) throw InputError("train: no data");
  check_data_fits(config_.model, *data_, "train");
  split_rows(*data_, config_, train_rows_, validation_rows_);
  batches_per_epoch_ =
      static_cast<int>((train_rows_.size() + config_.batch_size - 1) / config_.batch_size);
  model_.reserve(eval_chunk(config_));
  head_.reserve(config_.batch_size);
  model_.init(rng_);
  order_ = train_rows_;
  if (config_.early_stopping_patience > 0) {
    best_values_ = model_.values();
    best_state_ = model_.state();
  }
}

void Trainer::start_epoch() {
  ++epoch_;
  batch_in_epoch_ = 0;
  loss_sum_ = 0;
  correct_ = seen_ = 0;
  rng_.shuffle(order_);
}

void Trainer::train_batch() {
  const std::size_t start = static_cast<std::size_t>(batch_in_epoch_) * config_.batch_size;
  const int n = static_cast<int>(std::min<std::size_t>(config_.batch_size, order_.size() - start));
  gather_batch(*data_, order_.data() + start, n, pixel_table_, batch_);
  const ConstView<float> x = batch_.inputs();

  model_.zero_grad();
  const LossSum ls = head_.forward(model_.forward_train(x, rng_), batch_.labels.data());
  const double loss = ls.loss_sum / n + model_.penalty();
  ++batch_in_epoch_;
  if (!std::isfinite(loss)) {
    diverged_ = done_ = true;
    loss_sum_ += loss * n;
    seen_ += n;
    return;
  }
  model_.backward(x, head_.backward(batch_.labels.data(), n));
  model_.update_moving_stats();
  optimizer_.step(model_.values(), model_.grads());

  loss_sum_ += loss * n;
  correct_ += ls.correct;
  seen_ += n;
}

void Trainer::finish_epoch() {
  EpochMetrics m;
  m.epoch = epoch_;
  m.loss = loss_sum_ / seen_;
  m.accuracy = static_cast<double>(correct_) / seen_;
  if (!validation_rows_.empty()) {
    const Evaluation v = nn::evaluate(model_, *data_, validation_rows_, pixel_table_, eval_);
    m.val_loss = v.loss;
    m.val_accuracy = v.accuracy;
  }
  history_.push_back(m);
  if (epoch_ >= config_.epochs) done_ = true;

  if (config_.early_stopping_patience > 0) {
    if (*m.val_loss < best_val_loss_) {
      best_val_loss_ = *m.val_loss;
      best_epoch_ = epoch_;
      wait_ = 0;
      std::copy(model_.values().begin(), model_.values().end(), best_values_.begin());
      std::copy(model_.state().begin(), model_.state().end(), best_state_.begin());
    } else if (++wait_ >= config_.early_stopping_patience) {
      stopped_early_ = done_ = true;  // the layers' views stay valid: copy, never reassign
      std::copy(best_values_.begin(), best_values_.end(), model_.values().begin());
      std::copy(best_state_.begin(), best_state_.end(), model_.state().begin());
    }
  }
}

Progress Trainer::run(int max_batches) {
  if (max_batches < 1)
    throw InputError("train: run() needs max_batches >= 1, got " + std::to_string(max_batches));
  bool finished = false;
  for (int k = 0; k < max_batches && !done_; ++k) {
    if (epoch_ == 0 || batch_in_epoch_ == batches_per_epoch_) start_epoch();
    train_batch();
    if (diverged_) break;
    if (batch_in_epoch_ == batches_per_epoch_) {
      finish_epoch();
      finished = true;
      break;
    }
  }
  Progress p = progress();
  p.epoch_finished = finished;
  return p;
}

Progress Trainer::run_to_end() {
  Progress p = progress();
  while (!done_) p = run(batches_per_epoch_);
  return p;
}

Progress Trainer::progress() const {
  Progress p;
  p.epoch = epoch_;
  p.batch_in_epoch = batch_in_epoch_;
  p.batches_per_epoch = batches_per_epoch_;
  if (seen_ > 0) {
    p.loss = loss_sum_ / seen_;
    p.accuracy = static_cast<double>(correct_) / seen_;
  }
  p.done = done_;
  p.diverged = diverged_;
  p.stopped_early = stopped_early_;
  return p;
}

Evaluation Trainer::evaluate(const Dataset& data) { return evaluate(data, all_rows(data)); }

Evaluation Trainer::evaluate(const Dataset& data, const std::vector<int>& rows) {
  check_data_fits(config_.model, data, "evaluate");
  for (int r : rows)
    if (r < 0 || r >= data.count)
      throw InputError("evaluate: row " + std::to_string(r) + " is outside 0.." +
                       std::to_string(data.count - 1));
  return nn::evaluate(model_, data, rows, pixel_table_, eval_);
}

}  // namespace reglab::nn
