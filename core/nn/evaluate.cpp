#include "core/nn/evaluate.hpp"

#include <algorithm>
#include <numeric>
#include <string>

#include "core/errors.hpp"

namespace reglab::nn {

std::vector<double> Evaluation::per_class_accuracy() const {
  std::vector<double> acc(classes, 0.0);
  for (int c = 0; c < classes; ++c)
    if (class_count[c] > 0) acc[c] = static_cast<double>(confusion_at(c, c)) / class_count[c];
  return acc;
}

std::vector<int> all_rows(const Dataset& data) {
  std::vector<int> rows(data.count);
  std::iota(rows.begin(), rows.end(), 0);
  return rows;
}

void check_data_fits(const ModelSpec& spec, const Dataset& data, const char* what) {
  if (data.features != spec.inputs)
    throw InputError(std::string(what) + ": images have " + std::to_string(data.features) +
                     " pixels but the model takes " + std::to_string(spec.inputs) + " inputs");
  if (data.classes > spec.classes)
    throw InputError(std::string(what) + ": the data have " + std::to_string(data.classes) +
                     " classes but the model predicts " + std::to_string(spec.classes));
}

namespace {
void check_rows(const Dataset& data, const std::vector<int>& rows) {
  for (int r : rows)
    if (r < 0 || r >= data.count)
      throw InputError("row " + std::to_string(r) + " is outside 0.." + std::to_string(data.count - 1));
}
}  // namespace

Evaluation evaluate(Model<float>& model, const Dataset& data, const std::vector<int>& rows,
                    const PixelTable& table, EvalWorkspace& ws) {
  const int classes = model.spec().classes;
  Evaluation e;
  e.classes = classes;
  e.count = static_cast<int>(rows.size());
  e.confusion.assign(static_cast<std::size_t>(classes) * classes, 0);
  e.class_count.assign(classes, 0);
  double loss_sum = 0;
  long correct = 0;
  for (std::size_t start = 0; start < rows.size(); start += ws.chunk()) {
    const int n = static_cast<int>(std::min<std::size_t>(ws.chunk(), rows.size() - start));
    gather_batch(data, rows.data() + start, n, table, ws.batch);
    const ConstView<float> logits = model.forward_infer(ws.batch.inputs());
    const LossSum ls = ws.head.forward(logits, ws.batch.labels.data());
    loss_sum += ls.loss_sum;
    correct += ls.correct;
    for (int i = 0; i < n; ++i) {
      Eigen::Index predicted = 0;
      ws.head.probs.row(i).maxCoeff(&predicted);
      const int truth = ws.batch.labels[i];
      ++e.confusion[static_cast<std::size_t>(truth) * classes + predicted];
      ++e.class_count[truth];
    }
  }
  if (e.count > 0) {
    e.loss = loss_sum / e.count + model.penalty();
    e.accuracy = static_cast<double>(correct) / e.count;
  }
  return e;
}

namespace {
constexpr int kEvalChunk = 512;
}

Evaluation evaluate(Model<float>& model, const Dataset& data, const std::vector<int>& rows,
                    double input_divisor) {
  check_data_fits(model.spec(), data, "evaluate");
  check_rows(data, rows);
  const PixelTable table = make_pixel_table(input_divisor);
  EvalWorkspace ws(kEvalChunk, data.features, model.spec().classes);
  model.reserve(kEvalChunk);
  return evaluate(model, data, rows, table, ws);
}

Evaluation evaluate(Model<float>& model, const Dataset& data, double input_divisor) {
  return evaluate(model, data, all_rows(data), input_divisor);
}

Matrix<float> predict_proba(Model<float>& model, const Dataset& data, const std::vector<int>& rows,
                            double input_divisor) {
  check_data_fits(model.spec(), data, "predict");
  check_rows(data, rows);
  const PixelTable table = make_pixel_table(input_divisor);
  EvalWorkspace ws(kEvalChunk, data.features, model.spec().classes);
  model.reserve(kEvalChunk);
  Matrix<float> out(static_cast<Eigen::Index>(rows.size()), model.spec().classes);
  for (std::size_t start = 0; start < rows.size(); start += kEvalChunk) {
    const int n = static_cast<int>(std::min<std::size_t>(kEvalChunk, rows.size() - start));
    gather_batch(data, rows.data() + start, n, table, ws.batch);
    ws.head.forward(model.forward_infer(ws.batch.inputs()), ws.batch.labels.data());
    out.middleRows(static_cast<Eigen::Index>(start), n) = top_rows(ws.head.probs, n);
  }
  return out;
}

Matrix<float> first_layer_images(const Model<float>& model) {
  return model.first_kernel().transpose();
}

}  // namespace reglab::nn
