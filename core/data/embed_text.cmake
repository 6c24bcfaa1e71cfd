# core/data/embed_text.cmake — writes OUTPUT, a C++ file defining `std::string_view gongyou::FUNCTION()` that
# returns the bytes of INPUT (a text data file of core/data/), so that core reads its tables without I/O.
# Run as: cmake -DINPUT=file.txt -DOUTPUT=out.cpp -DFUNCTION=name -P embed_text.cmake
file(READ ${INPUT} text)
if(text MATCHES "\\)gy_text\"")
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )gy_text\"")
endif()
file(WRITE ${OUTPUT}.tmp
"// Generated from ${INPUT} by core/data/embed_text.cmake. Do not edit.
#include <string_view>

namespace gongyou {

std::string_view ${FUNCTION}() {
  return R\"gy_text(${text})gy_text\";
}

}  // namespace gongyou
")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.tmp)
