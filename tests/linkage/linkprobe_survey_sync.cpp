// Links survey_sync alone; see check_linkage.cmake.
#include "connectivitymonitor.h"

#include <cstdio>

int main()
{
    std::printf("%s\n",
                qPrintable(fs::sync::connectivityKey(fs::sync::ConnectivityMonitor::fromInterfaces())));
    return 0;
}
