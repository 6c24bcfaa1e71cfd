// tools/demo_data/demo_files.h — genuine small files of each kind the info center serves, made deterministically
// for the demo (no binary is committed): PNG images (stored deflate blocks, CRC-32 and Adler-32 as the PNG and zlib
// specifications define them), a PDF with Chinese text (Adobe's STSong-Light CID font, which PDF readers supply), a
// Word document as RTF (Word opens it; served as application/msword) and an Excel sheet as SpreadsheetML 2003 XML
// (Excel opens it; served as application/vnd.ms-excel).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gongyou::demo {

/// A width × height PNG (8-bit RGB): a vertical gradient from `top` to `bottom` (0xRRGGBB) with a white band and
/// `stripes` light diagonal stripes, a banner for an article.
std::string demo_png(int width, int height, std::uint32_t top, std::uint32_t bottom, int stripes);

/// A one-page A4 PDF: a title and lines of Chinese (or ASCII) text.
std::string demo_pdf(std::string_view title, const std::vector<std::string>& lines);

/// An RTF document (a title and paragraphs, Chinese written as \uN escapes), a form Word fills in.
std::string demo_rtf(std::string_view title, const std::vector<std::string>& paragraphs);

/// A SpreadsheetML 2003 workbook of one sheet: a title row, a header row and empty rows to fill in.
std::string demo_spreadsheet(std::string_view title, const std::vector<std::string>& headers, int empty_rows);

}  // namespace gongyou::demo
