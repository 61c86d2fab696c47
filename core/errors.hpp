#pragma once
#include <stdexcept>
#include <string>

namespace reglab {

// Every error a user can cause (bad file, bad parameter) is an InputError
// whose message says what is wrong and where. Front ends show it as is:
// the CLI prints it and exits 2, the wasm module throws it as a JS Error.
struct InputError : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

}  // namespace reglab
