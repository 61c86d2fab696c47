// Native training throughput of the nn core: samples/s for 784-128-10 and
// 784-256-10 at batch sizes 32, 512 and 2048 (Adam, no validation), on real
// Fashion-MNIST images. Prints one JSON object.
//
//   native_train [--data-dir DIR] [--samples N] [--epochs E]
//
// Each configuration trains E epochs over the first N training images and
// reports the median epoch (the first epoch included: there is no warm-up
// effect worth removing, caches are sized before the first batch). Training
// is single-threaded, so the figure is samples per CPU-second of this thread
// (robust on a shared machine); wall-clock seconds are reported beside it.
#include <algorithm>
#include <chrono>
#include <ctime>
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

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
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
        std::vector<double> cpu, wall;
        while (!trainer.done()) {
          const auto start = Clock::now();
          const double cpu_start = thread_cpu_seconds();
          trainer.run(trainer.batches_per_epoch());
          cpu.push_back(thread_cpu_seconds() - cpu_start);
          wall.push_back(std::chrono::duration<double>(Clock::now() - start).count());
        }
        const int n = static_cast<int>(trainer.train_rows().size());
        const double rate = n / median(cpu);
        results.push_back({{"model", "784-" + std::to_string(hidden) + "-10"},
                           {"batch_size", batch},
                           {"samples_per_epoch", n},
                           {"epoch_cpu_seconds", cpu},
                           {"epoch_wall_seconds", wall},
                           {"samples_per_s", rate},
                           {"samples_per_wall_s", n / median(wall)},
                           {"final_loss", trainer.history().back().loss}});
        std::cerr << "784-" << hidden << "-10 batch " << batch << ": " << static_cast<long>(rate)
                  << " samples/s\n";
      }
    }
    Json out;
    out["bench"] = "native_train";
    out["optimizer"] = "adam";
    out["clock"] = "thread CPU time (samples_per_s); wall clock (samples_per_wall_s)";
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
