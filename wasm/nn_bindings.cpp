// Registers the Fashion-MNIST lab (wasm/nn_lab.hpp): the NnLab class and two
// functions. wasm/reglab_nn.js is their friendly face.
#include "wasm/nn_bindings.hpp"

#include <emscripten/bind.h>

#include "core/kernels/parallel.hpp"
#include "wasm/nn_lab.hpp"

namespace reglab::wasm {

void register_nn() {
  using emscripten::class_;
  class_<NnLab>("NnLab")
      .constructor<>()
      .function("stage", &NnLab::stage)
      .function("loadImages", &NnLab::loadImages)
      .function("loadLabels", &NnLab::loadLabels)
      .function("commitData", &NnLab::commitData)
      .function("discardPending", &NnLab::discardPending)
      .function("dataInfo", &NnLab::dataInfo)
      .function("configure", &NnLab::configure)
      .function("run", &NnLab::run)
      .function("progress", &NnLab::progress)
      .function("history", &NnLab::history)
      .function("bestEpoch", &NnLab::bestEpoch)
      .function("evaluateTest", &NnLab::evaluateTest)
      .function("predictTest", &NnLab::predictTest)
      .function("pixels", &NnLab::pixels)
      .function("labels", &NnLab::labels)
      .function("firstLayerImages", &NnLab::firstLayerImages)
      .function("saveModel", &NnLab::saveModel)
      .function("loadModel", &NnLab::loadModel)
      .function("weights", &NnLab::weights)
      .function("heapBytes", &NnLab::heapBytes);
  emscripten::function("nnPresets", &nn_presets);
  emscripten::function("nnDefaultConfig", &nn_default_config);
  // Threads for the products (1 in the single-threaded build, whatever is asked).
  emscripten::function("setThreads", +[](int threads) {
    kernels::set_threads(threads);
    return kernels::threads();
  });
  emscripten::function("threads", &kernels::threads);
}

}  // namespace reglab::wasm
