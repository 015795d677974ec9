# Windows packaging (not built on the Linux machines this project is tested on; see README.md
# in this folder). Included from installer/CMakeLists.txt when WIN32.
#
# `cmake --build build --target package` makes FieldSurvey-<version>-win64.exe with NSIS
# (set CPACK_GENERATOR=WIX for an .msi). The Qt libraries, plugins and translations are copied next
# to the executables at install time by windeployqt, through Qt's deployment script.

qt_generate_deploy_app_script(
    TARGET fieldsurvey
    OUTPUT_SCRIPT _fs_deploy_script
    NO_UNSUPPORTED_PLATFORM_ERROR)
install(SCRIPT ${_fs_deploy_script})
# fieldsurvey-cli uses the same Qt DLLs, already deployed beside it by the script above.

set(CPACK_GENERATOR NSIS)
set(CPACK_NSIS_PACKAGE_NAME "FieldSurvey")
set(CPACK_NSIS_DISPLAY_NAME "FieldSurvey ${PROJECT_VERSION}")
set(CPACK_NSIS_MUI_ICON "${PROJECT_SOURCE_DIR}/installer/windows/fieldsurvey.ico")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\fieldsurvey.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH ON) # offers to put fieldsurvey-cli on PATH
set(CPACK_PACKAGE_EXECUTABLES "fieldsurvey" "FieldSurvey")
set(CPACK_CREATE_DESKTOP_LINKS "fieldsurvey")
# .fsv files open in FieldSurvey.
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS "
    WriteRegStr HKCR '.fsv' '' 'FieldSurvey.Survey'
    WriteRegStr HKCR 'FieldSurvey.Survey' '' 'FieldSurvey survey'
    WriteRegStr HKCR 'FieldSurvey.Survey\\\\shell\\\\open\\\\command' '' '\\\"$INSTDIR\\\\bin\\\\fieldsurvey.exe\\\" \\\"%1\\\"'
")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS "
    DeleteRegKey HKCR '.fsv'
    DeleteRegKey HKCR 'FieldSurvey.Survey'
")
set(CPACK_WIX_UPGRADE_GUID "6E1F2C84-8B0E-4C3E-9E7B-3F6A9D2C5B10")
set(CPACK_WIX_PRODUCT_ICON "${PROJECT_SOURCE_DIR}/installer/windows/fieldsurvey.ico")
