# Sourced (POSIX sh) by ./vorg, ./mvnw and .ci/run: points JAVA_HOME at a JDK 21 or newer.
# Order: JAVA_HOME as set when it qualifies, then the newest JDK in the usual install
# places or behind the java on the PATH.

vorg_java_major() { # JDK home -> its major version
  [ -x "$1/bin/java" ] || return 1
  _v=""
  [ -f "$1/release" ] && _v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release")
  [ -n "$_v" ] || _v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1)
  [ -n "$_v" ] && echo "$_v"
}

vorg_jdk_ok() { # home need -> true when it is a JDK 21+ (with javac when need=build)
  _m=$(vorg_java_major "$1") || return 1
  [ "$_m" -ge 21 ] 2>/dev/null || return 1
  [ "$2" != build ] || [ -x "$1/bin/javac" ]
}

vorg_find_jdk() { # [build|run] -> prints the chosen JDK home
  _need=${1:-build}
  if [ -n "${JAVA_HOME:-}" ] && vorg_jdk_ok "$JAVA_HOME" "$_need"; then echo "$JAVA_HOME"; return 0; fi
  _best=""; _best_major=0
  _path_java=""
  command -v java >/dev/null 2>&1 && _path_java=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  for _c in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* \
      "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home $_path_java; do
    [ -d "$_c" ] && vorg_jdk_ok "$_c" "$_need" || continue
    _m=$(vorg_java_major "$_c")
    if [ "$_m" -gt "$_best_major" ]; then _best=$_c; _best_major=$_m; fi
  done
  [ -n "$_best" ] && echo "$_best"
}

vorg_use_jdk() { # [build|run] -> exports JAVA_HOME, or explains and fails
  _home=$(vorg_find_jdk "${1:-build}") || _home=""
  if [ -z "$_home" ]; then
    echo "vorg: no JDK 21 or newer found (looked at JAVA_HOME, /usr/lib/jvm, /opt/java and the PATH); install one (for example Temurin 21+) and set JAVA_HOME" >&2
    return 1
  fi
  JAVA_HOME=$_home
  export JAVA_HOME
}
