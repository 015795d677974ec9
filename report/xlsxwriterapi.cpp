#include "xlsxwriterapi.h"

#include "reportlogging.h"

#if defined(FS_XLSXWRITER_DLMOPEN)
#include <dlfcn.h>
#endif

namespace fs::report {

namespace {

#define FS_XLSXWRITER_FUNCTIONS(X)                                                                           \
    X(workbook_new)                                                                                          \
    X(workbook_add_worksheet)                                                                                \
    X(workbook_add_format)                                                                                   \
    X(workbook_set_properties)                                                                               \
    X(workbook_close)                                                                                        \
    X(format_set_bold)                                                                                       \
    X(format_set_font_size)                                                                                  \
    X(format_set_font_color)                                                                                 \
    X(format_set_bg_color)                                                                                   \
    X(format_set_border)                                                                                     \
    X(format_set_text_wrap)                                                                                  \
    X(format_set_align)                                                                                      \
    X(format_set_num_format)                                                                                 \
    X(worksheet_write_string)                                                                                \
    X(worksheet_write_number)                                                                                \
    X(worksheet_merge_range)                                                                                 \
    X(worksheet_set_row)                                                                                     \
    X(worksheet_set_column)                                                                                  \
    X(worksheet_freeze_panes)                                                                                \
    X(worksheet_set_landscape)                                                                               \
    X(worksheet_set_paper)                                                                                   \
    X(worksheet_fit_to_pages)                                                                                \
    X(worksheet_repeat_rows)                                                                                 \
    X(worksheet_autofilter)                                                                                  \
    X(lxw_strerror)

struct Loaded
{
    XlsxWriterApi api{};
    QString error;
};

Loaded load()
{
    Loaded loaded;
#if defined(FS_XLSXWRITER_DLMOPEN)
    // A namespace of its own: libxlsxwriter, its minizip, zlib and C library, out of QuaZip's way.
    // Never closed: the handle lives as long as the process.
    void *handle = dlmopen(LM_ID_NEWLM, FS_XLSXWRITER_DLMOPEN, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        loaded.error = QStringLiteral("cannot load %1: %2")
                           .arg(QStringLiteral(FS_XLSXWRITER_DLMOPEN), QString::fromLocal8Bit(dlerror()));
        return loaded;
    }
#define FS_RESOLVE(name)                                                                                     \
    loaded.api.name = reinterpret_cast<decltype(loaded.api.name)>(dlsym(handle, #name));                     \
    if (!loaded.api.name) {                                                                                  \
        loaded.error = QStringLiteral("%1 has no %2")                                                        \
                           .arg(QStringLiteral(FS_XLSXWRITER_DLMOPEN), QStringLiteral(#name));               \
        return loaded;                                                                                       \
    }
    FS_XLSXWRITER_FUNCTIONS(FS_RESOLVE)
#undef FS_RESOLVE
    qCDebug(lcReport) << "loaded" << FS_XLSXWRITER_DLMOPEN << "into a namespace of its own";
#else
#define FS_ASSIGN(name) loaded.api.name = &::name;
    FS_XLSXWRITER_FUNCTIONS(FS_ASSIGN)
#undef FS_ASSIGN
#endif
    return loaded;
}

} // namespace

const XlsxWriterApi *XlsxWriterApi::get(QString *error)
{
    static const Loaded loaded = load(); // thread-safe, once
    if (!loaded.error.isEmpty()) {
        if (error)
            *error = loaded.error;
        return nullptr;
    }
    return &loaded.api;
}

} // namespace fs::report
