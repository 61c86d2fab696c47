// `reglab evaluate`: a saved model's test metrics and confusion matrix.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/commands.hpp"
#include "cli/io/files.hpp"
#include "cli/nn_data.hpp"
#include "cli/nn_describe.hpp"
#include "core/errors.hpp"
#include "core/nn/evaluate.hpp"
#include "core/nn/format.hpp"
#include "core/nn/presets.hpp"
#include "core/nn/serialize.hpp"

namespace reglab::cli {

namespace {

using Json = nlohmann::ordered_json;

struct EvaluateOptions {
  std::string model;
  std::string data_dir = kDefaultFashionDir;
  bool json = false;
};

void run_evaluate(const EvaluateOptions& o) {
  if (!std::filesystem::is_regular_file(o.model))
    throw InputError("--model: '" + o.model + "' is not a file");
  const auto bytes = io::read_binary_file(o.model);
  nn::SavedModel saved;
  try {
    saved = nn::parse_model(bytes.data(), bytes.size());
  } catch (const InputError& e) {
    throw InputError("'" + o.model + "': " + e.what());
  }
  nn::Model<float> model = nn::build_model(saved);
  const nn::Dataset test = load_fashion_split(o.data_dir, "t10k");
  const nn::Evaluation e = nn::evaluate(model, test, saved.input_divisor);
  const auto names = nn::fashion_mnist_class_names();
  const auto per_class = e.per_class_accuracy();

  if (o.json) {
    Json j;
    j["model"] = {{"inputs", saved.spec.inputs},       {"hidden", saved.spec.hidden},
                  {"classes", saved.spec.classes},     {"dropout", saved.spec.dropout},
                  {"batchnorm", saved.spec.batchnorm}, {"l1", saved.spec.l1},
                  {"l2", saved.spec.l2}};
    j["input_divisor"] = saved.input_divisor;
    j["test_count"] = e.count;
    j["test_loss"] = e.loss;
    j["test_accuracy"] = e.accuracy;
    j["class_names"] = names;
    j["per_class_accuracy"] = per_class;
    Json rows = Json::array();
    for (int t = 0; t < e.classes; ++t) {
      Json row = Json::array();
      for (int p = 0; p < e.classes; ++p) row.push_back(e.confusion_at(t, p));
      rows.push_back(row);
    }
    j["confusion"] = rows;  // [true class][predicted class]
    std::cout << j.dump(2) << "\n";
    return;
  }
  std::cout << "model " << describe_model(saved.spec) << ", inputs / "
            << nn::format_number(saved.input_divisor) << "\n"
            << "test_loss: " << format_metric(e.loss) << " - test_accuracy: " << format_metric(e.accuracy)
            << " (" << e.count << " images)\n\n"
            << "confusion matrix (rows: true class, columns: predicted)\n";
  std::printf("%-13s", "");
  for (int p = 0; p < e.classes; ++p) std::printf("%6d", p);
  std::printf("   accuracy\n");
  for (int t = 0; t < e.classes; ++t) {
    const std::string name = t < static_cast<int>(names.size()) ? names[t] : std::to_string(t);
    std::printf("%d %-11s", t, name.c_str());
    for (int p = 0; p < e.classes; ++p) std::printf("%6d", e.confusion_at(t, p));
    std::printf("   %s\n", format_metric(per_class[t]).c_str());
  }
}

}  // namespace

void add_evaluate_command(CLI::App& app) {
  auto options = std::make_shared<EvaluateOptions>();
  auto* cmd = app.add_subcommand("evaluate", "Test metrics and confusion matrix of a saved model");
  cmd->add_option("--model", options->model, "Model file written by `reglab train --save`")->required();
  cmd->add_option("--data-dir", options->data_dir, "Directory with the Fashion-MNIST IDX files")
      ->capture_default_str();
  cmd->add_flag("--json", options->json, "Print JSON");
  cmd->callback([options] { run_evaluate(*options); });
}

}  // namespace reglab::cli
