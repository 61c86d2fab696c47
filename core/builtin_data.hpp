#pragma once
#include <string_view>

namespace reglab {

// The CSV text of a data set compiled into the library ("iris", "wine");
// empty when the name is unknown.
std::string_view builtin_csv(std::string_view name);

}  // namespace reglab
