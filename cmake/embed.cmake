# Embeds files in the binary at build time, so it needs nothing beside it: numbered SQL
# migrations, and text data such as the breached-password list.

# Embeds every NNNN_name.sql file of a folder into a generated C++ source as an ordered list of
# migrations.
function(embed_sql_migrations dir dialect output)
  file(GLOB files CONFIGURE_DEPENDS ${dir}/*.sql)
  list(SORT files)
  set(body "// Generated from ${dir}; edit the .sql files, not this.\n")
  string(APPEND body "#include \"store/migrations.hpp\"\n\nnamespace caseboard::store {\n\n")
  string(APPEND body "const std::vector<Migration>& ${dialect}_migrations() {\n")
  string(APPEND body "  static const std::vector<Migration> kMigrations = {\n")
  foreach(file ${files})
    get_filename_component(name ${file} NAME_WE)
    string(REGEX MATCH "^[0-9]+" number ${name})
    if(NOT number)
      message(FATAL_ERROR "migration ${file} must start with its number")
    endif()
    math(EXPR number "${number} + 0")
    file(READ ${file} sql)
    # Re-run CMake when a migration changes, so the binary never carries stale SQL.
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${file})
    string(APPEND body "    {${number}, \"${name}\", R\"caseboard_sql(${sql})caseboard_sql\"},\n")
  endforeach()
  string(APPEND body "  };\n  return kMigrations;\n}\n\n}  // namespace caseboard::store\n")
  file(GENERATE OUTPUT ${output} CONTENT "${body}")
endfunction()

# Embeds a text data file as `std::string_view <function>()` in namespace `name_space`.
function(embed_text_file input name_space function output)
  file(READ ${input} text)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${input})
  string(FIND "${text}" ")caseboard_data\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${input} holds the raw-string delimiter")
  endif()
  file(GENERATE OUTPUT ${output} CONTENT
"// Generated from ${input}; edit that file, not this.
#include <string_view>

namespace ${name_space} {

std::string_view ${function}() {
  static constexpr std::string_view kText = R\"caseboard_data(${text})caseboard_data\";
  return kText;
}

}  // namespace ${name_space}
")
endfunction()
