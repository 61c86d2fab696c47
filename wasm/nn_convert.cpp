#include "wasm/nn_convert.hpp"

#include <cmath>
#include <string>
#include <variant>

#include "core/errors.hpp"
#include "wasm/convert.hpp"

namespace reglab::wasm {
namespace {

std::uint32_t uint32_or(const val& js, const char* key, std::uint32_t fallback) {
  const double x = number_or(js, key, fallback);
  if (!(x >= 0.0 && x <= 4294967295.0 && x == std::floor(x)))
    throw InputError(std::string(key) + " must be a whole number from 0 to 4294967295");
  return static_cast<std::uint32_t>(x);
}

std::vector<int> whole_numbers(const val& array, const char* what) {
  const std::vector<double> values = to_doubles(array, what);
  std::vector<int> out;
  out.reserve(values.size());
  for (double x : values) {
    if (x != std::floor(x) || std::fabs(x) > 2147483647.0)
      throw InputError(std::string(what) + " must be whole numbers");
    out.push_back(static_cast<int>(x));
  }
  return out;
}

nn::OptimizerConfig to_optimizer(const val& js) {
  const std::string name = string_or(js, "optimizer", "adam");
  if (name == "adam") {
    nn::AdamConfig adam;
    adam.learning_rate = number_or(js, "learning_rate", adam.learning_rate);
    adam.beta1 = number_or(js, "beta1", adam.beta1);
    adam.beta2 = number_or(js, "beta2", adam.beta2);
    adam.epsilon = number_or(js, "epsilon", adam.epsilon);
    return adam;
  }
  if (name == "sgd") {
    nn::SgdConfig sgd;
    sgd.learning_rate = number_or(js, "learning_rate", sgd.learning_rate);
    sgd.momentum = number_or(js, "momentum", sgd.momentum);
    return sgd;
  }
  throw InputError("optimizer must be 'adam' or 'sgd', got '" + name + "'");
}

template <class T>
val copy_typed(const char* ctor, const T* data, std::size_t n) {
  return val::global(ctor).new_(emscripten::typed_memory_view(n, data));
}

}  // namespace

nn::TrainConfig to_train_config(const val& js) {
  require_object(js, "the training configuration");
  nn::TrainConfig c;
  if (has(js, "hidden")) c.model.hidden = whole_numbers(js["hidden"], "hidden");
  c.model.dropout = number_or(js, "dropout", c.model.dropout);
  c.model.batchnorm = bool_or(js, "batchnorm", c.model.batchnorm);
  c.model.l1 = number_or(js, "l1", c.model.l1);
  c.model.l2 = number_or(js, "l2", c.model.l2);
  c.optimizer = to_optimizer(js);
  c.epochs = int_or(js, "epochs", c.epochs);
  c.batch_size = int_or(js, "batch_size", c.batch_size);
  c.validation_split = number_or(js, "validation_split", c.validation_split);
  c.split_seed = uint32_or(js, "split_seed", c.split_seed);
  c.input_divisor = number_or(js, "input_divisor", c.input_divisor);
  c.train_limit = int_or(js, "train_limit", c.train_limit);
  c.seed = uint32_or(js, "seed", c.seed);
  c.early_stopping_patience = int_or(js, "early_stopping_patience", c.early_stopping_patience);
  return c;
}

val to_js(const nn::ModelSpec& s) {
  val out = val::object();
  out.set("inputs", s.inputs);
  val hidden = val::array();
  for (std::size_t i = 0; i < s.hidden.size(); ++i) hidden.set(i, s.hidden[i]);
  out.set("hidden", hidden);
  out.set("classes", s.classes);
  out.set("dropout", s.dropout);
  out.set("batchnorm", s.batchnorm);
  out.set("l1", s.l1);
  out.set("l2", s.l2);
  return out;
}

val to_js(const nn::TrainConfig& c) {
  val out = val::object();
  val hidden = val::array();
  for (std::size_t i = 0; i < c.model.hidden.size(); ++i) hidden.set(i, c.model.hidden[i]);
  out.set("hidden", hidden);
  out.set("dropout", c.model.dropout);
  out.set("batchnorm", c.model.batchnorm);
  out.set("l1", c.model.l1);
  out.set("l2", c.model.l2);
  if (const auto* adam = std::get_if<nn::AdamConfig>(&c.optimizer)) {
    out.set("optimizer", std::string("adam"));
    out.set("learning_rate", adam->learning_rate);
    out.set("beta1", adam->beta1);
    out.set("beta2", adam->beta2);
    out.set("epsilon", adam->epsilon);
  } else {
    const auto& sgd = std::get<nn::SgdConfig>(c.optimizer);
    out.set("optimizer", std::string("sgd"));
    out.set("learning_rate", sgd.learning_rate);
    out.set("momentum", sgd.momentum);
  }
  out.set("epochs", c.epochs);
  out.set("batch_size", c.batch_size);
  out.set("validation_split", c.validation_split);
  out.set("split_seed", static_cast<double>(c.split_seed));
  out.set("input_divisor", c.input_divisor);
  out.set("train_limit", c.train_limit);
  out.set("seed", static_cast<double>(c.seed));
  out.set("early_stopping_patience", c.early_stopping_patience);
  return out;
}

val to_js(const nn::Preset& p) {
  val out = val::object();
  out.set("id", p.id);
  out.set("experiment", p.experiment);
  out.set("description", p.description);
  out.set("config", to_js(p.config));
  return out;
}

val to_js(const nn::EpochMetrics& m) {
  val out = val::object();
  out.set("epoch", m.epoch);
  out.set("loss", m.loss);
  out.set("accuracy", m.accuracy);
  out.set("val_loss", m.val_loss ? val(*m.val_loss) : val::null());
  out.set("val_accuracy", m.val_accuracy ? val(*m.val_accuracy) : val::null());
  return out;
}

val to_js(const nn::Progress& p) {
  val out = val::object();
  out.set("epoch", p.epoch);
  out.set("batch_in_epoch", p.batch_in_epoch);
  out.set("batches_per_epoch", p.batches_per_epoch);
  out.set("loss", p.loss);
  out.set("accuracy", p.accuracy);
  out.set("epoch_finished", p.epoch_finished);
  out.set("done", p.done);
  out.set("diverged", p.diverged);
  out.set("stopped_early", p.stopped_early);
  return out;
}

val to_js(const nn::Evaluation& e) {
  val out = val::object();
  out.set("count", e.count);
  out.set("classes", e.classes);
  out.set("loss", e.loss);
  out.set("accuracy", e.accuracy);
  const std::vector<double> per_class = e.per_class_accuracy();
  out.set("per_class", copy_typed("Float64Array", per_class.data(), per_class.size()));
  out.set("class_count", copy_typed("Int32Array", e.class_count.data(), e.class_count.size()));
  out.set("confusion", copy_typed("Int32Array", e.confusion.data(), e.confusion.size()));
  return out;
}

std::vector<int> to_rows(const val& rows, const char* what) {
  if (rows.instanceof(val::global("Int32Array")))
    return emscripten::convertJSArrayToNumberVector<int>(rows);
  if (!rows.isArray()) throw InputError(std::string(what) + " must be an array of row numbers");
  return whole_numbers(rows, what);
}

val to_float32_array(const float* data, std::size_t n) { return copy_typed("Float32Array", data, n); }

val to_uint8_array(const std::uint8_t* data, std::size_t n) {
  return copy_typed("Uint8Array", data, n);
}

}  // namespace reglab::wasm
