#pragma once

#include <QString>

#include <xlsxwriter.h>

namespace fs::report {

// The libxlsxwriter functions the Excel export uses, called through this table.
//
// Why not call them directly: libxlsxwriter packs the .xlsx with the system's minizip (zipOpen,
// zipClose, …), and QuaZip, which survey_model links for reading workbooks, exports its own
// modified minizip under the same unversioned names. On ELF systems one global symbol scope
// serves the whole process, so libxlsxwriter's zipOpen(filename) lands in QuaZip's zipOpen, which
// takes the filename for a QIODevice and crashes. On Linux the library is therefore loaded into a
// link-map namespace of its own (dlmopen), where its minizip is the only one; elsewhere (PE, Mach-O
// two-level namespaces bind per library) the table points at the linked functions.
struct XlsxWriterApi
{
    decltype(&::workbook_new) workbook_new;
    decltype(&::workbook_add_worksheet) workbook_add_worksheet;
    decltype(&::workbook_add_format) workbook_add_format;
    decltype(&::workbook_set_properties) workbook_set_properties;
    decltype(&::workbook_close) workbook_close;
    decltype(&::format_set_bold) format_set_bold;
    decltype(&::format_set_font_size) format_set_font_size;
    decltype(&::format_set_font_color) format_set_font_color;
    decltype(&::format_set_bg_color) format_set_bg_color;
    decltype(&::format_set_border) format_set_border;
    decltype(&::format_set_text_wrap) format_set_text_wrap;
    decltype(&::format_set_align) format_set_align;
    decltype(&::format_set_num_format) format_set_num_format;
    decltype(&::worksheet_write_string) worksheet_write_string;
    decltype(&::worksheet_write_number) worksheet_write_number;
    decltype(&::worksheet_merge_range) worksheet_merge_range;
    decltype(&::worksheet_set_row) worksheet_set_row;
    decltype(&::worksheet_set_column) worksheet_set_column;
    decltype(&::worksheet_freeze_panes) worksheet_freeze_panes;
    decltype(&::worksheet_set_landscape) worksheet_set_landscape;
    decltype(&::worksheet_set_paper) worksheet_set_paper;
    decltype(&::worksheet_fit_to_pages) worksheet_fit_to_pages;
    decltype(&::worksheet_repeat_rows) worksheet_repeat_rows;
    decltype(&::worksheet_autofilter) worksheet_autofilter;
    decltype(&::lxw_strerror) lxw_strerror;

    // The table, loaded once; nullptr (and why in error) when the library cannot be loaded.
    [[nodiscard]] static const XlsxWriterApi *get(QString *error);
};

} // namespace fs::report
