#pragma once
// Numbers in error messages: shortest readable form (0.9, 1e-07, 65025).
#include <cstdio>
#include <string>

namespace reglab::nn {

inline std::string format_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

}  // namespace reglab::nn
