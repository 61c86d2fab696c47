#pragma once
// Conversions between JS objects and the NN core's settings and results
// (core/nn/*). Key names are snake_case, as the CLI's `reglab train
// --json-lines`, so a worker's numbers and the CLI's compare 1:1. Nothing
// here computes anything.
#include <emscripten/val.h>

#include <cstdint>
#include <vector>

#include "core/nn/evaluate.hpp"
#include "core/nn/presets.hpp"
#include "core/nn/trainer.hpp"

namespace reglab::wasm {

using emscripten::val;

// {hidden: [128], dropout, batchnorm, l1, l2, optimizer: 'adam' | 'sgd',
//  learning_rate, beta1, beta2, epsilon (adam), momentum (sgd), epochs,
//  batch_size, validation_split, split_seed, input_divisor, train_limit, seed,
//  early_stopping_patience}. Missing keys keep TrainConfig's defaults; a key
// of the wrong type or out of range is an InputError (the core validates the
// ranges). inputs and classes come from the data, not from here.
nn::TrainConfig to_train_config(const val& js);
val to_js(const nn::TrainConfig& config);  // the same shape, every key present

// {id, experiment, description, config}
val to_js(const nn::Preset& preset);

// {epoch, loss, accuracy, val_loss, val_accuracy}: val_* null without validation
val to_js(const nn::EpochMetrics& metrics);
// {epoch, batch_in_epoch, batches_per_epoch, loss, accuracy, epoch_finished,
//  done, diverged, stopped_early}
val to_js(const nn::Progress& progress);
// {count, classes, loss, accuracy, per_class: Float64Array, class_count:
//  Int32Array, confusion: Int32Array (classes x classes, [true][predicted])}
val to_js(const nn::Evaluation& evaluation);

// {inputs, hidden: [..], classes, dropout, batchnorm, l1, l2}
val to_js(const nn::ModelSpec& spec);

// Int32Array or Array of whole numbers -> rows.
std::vector<int> to_rows(const val& rows, const char* what);

// Copies into a fresh JS typed array (never a view of the wasm heap).
val to_float32_array(const float* data, std::size_t n);
val to_uint8_array(const std::uint8_t* data, std::size_t n);

}  // namespace reglab::wasm
