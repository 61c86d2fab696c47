#pragma once
// Strict decimal number parsing shared by the CSV reader and the norm parsers.
#include <optional>
#include <string>
#include <string_view>

namespace reglab {

// A finite decimal number such as "-1.5", ".5", "3e-2" or "+2", with nothing
// else around it: "1.5abc", "0x10", "nan", "inf", "" and " 1" are rejected,
// as are values that overflow a double. (std::from_chars for double is missing
// from the libc++ Emscripten ships, so this checks the grammar itself and
// lets strtod, correctly rounded in glibc and musl, do the conversion.)
std::optional<double> parse_number(std::string_view text);

// Shortest decimal text that reads back as `value` ("0.1", "-1", "1e-05");
// "nan", "inf", "-inf" for the non-finite values. For error messages.
std::string format_number(double value);

// `text` without leading and trailing spaces and tabs.
std::string_view trim_blanks(std::string_view text);

}  // namespace reglab
