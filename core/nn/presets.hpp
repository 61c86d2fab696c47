#pragma once
// The post's six Keras runs (docs: ../shared/seed/EXPERIMENTS.md, Part 2),
// with exactly its settings, for the CLI (`reglab train --preset ID`) and the
// page alike. The seed is ours (Keras' was not fixed).
#include <string>
#include <vector>

#include "core/nn/trainer.hpp"

namespace reglab::nn {

struct Preset {
  std::string id;           // e.g. "dropout-0.9-5ep"
  std::string experiment;   // the post's experiment id, N1..N6
  std::string description;  // one line
  TrainConfig config;
};

std::vector<Preset> presets();

// Fashion-MNIST's ten class names, by label.
std::vector<std::string> fashion_mnist_class_names();

// Throws InputError listing the valid ids.
const Preset& find_preset(const std::vector<Preset>& all, const std::string& id);
TrainConfig preset_config(const std::string& id);

}  // namespace reglab::nn
