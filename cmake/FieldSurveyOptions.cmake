# One INTERFACE target carries the language standard, warnings and Qt string-safety defines for
# every project target. Link it PRIVATE; it is never installed.
add_library(fs_project_options INTERFACE)
target_compile_features(fs_project_options INTERFACE cxx_std_20)
if(MSVC)
    # Sources are UTF-8 (Japanese string literals); Windows builds are described, not tested here.
    target_compile_options(fs_project_options INTERFACE /W4 /permissive- /utf-8 /Zc:__cplusplus)
    if(FIELDSURVEY_WERROR)
        target_compile_options(fs_project_options INTERFACE /WX)
    endif()
else()
    target_compile_options(fs_project_options INTERFACE -Wall -Wextra -Wpedantic)
    if(FIELDSURVEY_WERROR)
        target_compile_options(fs_project_options INTERFACE -Werror)
    endif()
endif()
target_compile_definitions(fs_project_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)

if(FIELDSURVEY_FUZZ)
    # Coverage for libFuzzer in every project target; the fuzz executables add -fsanitize=fuzzer.
    set(_fs_fuzz -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
    target_compile_options(fs_project_options INTERFACE ${_fs_fuzz})
    target_link_options(fs_project_options INTERFACE -fsanitize=address,undefined)
endif()

if(FIELDSURVEY_SANITIZE)
    set(_fs_sanitize -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_compile_options(fs_project_options INTERFACE ${_fs_sanitize})
    target_link_options(fs_project_options INTERFACE ${_fs_sanitize})
endif()

set(CMAKE_AUTOMOC ON)
set(CMAKE_AUTOUIC OFF)
set(CMAKE_AUTORCC OFF)
