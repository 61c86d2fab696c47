// Native training throughput of the nn core: samples/s for 784-128-10 and
// 784-256-10 at batch sizes 32, 512 and 2048 (Adam, no validation), on real
// Fashion-MNIST images. Prints one JSON object.
//
//   native_train [--data-dir DIR] [--samples N] [--epochs E]
//
// Each configuration trains E epochs over the first N training images and
// reports the median epoch (the first epoch included: there is no warm-up
// effect worth removing, caches are sized before the first batch).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/io/files.hpp"
#include "core/nn/idx.hpp"
#include "core/nn/trainer.hpp"

namespace {

using Json = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

std::string vector_isa() {
#if defined(__AVX512F__)
  return "avx512";
#elif defined(__AVX2__)
  return "avx2";
#elif defined(__SSE2__)
  return "sse2";
#else
  return "scalar";
#endif
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = "/usr/share/datasets/fashion-mnist";
  int samples = 30000, epochs = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--data-dir")) dir = argv[i + 1];
    else if (!std::strcmp(argv[i], "--samples")) samples = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--epochs")) epochs = std::atoi(argv[i + 1]);
    else {
      std::cerr << "usage: native_train [--data-dir DIR] [--samples N] [--epochs E]\n";
      return 2;
    }
  }
  try {
    const auto images = reglab::io::read_maybe_gzip(dir + "/train-images-idx3-ubyte.gz");
    const auto labels = reglab::io::read_maybe_gzip(dir + "/train-labels-idx1-ubyte.gz");
    const auto data = std::make_shared<const reglab::nn::Dataset>(reglab::nn::make_dataset(
        reglab::nn::parse_idx_images(images.data(), images.size()),
        reglab::nn::parse_idx_labels(labels.data(), labels.size())));

    Json results = Json::array();
    for (int hidden : {128, 256}) {
      for (int batch : {32, 512, 2048}) {
        reglab::nn::TrainConfig c;
        c.model.hidden = {hidden};
        c.batch_size = batch;
        c.epochs = epochs;
        c.train_limit = samples;
        reglab::nn::Trainer trainer(data, c);
        std::vector<double> seconds;
        while (!trainer.done()) {
          const auto start = Clock::now();
          trainer.run(trainer.batches_per_epoch());
          seconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
        }
        std::vector<double> sorted = seconds;
        std::sort(sorted.begin(), sorted.end());
        const double median = sorted[sorted.size() / 2];
        const int n = static_cast<int>(trainer.train_rows().size());
        results.push_back({{"model", "784-" + std::to_string(hidden) + "-10"},
                           {"batch_size", batch},
                           {"samples_per_epoch", n},
                           {"epoch_seconds", seconds},
                           {"samples_per_s", n / median},
                           {"final_loss", trainer.history().back().loss}});
        std::cerr << "784-" << hidden << "-10 batch " << batch << ": " << static_cast<long>(n / median)
                  << " samples/s\n";
      }
    }
    Json out;
    out["bench"] = "native_train";
    out["optimizer"] = "adam";
    out["compiled_for"] = vector_isa();
    out["compiler"] = __VERSION__;
    out["results"] = results;
    std::cout << out.dump(2) << "\n";
  } catch (const std::exception& e) {
    std::cerr << "native_train: " << e.what() << "\n";
    return 2;
  }
  return 0;
}
