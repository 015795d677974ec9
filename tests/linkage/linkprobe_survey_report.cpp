// Links survey_report alone; see check_linkage.cmake.
#include "pdfreport.h"

#include <cstdio>

int main()
{
    std::printf("%lld sections\n", static_cast<long long>(fs::report::PdfReport::sectionTitles().size()));
    return 0;
}
