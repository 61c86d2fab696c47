#include "wasm/nn_lab.hpp"

#include <emscripten/heap.h>

#include <cmath>
#include <exception>

#include "core/errors.hpp"
#include "core/nn/evaluate.hpp"
#include "core/nn/presets.hpp"
#include "core/nn/serialize.hpp"
#include "wasm/convert.hpp"
#include "wasm/nn_convert.hpp"

namespace reglab::wasm {
namespace {

val data_info(const nn::Dataset* data) {
  if (!data) return val::null();
  val out = val::object();
  out.set("count", data->count);
  out.set("features", data->features);
  out.set("rows", data->rows);
  out.set("cols", data->cols);
  out.set("classes", data->classes);
  return out;
}

}  // namespace

NnLab::Split& NnLab::split_named(const std::string& name) {
  if (name == "train") return train_;
  if (name == "test") return test_;
  throw InputError("split must be 'train' or 'test', got '" + name + "'");
}

const NnLab::Split& NnLab::split_named(const std::string& name) const {
  return const_cast<NnLab*>(this)->split_named(name);
}

nn::Trainer& NnLab::trainer() {
  if (!trainer_) throw InputError("no model yet: configure a run first");
  return *trainer_;
}

const nn::Trainer& NnLab::trainer() const { return const_cast<NnLab*>(this)->trainer(); }

val NnLab::stage(double n) {
  return guarded([&] {
    if (!(n >= 1 && n <= 1024.0 * 1024 * 1024 && n == std::floor(n)))
      throw InputError("a data file must have 1 byte to 1 GiB, got " + std::to_string(n));
    staging_.clear();
    staging_.shrink_to_fit();
    staging_.resize(static_cast<std::size_t>(n));
    return val(emscripten::typed_memory_view(staging_.size(), staging_.data()));
  });
}

val NnLab::loadImages(std::string split) {
  return guarded([&] {
    Split& s = split_named(split);
    s.images.reset();
    s.pending.reset();
    if (staging_.empty()) throw InputError(split + " images: nothing staged");
    std::vector<std::uint8_t> bytes = std::move(staging_);
    staging_ = {};
    nn::ImageSet images = nn::parse_idx_images(std::move(bytes));  // takes the buffer over: no 2nd copy
    val out = val::object();
    out.set("split", split);
    out.set("count", images.count);
    out.set("rows", images.rows);
    out.set("cols", images.cols);
    s.images = std::move(images);
    return out;
  });
}

val NnLab::loadLabels(std::string split, int classes) {
  return guarded([&] {
    Split& s = split_named(split);
    if (!s.images) throw InputError(split + " labels: load the " + split + " images first");
    if (staging_.empty()) throw InputError(split + " labels: nothing staged");
    const std::vector<std::uint8_t> bytes = std::move(staging_);
    staging_ = {};
    std::vector<std::uint8_t> labels = nn::parse_idx_labels(bytes.data(), bytes.size(), classes);
    nn::ImageSet images = std::move(*s.images);
    s.images.reset();
    s.pending = std::make_shared<const nn::Dataset>(nn::make_dataset(std::move(images), std::move(labels), classes));
    val out = data_info(s.pending.get());
    out.set("split", split);
    return out;
  });
}

val NnLab::commitData(bool replace_both) {
  return guarded([&] {
    if (replace_both && !train_.pending) throw InputError("the training images and labels are needed");
    if (train_.pending) trainer_.reset();  // its model was made for the old data
    for (Split* s : {&train_, &test_})
      if (replace_both || s->pending) s->data = std::move(s->pending);
    discardPending();
    return dataInfo();
  });
}

void NnLab::discardPending() {
  for (Split* s : {&train_, &test_}) {
    s->images.reset();
    s->pending.reset();
  }
  std::vector<std::uint8_t>().swap(staging_);
}

val NnLab::dataInfo() const {
  val out = val::object();
  out.set("train", data_info(train_.data.get()));
  out.set("test", data_info(test_.data.get()));
  return out;
}

val NnLab::configure(val js) {
  return guarded([&] {
    nn::TrainConfig config = to_train_config(js);
    if (!train_.data) throw InputError("no training data: load the data first");
    config.model.inputs = train_.data->features;
    config.model.classes = train_.data->classes;
    nn::validate(config);  // a bad config keeps the current model
    trainer_.reset();       // frees the old model before the new one is built
    trainer_ = std::make_unique<nn::Trainer>(train_.data, config);
    val out = val::object();
    out.set("config", to_js(trainer_->config()));
    out.set("batches_per_epoch", trainer_->batches_per_epoch());
    out.set("train_count", static_cast<int>(trainer_->train_rows().size()));
    out.set("validation_count", static_cast<int>(trainer_->validation_rows().size()));
    out.set("parameters", static_cast<double>(nn::trainable_parameter_count(config.model)));
    return out;
  });
}

val NnLab::run(int max_batches) {
  return guarded([&] {
    nn::Trainer& t = trainer();
    const nn::Progress p = t.run(max_batches);
    val out = to_js(p);
    if (p.epoch_finished) out.set("metrics", to_js(t.history().back()));
    return out;
  });
}

val NnLab::progress() const {
  return trainer_ ? to_js(trainer_->progress()) : val::null();
}

val NnLab::history() const {
  val out = val::array();
  if (!trainer_) return out;
  const auto& h = trainer_->history();
  for (std::size_t i = 0; i < h.size(); ++i) out.set(i, to_js(h[i]));
  return out;
}

int NnLab::bestEpoch() const { return trainer_ ? trainer_->best_epoch() : 0; }

val NnLab::evaluateTest() {
  return guarded([&] {
    if (!test_.data) throw InputError("no test data loaded");
    return to_js(trainer().evaluate(*test_.data));
  });
}

val NnLab::predictTest(val js_rows) {
  return guarded([&] {
    if (!test_.data) throw InputError("no test data loaded");
    nn::Trainer& t = trainer();
    const std::vector<int> rows = to_rows(js_rows, "rows");
    const nn::Matrix<float> probs =
        nn::predict_proba(t.model(), *test_.data, rows, t.config().input_divisor);
    return to_float32_array(probs.data(), static_cast<std::size_t>(probs.size()));
  });
}

val NnLab::pixels(std::string split, val js_rows) const {
  return guarded([&] {
    const Split& s = split_named(split);
    if (!s.data) throw InputError("no " + split + " data loaded");
    const std::vector<int> rows = to_rows(js_rows, "rows");
    const nn::Dataset& d = *s.data;
    std::vector<std::uint8_t> out;
    out.reserve(rows.size() * static_cast<std::size_t>(d.features));
    for (int r : rows) {
      if (r < 0 || r >= d.count)
        throw InputError("row " + std::to_string(r) + " is outside 0.." + std::to_string(d.count - 1));
      const auto* first = d.pixels.data() + static_cast<std::size_t>(r) * d.features;
      out.insert(out.end(), first, first + d.features);
    }
    return to_uint8_array(out.data(), out.size());
  });
}

val NnLab::labels(std::string split, val js_rows) const {
  return guarded([&] {
    const Split& s = split_named(split);
    if (!s.data) throw InputError("no " + split + " data loaded");
    const std::vector<int> rows = to_rows(js_rows, "rows");
    std::vector<std::uint8_t> out;
    out.reserve(rows.size());
    for (int r : rows) {
      if (r < 0 || r >= s.data->count)
        throw InputError("row " + std::to_string(r) + " is outside 0.." + std::to_string(s.data->count - 1));
      out.push_back(s.data->labels[static_cast<std::size_t>(r)]);
    }
    return to_uint8_array(out.data(), out.size());
  });
}

val NnLab::firstLayerImages() const {
  return guarded([&] {
    const nn::Trainer& t = trainer();
    const nn::Matrix<float> images = nn::first_layer_images(t.model());  // (units, inputs)
    val out = val::object();
    out.set("units", static_cast<int>(images.rows()));
    out.set("inputs", static_cast<int>(images.cols()));
    out.set("rows", train_.data ? train_.data->rows : 0);
    out.set("cols", train_.data ? train_.data->cols : 0);
    out.set("values", to_float32_array(images.data(), static_cast<std::size_t>(images.size())));
    return out;
  });
}

val NnLab::saveModel() const {
  return guarded([&] {
    const nn::Trainer& t = trainer();
    const std::vector<std::uint8_t> bytes = nn::save_model(t.model(), t.config().input_divisor);
    return to_uint8_array(bytes.data(), bytes.size());
  });
}

val NnLab::loadModel() {
  return guarded([&] {
    if (staging_.empty()) throw InputError("model file: nothing staged");
    const std::vector<std::uint8_t> bytes = std::move(staging_);
    staging_ = {};
    const nn::SavedModel saved = nn::parse_model(bytes.data(), bytes.size());
    nn::Model<float> model = nn::build_model(saved);
    val out = val::object();
    out.set("model", to_js(saved.spec));
    out.set("input_divisor", saved.input_divisor);
    out.set("parameters", static_cast<double>(saved.values.size()));
    // nn::evaluate refuses images of another size or more classes than the model's.
    out.set("test", test_.data ? to_js(nn::evaluate(model, *test_.data, saved.input_divisor)) : val::null());
    return out;
  });
}

val NnLab::weights() const {
  return guarded([&] {
    const std::vector<float>& v = trainer().model().values();
    return to_float32_array(v.data(), v.size());
  });
}

double NnLab::heapBytes() const { return static_cast<double>(emscripten_get_heap_size()); }

val nn_presets() {
  return guarded([] {
    val out = val::array();
    const std::vector<nn::Preset> all = nn::presets();
    for (std::size_t i = 0; i < all.size(); ++i) out.set(i, to_js(all[i]));
    return out;
  });
}

val nn_default_config() {
  return guarded([] { return to_js(nn::TrainConfig{}); });
}

}  // namespace reglab::wasm
