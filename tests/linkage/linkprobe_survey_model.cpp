// Links survey_model alone; see check_linkage.cmake.
#include "error.h"
#include "migrator.h"

#include <cstdio>

int main()
{
    std::printf("%s %d\n", qPrintable(fs::errorCodeName(fs::ErrorCode::Io)),
                fs::model::Migrator::latestVersion());
    return 0;
}
