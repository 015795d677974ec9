@echo off
REM FieldSurvey terminal collector - read-only. Writes one file, COMPUTERNAME.json, next to this file.
REM Usage:  fieldsurvey-terminal.cmd                  (double-click: facts only, no network probe)
REM         fieldsurvey-terminal.cmd -InternetProbe   (only after the hospital has agreed)
REM         fieldsurvey-terminal.cmd -OutputDirectory \\server\share\survey
REM All arguments are passed on to fieldsurvey-terminal.ps1 unchanged.
REM -ExecutionPolicy Bypass applies to this one powershell.exe process only and changes no setting.
REM It does NOT override an execution policy enforced by Group Policy (MachinePolicy/UserPolicy,
REM e.g. AllSigned): then the script must be signed, or the hospital's IT runs it for you.
REM chcp 65001 switches only this console window to UTF-8 so that Japanese names print correctly.
chcp 65001 >nul
REM A 32-bit program that starts this file would get the 32-bit PowerShell from System32;
REM Sysnative (visible only to 32-bit processes) leads to the 64-bit one.
if exist "%SystemRoot%\Sysnative\WindowsPowerShell\v1.0\powershell.exe" goto sysnative
%SystemRoot%\System32\WindowsPowerShell\v1.0\powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "%~dp0fieldsurvey-terminal.ps1" %*
exit /b %ERRORLEVEL%
:sysnative
%SystemRoot%\Sysnative\WindowsPowerShell\v1.0\powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "%~dp0fieldsurvey-terminal.ps1" %*
exit /b %ERRORLEVEL%
