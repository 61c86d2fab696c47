// Catch2's main. Catch owns the random seed (--rng-seed) and prints it with
// the test run; tests that need randomness take Catch::rngSeed().
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
