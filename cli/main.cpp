// reglab: the lab's experiments from a terminal, as JSON (cli/app.cpp).
#include "cli/app.hpp"

int main(int argc, char** argv) { return reglab::cli::run_reglab(argc, argv); }
