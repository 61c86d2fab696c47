#pragma once
// The Fashion-MNIST lab as one embind class: the data sets a worker loaded
// and the trainer of the current run. Each method converts its arguments,
// calls the core and converts the result; a C++ exception is caught and
// *returned* as a JS Error (wasm/reglab_nn.js throws it), never thrown across
// the wasm boundary (see wasm/CMakeLists.txt).
//
// Bytes in: stage(n) returns a Uint8Array *view* of an n-byte buffer on the
// wasm heap; the caller copies the (gunzipped) IDX file into it at once, then
// calls loadImages / loadLabels, which parse it with the core and free it.
// Nothing else ever hands out a view: results are copied into fresh arrays.
#include <emscripten/val.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/nn/idx.hpp"
#include "core/nn/trainer.hpp"

namespace reglab::wasm {

using emscripten::val;

class NnLab {
 public:
  // A Uint8Array view of a fresh n-byte staging buffer (invalid after the next call).
  val stage(double n);
  // Loading is all or nothing: loadImages / loadLabels parse into a pending
  // data set per split; commitData() then swaps them in at once and drops
  // the model. A bad file
  // throws and leaves the loaded data and the model as they were
  // (discardPending() frees what was parsed before it).
  //
  // Parses the staged bytes as an IDX image file for split "train" or "test".
  // -> {split, count, rows, cols}
  val loadImages(std::string split);
  // Parses the staged bytes as labels and pairs them with that split's images.
  // -> {split, count, features, rows, cols, classes}
  val loadLabels(std::string split, int classes);
  // Makes the pending splits the data. replace_both: both splits are replaced
  // (train must be pending; no test pending: no test data); otherwise a split
  // with nothing pending stays. -> dataInfo()
  val commitData(bool replace_both);
  void discardPending();
  // -> {train: {count, features, rows, cols, classes} | null, test: ... | null}
  val dataInfo() const;

  // A new trainer on the train split (the previous one is dropped first).
  // -> {config, batches_per_epoch, train_count, validation_count, parameters}
  val configure(val config);
  // Up to max_batches steps (Trainer::run). -> progress, plus `metrics` (the
  // epoch's record) when the call ended an epoch.
  val run(int max_batches);
  val progress() const;  // the trainer's progress; null without a trainer
  val history() const;   // [metrics per epoch]
  int bestEpoch() const;

  // Test-set evaluation of the current model. -> to_js(Evaluation)
  val evaluateTest();
  // Softmax probabilities of test rows: Float32Array (rows, classes).
  val predictTest(val rows);
  // Pixels of images of a split: Uint8Array (rows, features).
  val pixels(std::string split, val rows) const;
  // Labels of images of a split: Uint8Array (rows).
  val labels(std::string split, val rows) const;
  // The first Dense kernel as images: {units, rows, cols, values: Float32Array (units, inputs)}.
  val firstLayerImages() const;
  // The model as bytes (core/nn/serialize.hpp): Uint8Array.
  val saveModel() const;
  // Parses the staged bytes as a model file (core/nn/serialize.hpp: the core
  // checks magic, version, checksum and architecture) and evaluates it on the
  // test split. The current run is left alone.
  // -> {model: to_js(ModelSpec), input_divisor, parameters, test: to_js(Evaluation) | null}
  val loadModel();
  // The trainable values, one Float32Array in registry order.
  val weights() const;

  // Bytes of the wasm memory (its high-water mark: wasm memory never shrinks).
  double heapBytes() const;

 private:
  struct Split {
    std::optional<nn::ImageSet> images;            // parsed, waiting for labels
    std::shared_ptr<const nn::Dataset> pending;    // parsed, waiting for commitData()
    std::shared_ptr<const nn::Dataset> data;
  };
  Split& split_named(const std::string& name);
  const Split& split_named(const std::string& name) const;
  nn::Trainer& trainer();
  const nn::Trainer& trainer() const;

  std::vector<std::uint8_t> staging_;
  Split train_, test_;
  std::unique_ptr<nn::Trainer> trainer_;
};

// The post's six runs: [{id, experiment, description, config}].
val nn_presets();
// TrainConfig's defaults, as to_js(TrainConfig).
val nn_default_config();

}  // namespace reglab::wasm
