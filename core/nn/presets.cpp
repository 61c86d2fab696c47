#include "core/nn/presets.hpp"

#include "core/errors.hpp"

namespace reglab::nn {

namespace {

TrainConfig config(std::vector<int> hidden, double dropout, bool batchnorm, int epochs,
                   int batch_size, double validation_split, double input_divisor) {
  TrainConfig c;
  c.model.hidden = std::move(hidden);
  c.model.dropout = dropout;
  c.model.batchnorm = batchnorm;
  c.optimizer = AdamConfig{};  // Keras 'adam': lr 1e-3, 0.9, 0.999, 1e-7
  c.epochs = epochs;
  c.batch_size = batch_size;
  c.validation_split = validation_split;
  c.split_seed = 101;
  c.input_divisor = input_divisor;
  return c;
}

}  // namespace

std::vector<Preset> presets() {
  return {
      {"dropout-0.9-5ep", "N1",
       "Dense(128, relu) -> Dropout(0.9) -> Dense(10); 5 epochs, batch 32, all 60,000 images /255",
       config({128}, 0.9, false, 5, 32, 0, 255)},
      {"no-dropout-5ep", "N2", "N1 without dropout",
       config({128}, 0, false, 5, 32, 0, 255)},
      {"overfit-no-dropout-200ep", "N3",
       "Dense(256, relu) -> Dense(10); split 0.01 (seed 101); images /255 twice; 200 epochs, "
       "batch 512",
       config({256}, 0, false, 200, 512, 0.01, 65025)},
      {"overfit-dropout-0.5-200ep", "N4", "N3 with Dropout(0.5)",
       config({256}, 0.5, false, 200, 512, 0.01, 65025)},
      {"no-batchnorm-20ep", "N5",
       "Dense(128, relu) -> Dense(10); split 0.3 (seed 101); images /255; 20 epochs, batch 2048",
       config({128}, 0, false, 20, 2048, 0.3, 255)},
      {"batchnorm-20ep", "N6", "N5 with BatchNormalization after the ReLU",
       config({128}, 0, true, 20, 2048, 0.3, 255)},
  };
}

std::vector<std::string> fashion_mnist_class_names() {
  return {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
          "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
}

const Preset& find_preset(const std::vector<Preset>& all, const std::string& id) {
  for (const Preset& p : all)
    if (p.id == id) return p;
  std::string ids;
  for (const Preset& p : all) ids += (ids.empty() ? "" : ", ") + p.id;
  throw InputError("unknown preset '" + id + "' (one of: " + ids + ")");
}

TrainConfig preset_config(const std::string& id) { return find_preset(presets(), id).config; }

}  // namespace reglab::nn
