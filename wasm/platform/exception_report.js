// wasm/platform/exception_report.js — a JS library (emcc --js-library) that makes a C++ throw readable.
//
// The page is built without exception catching (smaller and faster wasm), so a `throw` anywhere in
// C++ ends the current frame. Emscripten's own __cxa_throw then throws the bare address of the
// exception object, which says nothing. This replacement throws an Error naming the exception's type
// (its mangled name, e.g. St12out_of_range) and, for the std::logic_error and std::runtime_error
// families and nlohmann::json's exceptions, their what() text; its stack names wasm functions by index, which build/wasm/wasm/gongyou.js.symbols
// (--emit-symbol-map) turns into C++ names. The C++ side never catches either form.
mergeInto(LibraryManager.library, {
  __cxa_throw__sig: 'viii',
  __cxa_throw: function(ptr, type, destructor) {
    // std::type_info is { vtable*, const char* name } (libc++ on wasm32).
    var name = type ? UTF8ToString(HEAPU32[(type + 4) >> 2]) : '?';
    var what = '';
    // std::logic_error / std::runtime_error hold { vtable*, const char* message } (libc++'s refstring).
    if (/^St(\d+)(logic_error|runtime_error|out_of_range|invalid_argument|length_error|domain_error|range_error|overflow_error)$/.test(name)) {
      what = ': ' + UTF8ToString(HEAPU32[(ptr + 4) >> 2]);
    } else if (name.indexOf('nlohmann') >= 0) {
      // nlohmann::detail::exception is { vtable*, int id, std::runtime_error m }.
      what = ': ' + UTF8ToString(HEAPU32[(ptr + 12) >> 2]);
    }
    throw new Error('C++ exception ' + name + what + ' (exception catching is disabled in this build)');
  },
});
