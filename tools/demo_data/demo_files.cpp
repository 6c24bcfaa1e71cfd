// tools/demo_data/demo_files.cpp — see demo_files.h.
//
// [SECTION] Unicode    UTF-8 to code points
// [SECTION] PNG        chunks, CRC-32, a zlib stream of stored blocks
// [SECTION] PDF        objects with their byte offsets in the xref table
// [SECTION] Office     RTF and SpreadsheetML
#include "tools/demo_data/demo_files.h"

#include <array>
#include <cstdio>

namespace gongyou::demo {
namespace {

// [SECTION] Unicode

/// The code points of a valid UTF-8 text (anything else skipped).
std::vector<std::uint32_t> code_points(std::string_view text) {
  std::vector<std::uint32_t> out;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const int length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    std::uint32_t cp = length == 1 ? c : length == 2 ? (c & 0x1F) : length == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < length && i + static_cast<std::size_t>(k) < text.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0x3F);
    out.push_back(cp);
    i += static_cast<std::size_t>(length);
  }
  return out;
}

// [SECTION] PNG

std::uint32_t crc32(std::string_view bytes) {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t n = 0; n < 256; ++n) {
      std::uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  std::uint32_t c = 0xFFFFFFFFu;
  for (const char b : bytes) c = table[(c ^ static_cast<unsigned char>(b)) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

void put_u32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

void chunk(std::string& png, std::string_view type, std::string_view data) {
  put_u32(png, static_cast<std::uint32_t>(data.size()));
  std::string body(type);
  body += data;
  png += body;
  put_u32(png, crc32(body));
}

/// A zlib stream (RFC 1950) of stored deflate blocks (RFC 1951 §3.2.4) holding `raw`.
std::string zlib_stored(std::string_view raw) {
  std::string out("\x78\x01", 2);
  std::size_t at = 0;
  do {
    const std::size_t n = std::min<std::size_t>(65535, raw.size() - at);
    const bool last = at + n == raw.size();
    out += static_cast<char>(last ? 1 : 0);
    out += static_cast<char>(n & 0xFF);
    out += static_cast<char>(n >> 8);
    out += static_cast<char>(~n & 0xFF);
    out += static_cast<char>((~n >> 8) & 0xFF);
    out.append(raw.substr(at, n));
    at += n;
  } while (at < raw.size());
  std::uint32_t a = 1, b = 0;  // Adler-32
  for (const char c : raw) {
    a = (a + static_cast<unsigned char>(c)) % 65521;
    b = (b + a) % 65521;
  }
  put_u32(out, (b << 16) | a);
  return out;
}

// [SECTION] PDF

/// A PDF hex string of the text in UCS-2 big-endian (the UniGB-UCS2-H encoding's codes).
std::string ucs2_hex(std::string_view text) {
  std::string out = "<";
  char hex[8];
  for (const std::uint32_t cp : code_points(text)) {
    std::snprintf(hex, sizeof hex, "%04X", cp > 0xFFFF ? 0x3000u : cp);
    out += hex;
  }
  return out + ">";
}

}  // namespace

std::string demo_png(int width, int height, std::uint32_t top, std::uint32_t bottom, int stripes) {
  std::string raw;
  raw.reserve(static_cast<std::size_t>((width * 3 + 1) * height));
  const auto channel = [](std::uint32_t color, int shift) { return static_cast<int>((color >> shift) & 0xFF); };
  for (int y = 0; y < height; ++y) {
    raw += '\0';  // filter type None
    for (int x = 0; x < width; ++x) {
      const bool band = y > height * 2 / 3 && y < height * 2 / 3 + height / 12;
      const bool stripe = stripes > 0 && ((x + y) / std::max(1, width / stripes)) % 2 == 0;
      for (const int shift : {16, 8, 0}) {
        int v = channel(top, shift) + (channel(bottom, shift) - channel(top, shift)) * y / std::max(1, height - 1);
        if (stripe) v = v + (255 - v) / 8;
        if (band) v = 250;
        raw += static_cast<char>(v);
      }
    }
  }
  std::string png("\x89PNG\r\n\x1a\n", 8);
  std::string header;
  put_u32(header, static_cast<std::uint32_t>(width));
  put_u32(header, static_cast<std::uint32_t>(height));
  header += std::string("\x08\x02\x00\x00\x00", 5);  // 8 bits, RGB, deflate, no filter choice, no interlace
  chunk(png, "IHDR", header);
  chunk(png, "IDAT", zlib_stored(raw));
  chunk(png, "IEND", "");
  return png;
}

std::string demo_pdf(std::string_view title, const std::vector<std::string>& lines) {
  std::string content = "BT /F1 20 Tf 56 780 Td " + ucs2_hex(title) + " Tj ET\n";
  int y = 740;
  for (const std::string& line : lines) {
    content += "BT /F1 12 Tf 56 " + std::to_string(y) + " Td " + ucs2_hex(line) + " Tj ET\n";
    y -= 22;
  }
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream",
      "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>",
      "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering "
      "(GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>",
      "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 "
      "/Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
  };
  std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  char entry[24];
  for (const std::size_t offset : offsets) {
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

namespace {

// [SECTION] Office

/// RTF text: ASCII as it is (with \ { } escaped), everything else \uN? (N a signed 16-bit number, RTF 1.5).
std::string rtf_text(std::string_view text) {
  std::string out;
  for (const std::uint32_t cp : code_points(text)) {
    if (cp == '\\' || cp == '{' || cp == '}') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else {
      out += "\\u" + std::to_string(static_cast<std::int16_t>(cp > 0xFFFF ? 0x3000 : cp)) + "?";
    }
  }
  return out;
}

std::string xml_text(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

}  // namespace

std::string demo_rtf(std::string_view title, const std::vector<std::string>& paragraphs) {
  std::string rtf =
      "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}\n\\uc1\\pard\\qc\\b\\fs36 " +
      rtf_text(title) + "\\b0\\par\n\\pard\\fs24\n";
  for (const std::string& p : paragraphs) rtf += rtf_text(p) + "\\par\n";
  return rtf + "}\n";
}

std::string demo_spreadsheet(std::string_view title, const std::vector<std::string>& headers, int empty_rows) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n"
      "<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\" "
      "xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\">\n"
      "<Styles><Style ss:ID=\"h\"><Font ss:Bold=\"1\"/></Style></Styles>\n"
      "<Worksheet ss:Name=\"Sheet1\"><Table>\n<Row><Cell ss:StyleID=\"h\"><Data ss:Type=\"String\">" +
      xml_text(title) + "</Data></Cell></Row>\n<Row>";
  for (const std::string& h : headers)
    xml += "<Cell ss:StyleID=\"h\"><Data ss:Type=\"String\">" + xml_text(h) + "</Data></Cell>";
  xml += "</Row>\n";
  for (int r = 0; r < empty_rows; ++r) xml += "<Row><Cell><Data ss:Type=\"Number\">" + std::to_string(r + 1) + "</Data></Cell></Row>\n";
  return xml + "</Table></Worksheet>\n</Workbook>\n";
}

}  // namespace gongyou::demo
