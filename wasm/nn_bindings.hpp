#pragma once
// The NN lab's embind registrations, called from the one EMSCRIPTEN_BINDINGS
// block in wasm/bindings.cpp.
namespace reglab::wasm {

void register_nn();

}  // namespace reglab::wasm
