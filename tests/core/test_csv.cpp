// CSV parsing: RFC 4180 cases, strict numbers, and the error messages.
#include <catch2/catch.hpp>

#include "core/builtin_data.hpp"
#include "core/csv.hpp"
#include "core/errors.hpp"
#include "core/number_text.hpp"

using namespace reglab;
using Catch::Contains;

TEST_CASE("parse_number is strict", "[csv][number]") {
  CHECK(parse_number("1.5") == 1.5);
  CHECK(parse_number("-2") == -2.0);
  CHECK(parse_number("+3") == 3.0);
  CHECK(parse_number(".5") == 0.5);
  CHECK(parse_number("5.") == 5.0);
  CHECK(parse_number("1e-3") == 1e-3);
  CHECK(parse_number("2E+2") == 200.0);
  CHECK(parse_number("0.1") == 0.1);  // correctly rounded
  for (const char* bad : {"", " ", "1.5abc", "abc", "1,5", "0x10", "nan", "NaN", "inf", "-inf", "Infinity",
                          "1e", "e5", ".", "-", "1.2.3", " 1", "1 ", "1e400", "--1"}) {
    INFO("text: '" << bad << "'");
    CHECK_FALSE(parse_number(bad).has_value());
  }
}

TEST_CASE("format_number gives the shortest round-trip text", "[number]") {
  CHECK(format_number(-1) == "-1");
  CHECK(format_number(0.1) == "0.1");
  CHECK(format_number(2.5e-7) == "2.5e-07");
  CHECK(format_number(1.0 / 3) == "0.3333333333333333");
}

TEST_CASE("CSV: header, quotes, CRLF, BOM, blank lines", "[csv]") {
  const Table t = parse_csv("\xEF\xBB\xBFname,\"x, y\",note\r\n"
                            "a,1,\"say \"\"hi\"\"\"\r\n"
                            "\r\n"
                            "b,2,\"two\nlines\"\r\n"
                            "c,3,\n");
  CHECK(t.columns == std::vector<std::string>{"name", "x, y", "note"});
  REQUIRE(t.n_rows() == 3);
  CHECK(t.rows[0] == std::vector<std::string>{"a", "1", "say \"hi\""});
  CHECK(t.rows[1][2] == "two\nlines");
  CHECK(t.rows[2][2].empty());
  CHECK(t.lines == std::vector<int>{2, 4, 6});  // the blank line 3 is skipped; row 2 spans lines 4-5
  CHECK(t.column_index("x, y") == 1);
  CHECK(numeric_columns(t) == std::vector<std::string>{"x, y"});
  CHECK(numeric_vector(t, "x, y") == Eigen::Vector3d(1, 2, 3));
}

TEST_CASE("CSV: no trailing newline, lone CR, spaces around numbers", "[csv]") {
  const Table t = parse_csv("a,b\r1, 2\r 3 ,4");
  REQUIRE(t.n_rows() == 2);
  CHECK(numeric_matrix(t, {"a", "b"}) == (Eigen::Matrix2d() << 1, 2, 3, 4).finished());
}

TEST_CASE("CSV: the built-in data sets parse", "[csv]") {
  const Table iris = parse_csv(builtin_csv("iris"));
  CHECK(iris.n_rows() == 150);
  CHECK(iris.columns.size() == 5);
  CHECK(numeric_columns(iris).size() == 4);  // species is text
  const Table wine = parse_csv(builtin_csv("wine"));
  CHECK(wine.n_rows() == 178);
  CHECK(numeric_columns(wine).size() == 14);
  CHECK(builtin_csv("nope").empty());
}

TEST_CASE("CSV: row filter COL=VALUE", "[csv]") {
  const Table iris = parse_csv(builtin_csv("iris"));
  const Table v = filter_rows(iris, "species=virginica");
  CHECK(v.n_rows() == 50);
  CHECK(v.lines.front() == 102);  // header is line 1, virginica starts at data row 101
  CHECK(filter_rows(parse_csv("k,v\na=b,1\nc,2\n"), "k=a=b").n_rows() == 1);  // split at the first '='
  CHECK_THROWS_WITH(filter_rows(iris, "species"), Contains("COLUMN=VALUE"));
  CHECK_THROWS_WITH(filter_rows(iris, "=x"), Contains("COLUMN=VALUE"));
  CHECK_THROWS_WITH(filter_rows(iris, "kind=virginica"), Contains("unknown column 'kind'"));
  CHECK_THROWS_WITH(filter_rows(iris, "species=Virginica"), Contains("no rows where 'species' = 'Virginica'") &&
                                                                Contains("'virginica'"));
}

TEST_CASE("CSV errors name the line and column", "[csv][errors]") {
  CHECK_THROWS_WITH(parse_csv(""), Contains("empty"));
  CHECK_THROWS_WITH(parse_csv("\xEF\xBB\xBF\r\n\n"), Contains("empty"));
  CHECK_THROWS_WITH(parse_csv("a,b\n"), Contains("header row but no data rows"));
  CHECK_THROWS_WITH(parse_csv("a,b\n1,2\n3\n"), Contains("line 3") && Contains("1 fields") && Contains("header has 2"));
  CHECK_THROWS_WITH(parse_csv("a,b\n1,2,3\n"), Contains("line 2") && Contains("3 fields"));
  CHECK_THROWS_WITH(parse_csv("a,b\n1,\"2\n3,4\n"), Contains("line 2, column 2") && Contains("never closed"));
  CHECK_THROWS_WITH(parse_csv("a,b\n1,\"2\"x\n"), Contains("line 2, column 2") && Contains("after a closing quote"));
  CHECK_THROWS_WITH(parse_csv("a,b,a\n1,2,3\n"), Contains("'a' appears twice") && Contains("columns 1 and 3"));

  const Table t = parse_csv("x,y\n1,2\n3,abc\n5,\n");
  CHECK_THROWS_WITH(numeric_vector(t, "y"), Contains("line 3, column 2 ('y'): 'abc' is not a number"));
  CHECK_THROWS_WITH(numeric_matrix(t, {"x", "nope"}), Contains("unknown column 'nope'") && Contains("'x', 'y'"));
  const Table u = parse_csv("x,y\n1,2\n3,1.5abc\n");
  CHECK_THROWS_WITH(numeric_vector(u, "y"), Contains("line 3") && Contains("'1.5abc' is not a number"));
  const Table e = parse_csv("x,y\n1,\n");
  CHECK_THROWS_WITH(numeric_vector(e, "y"), Contains("line 2, column 2 ('y'): empty cell"));
  const Table n = parse_csv("x,y\n1,nan\n");
  CHECK_THROWS_WITH(numeric_vector(n, "y"), Contains("'nan' is not a number"));
  CHECK(numeric_columns(n) == std::vector<std::string>{"x"});
  CHECK_THROWS_AS(parse_csv("a\n1\n").column_index("b"), InputError);
}
