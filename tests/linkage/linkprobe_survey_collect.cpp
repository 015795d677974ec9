// Links survey_collect alone; see check_linkage.cmake.
#include "serialports.h"
#include "sshlibrary.h"

#include <cstdio>

int main()
{
    std::printf("%s %d\n", qPrintable(fs::collect::SshLibrary::version()),
                static_cast<int>(fs::collect::SerialPorts::available().size()));
    return 0;
}
