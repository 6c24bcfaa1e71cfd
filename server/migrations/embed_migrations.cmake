# server/migrations/embed_migrations.cmake — writes OUTPUT, a C++ file defining embedded_migrations()
# (server/store/migration.h) from INPUTS, the NNN_name.sql files in version order.
# Run as: cmake -DOUTPUT=out.cpp "-DINPUTS=a.sql;b.sql" [-DFUNCTION=name] -P embed_migrations.cmake
# FUNCTION names the function (default embedded_migrations, the SQLite ones; embedded_postgres_migrations).
if(NOT FUNCTION)
  set(FUNCTION embedded_migrations)
endif()
set(entries "")
set(previous 0)
foreach(file IN LISTS INPUTS)
  get_filename_component(name ${file} NAME_WE)
  if(NOT name MATCHES "^([0-9]+)_[a-z0-9_]+$")
    message(FATAL_ERROR "migration ${file}: name must be NNN_snake_case.sql")
  endif()
  math(EXPR version "${CMAKE_MATCH_1}")
  math(EXPR expected "${previous} + 1")
  if(NOT version EQUAL expected)
    message(FATAL_ERROR "migration ${file}: version ${version} does not follow ${previous}")
  endif()
  set(previous ${version})
  file(READ ${file} sql)
  if(sql MATCHES "\\)gy_sql\"")
    message(FATAL_ERROR "migration ${file} contains the raw-string delimiter )gy_sql\"")
  endif()
  string(APPEND entries "    Migration{${version}, \"${name}\", R\"gy_sql(${sql})gy_sql\"},\n")
endforeach()
file(WRITE ${OUTPUT}.tmp
"// Generated from server/migrations/*.sql by embed_migrations.cmake. Do not edit.
#include \"server/store/migration.h\"

namespace gongyou::server {

std::span<const Migration> ${FUNCTION}() {
  static constexpr Migration kMigrations[] = {
${entries}  };
  return kMigrations;
}

}  // namespace gongyou::server
")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.tmp)
