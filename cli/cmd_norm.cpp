// `reglab norm`: a vector p-norm or matrix norms, as numpy.linalg.norm.
#include <cstdio>
#include <iostream>
#include <limits>
#include <memory>

#include "cli/commands.hpp"
#include "cli/tabular_json.hpp"
#include "core/errors.hpp"
#include "core/norms.hpp"
#include "core/number_text.hpp"

namespace reglab::cli {

namespace {

struct NormOptions {
  std::string vector, matrix, p, ord;
  bool json = false;
};

double parse_p(const std::string& text) {
  if (text == "inf" || text == "Inf" || text == "infinity") return std::numeric_limits<double>::infinity();
  const auto p = parse_number(trim_blanks(text));
  if (!p) throw InputError("--p must be a number >= 1 or inf (got '" + text + "')");
  return *p;
}

nlohmann::ordered_json p_json(double p) { return std::isinf(p) ? nlohmann::ordered_json("inf") : nlohmann::ordered_json(p); }

void vector_command(const NormOptions& o) {
  const Eigen::VectorXd x = parse_vector(o.vector);
  std::vector<double> ps;
  if (o.p.empty()) {
    ps = {1.0, 2.0, std::numeric_limits<double>::infinity()};
  } else {
    ps = {parse_p(o.p)};
  }
  std::vector<double> norms;
  for (double p : ps) norms.push_back(vector_norm(x, p));
  if (o.json) {
    nlohmann::ordered_json j{{"vector", to_json(x)}};
    if (o.p.empty()) {
      j["norms"] = {{"1", norms[0]}, {"2", norms[1]}, {"inf", norms[2]}};
    } else {
      j["p"] = p_json(ps[0]);
      j["norm"] = norms[0];
    }
    std::cout << j.dump(2) << "\n";
  } else if (!o.p.empty()) {
    std::printf("%s\n", format_number(norms[0]).c_str());
  } else {
    for (std::size_t k = 0; k < ps.size(); ++k)
      std::printf("p=%-4s %s\n", format_number(ps[k]).c_str(), format_number(norms[k]).c_str());
  }
}

void matrix_command(const NormOptions& o) {
  const Eigen::MatrixXd A = parse_matrix(o.matrix);
  const std::vector<std::string> ords = o.ord.empty() ? std::vector<std::string>{"1", "inf", "fro", "2", "nuc"}
                                                      : std::vector<std::string>{o.ord};
  std::vector<double> norms;
  for (const auto& ord : ords) norms.push_back(matrix_norm(A, parse_matrix_norm(ord)));
  if (o.json) {
    nlohmann::ordered_json j{{"matrix", rows_to_json(A)}};
    if (o.ord.empty()) {
      j["norms"] = nlohmann::ordered_json::object();
      for (std::size_t k = 0; k < ords.size(); ++k) j["norms"][ords[k]] = norms[k];
    } else {
      j["ord"] = o.ord;
      j["norm"] = norms[0];
    }
    std::cout << j.dump(2) << "\n";
  } else if (!o.ord.empty()) {
    std::printf("%s\n", format_number(norms[0]).c_str());
  } else {
    for (std::size_t k = 0; k < ords.size(); ++k)
      std::printf("%-4s %s\n", ords[k].c_str(), format_number(norms[k]).c_str());
  }
}

}  // namespace

void add_norm_command(CLI::App& app) {
  auto o = std::make_shared<NormOptions>();
  auto* cmd = app.add_subcommand("norm", "Vector p-norms and matrix norms (numpy.linalg.norm)");
  auto* vec = cmd->add_option("--vector", o->vector, "comma-separated values, e.g. 1,10,1,1,1");
  auto* mat = cmd->add_option("--matrix", o->matrix, "rows separated by ';', e.g. \"1,2,3;1,2,3;4,6,8\"");
  auto* p = cmd->add_option("--p", o->p, "p >= 1 or inf (default: print p = 1, 2, inf)");
  auto* ord = cmd->add_option("--ord", o->ord, "1 | inf | fro | 2 | nuc (default: print all five)");
  cmd->add_flag("--json", o->json, "print JSON");
  vec->excludes(mat);
  p->needs(vec);
  ord->needs(mat);
  cmd->callback([o] {
    if (o->vector.empty() && o->matrix.empty()) throw InputError("norm needs --vector or --matrix");
    if (!o->vector.empty()) {
      vector_command(*o);
    } else {
      matrix_command(*o);
    }
  });
}

}  // namespace reglab::cli
