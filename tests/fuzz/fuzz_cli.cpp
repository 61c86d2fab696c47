// libFuzzer target: the `reglab` command line (cli/app.hpp run_reglab). The
// input is one command line, split into argv words at blanks and newlines;
// single quotes group a word ('sepal length (cm)'), as in a shell.
//
// Every run must end in an exit status (0, 1 or 2, never a crash), and bad
// input must give 2 with a message on stderr, never 1 ("internal error"): an
// exit status 1 is a finding too.
//
// What the target does NOT run, so that one run stays in milliseconds and
// never touches files outside its sandbox (inputs that would are skipped,
// not run):
//   * file paths: any word with a '/'. The target works in a fresh temporary
//     folder holding a few small CSVs, tiny Fashion-MNIST-like IDX files
//     (train-* and t10k-*, 8 images of 28 x 28 each) and small model files,
//     made at start-up; `train` and `evaluate` always get `--data-dir .`
//     (inserted after the subcommand; a --data-dir of the input's own is
//     skipped).
//   * long trainings and written files: `train` runs only with an --epochs
//     of at most 3, hidden layers of at most 128 units and no --save.
//   * long solver runs: --max-iter above 200, --cv above 5, an --alphas grid
//     of 31..10000 points or a list of more than 30 (10000+ points are kept:
//     the core refuses them).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <streambuf>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/app.hpp"
#include "core/nn/model.hpp"
#include "core/nn/rng.hpp"
#include "core/nn/serialize.hpp"
#include "core/number_text.hpp"
#include "fuzz_support.hpp"

namespace {

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false, quoted = false;
  for (char c : text) {
    if (c == '\'') {
      quoted = !quoted;
      in_word = true;
    } else if (c == '\0' || (!quoted && (c == ' ' || c == '\t' || c == '\n' || c == '\r'))) {
      // NUL ends a word even in quotes: argv words are C strings
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

// The values given to option `name` ("--name V" or "--name=V").
std::vector<std::string> values_of(const std::vector<std::string>& words, const std::string& name) {
  std::vector<std::string> values;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] == name && i + 1 < words.size()) values.push_back(words[i + 1]);
    if (words[i].rfind(name + "=", 0) == 0) values.push_back(words[i].substr(name.size() + 1));
  }
  return values;
}

// True when CLI11 would read `text` as an integer above `cap`.
bool int_above(const std::string& text, long long cap) {
  long long v = 0;
  return CLI::detail::lexical_cast(text, v) && v > cap;
}

bool too_slow_or_unsafe(const std::vector<std::string>& words) {
  bool train = false;
  for (const std::string& w : words) {
    if (w.find('/') != std::string::npos || w.rfind("--data-dir", 0) == 0 || w.rfind("--save", 0) == 0)
      return true;
    train = train || w == "train";
  }
  if (train) {
    const auto epochs = values_of(words, "--epochs");
    if (epochs.empty()) return true;  // presets train for up to 200 epochs
    for (const std::string& v : epochs)
      if (int_above(v, 3)) return true;
    for (const std::string& list : values_of(words, "--hidden")) {
      std::size_t start = 0;
      for (;;) {
        const std::size_t comma = list.find(',', start);
        if (int_above(list.substr(start, comma - start), 128)) return true;
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    }
  }
  for (const std::string& v : values_of(words, "--max-iter"))
    if (int_above(v, 200)) return true;
  for (const std::string& v : values_of(words, "--cv"))
    if (int_above(v, 5)) return true;
  for (const std::string& v : values_of(words, "--alphas")) {
    std::size_t commas = 0;
    for (char c : v) commas += c == ',';
    if (commas > 30) return true;
    const std::size_t colon = v.rfind(':');
    if (colon != std::string::npos) {
      const auto n = reglab::parse_number(reglab::trim_blanks(std::string_view(v).substr(colon + 1)));
      if (n && *n > 30 && *n <= 10000) return true;
    }
  }
  return false;
}

void write_file(const std::string& name, const std::string& bytes) {
  std::ofstream(name, std::ios::binary) << bytes;
}

std::string be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}

std::string model_file(int inputs, std::vector<int> hidden, bool batchnorm) {
  reglab::nn::ModelSpec spec;
  spec.inputs = inputs;
  spec.hidden = std::move(hidden);
  spec.batchnorm = batchnorm;
  reglab::nn::Model<float> model(spec);
  reglab::nn::Rng rng(1);
  model.init(rng);
  const auto bytes = reglab::nn::save_model(model, 255);
  return std::string(bytes.begin(), bytes.end());
}

// The sandbox: a fresh temporary folder with the files the inputs may name.
void make_sandbox() {
  char dir[] = "/tmp/reglab-fuzz-cli-XXXXXX";
  FUZZ_CHECK(mkdtemp(dir) != nullptr);
  FUZZ_CHECK(chdir(dir) == 0);
  write_file("a.csv", "x,y,kind\n1,2,a\n2,4.1,a\n3,5.9,b\n4,8.2,a\n5,9.9,b\n");
  write_file("bom.csv", "\xEF\xBB\xBF\"x, cm\",y,kind\r\n1,3,a\r\n2,5,a\r\n3,7,b\r\n4,9.5,a\r\n");
  write_file("bad.csv", "x,y\n1,2\n2,oops\n3,4\n");
  write_file("ragged.csv", "x,y\n1,2\n2\n");
  write_file("const.csv", "x,c,y\n1,5,2\n2,5,4\n3,5,6\n");
  write_file("empty.csv", "");
  std::string images = be32(0x803) + be32(8) + be32(28) + be32(28), labels = be32(0x801) + be32(8);
  for (int i = 0; i < 8 * 784; ++i) images += static_cast<char>(i * 29);
  for (int i = 0; i < 8; ++i) labels += static_cast<char>(i);
  for (const char* split : {"train", "t10k"}) {
    write_file(std::string(split) + "-images-idx3-ubyte", images);
    write_file(std::string(split) + "-labels-idx1-ubyte", labels);
  }
  write_file("m.bin", model_file(784, {4}, false));
  write_file("bn.bin", model_file(784, {3, 2}, true));
  write_file("m16.bin", model_file(16, {2}, false));
  write_file("junk.bin", "REGLABNN\x01\0\0\0garbage");
}

struct NullBuffer : std::streambuf {
  int overflow(int c) override { return c; }
};

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  make_sandbox();
  if (!std::getenv("REGLAB_FUZZ_VERBOSE")) {  // the app's own output is noise here
    static NullBuffer null;
    std::cout.rdbuf(&null);
    std::cerr.rdbuf(&null);
    FUZZ_CHECK(std::freopen("/dev/null", "w", stdout) != nullptr);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> words =
      split_words(std::string(reinterpret_cast<const char*>(data), size));
  if (words.size() > 64 || too_slow_or_unsafe(words)) return 0;
  for (std::size_t i = 0; i < words.size(); ++i)
    if (words[i] == "evaluate" || words[i] == "train") {
      words.insert(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, {"--data-dir", "."});
      break;
    }
  std::vector<const char*> argv{"reglab"};
  for (const std::string& w : words) argv.push_back(w.c_str());
  const int status = reglab::cli::run_reglab(static_cast<int>(argv.size()), argv.data());
  FUZZ_CHECK(status == 0 || status == 2);  // 1 is "internal error": a bug, not bad input
  return 0;
}
