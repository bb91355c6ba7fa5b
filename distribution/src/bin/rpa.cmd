@echo off
rem Engranaje launcher for the release distribution on Windows: runs the rpa CLI on a Java 17+ runtime
rem (JAVA_HOME\bin\java.exe if JAVA_HOME is set, else java on PATH). RPA_JAVA_OPTS adds JVM options.
setlocal
set "RPA_HOME=%~dp0.."
if defined JAVA_HOME (
  set "RPA_JAVA=%JAVA_HOME%\bin\java.exe"
) else (
  set "RPA_JAVA=java"
)
"%RPA_JAVA%" -version >nul 2>&1
if errorlevel 1 (
  echo rpa: no Java found; install a Java 17 ^(or newer^) runtime, or set JAVA_HOME. 1>&2
  exit /b 1
)
"%RPA_JAVA%" %RPA_JAVA_OPTS% -Dengranaje.home="%RPA_HOME%" -cp "%RPA_HOME%\lib\*" dev.engranaje.cli.Rpa %*
exit /b %ERRORLEVEL%
