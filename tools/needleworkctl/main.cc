// needleworkctl: the admin CLI of needlework-host. See `needleworkctl help`.
#include <iostream>
#include <string>
#include <vector>

#include "ctl.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return needlework::ctl::RunCtl(args, std::cout, std::cerr);
}
